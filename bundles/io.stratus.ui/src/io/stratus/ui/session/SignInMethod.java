package io.stratus.ui.session;

import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.MfaCode;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.RoleToAssume;
import io.stratus.core.session.SignInRequest;

import java.util.Objects;
import java.util.Optional;

/**
 * How a person signed in, without anything secret: the access key id, whether with an MFA code (and the device's
 * serial, if typed) and as which role. A re-authentication asks for the same again, with new secrets.
 */
public record SignInMethod(String accessKeyId, boolean mfa, Optional<String> mfaSerial, Optional<RoleToAssume> role) {

    public SignInMethod {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(mfaSerial, "mfaSerial");
        Objects.requireNonNull(role, "role");
    }

    /** What of {@code request} is not secret. */
    public static SignInMethod of(SignInRequest request) {
        return new SignInMethod(request.keys().accessKeyId(), request.mfa().isPresent(),
                request.mfa().flatMap(MfaCode::deviceSerial), request.role());
    }

    /** The same way in, with new keys and, if this way has one, a new MFA code. */
    public SignInRequest with(AwsCredentials keys, Optional<Secret> mfaCode) {
        SignInRequest request = SignInRequest.withKeys(keys);
        if (mfa && mfaCode.isPresent()) {
            request = request.withMfa(new MfaCode(mfaSerial, mfaCode.get()));
        }
        return role.map(request::assuming).orElse(request);
    }
}
