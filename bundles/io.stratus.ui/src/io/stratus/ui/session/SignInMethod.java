package io.stratus.ui.session;

import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.MfaCode;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.RoleHop;
import io.stratus.core.session.RoleToAssume;
import io.stratus.core.session.SignInRequest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a person signed in with keys, without anything secret: the access key id, whether with an MFA code for the last call
 * (and the device's serial, if typed), the roles assumed on the way and the role signed in as. A re-authentication
 * asks for the same again, with new secrets (one MFA code: a chain whose roles on the way ask for codes of their
 * own is refused by AWS, saying so).
 */
public record SignInMethod(String accessKeyId, boolean mfa, Optional<String> mfaSerial, List<RoleToAssume> via,
        Optional<RoleToAssume> role) implements SignInWay {

    public SignInMethod {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(mfaSerial, "mfaSerial");
        via = List.copyOf(via);
        Objects.requireNonNull(role, "role");
    }

    /** What of {@code request} is not secret. */
    public static SignInMethod of(SignInRequest request) {
        return new SignInMethod(request.keys().accessKeyId(), request.mfa().isPresent(),
                request.mfa().flatMap(MfaCode::deviceSerial), request.via().stream().map(RoleHop::role).toList(),
                request.role());
    }

    /** The same way in, with new keys and, if this way has one, a new MFA code. */
    public SignInRequest with(AwsCredentials keys, Optional<Secret> mfaCode) {
        SignInRequest request = SignInRequest.withKeys(keys);
        for (RoleToAssume hop : via) {
            request = request.assuming(hop);
        }
        if (role.isPresent()) {
            request = request.assuming(role.get());
        }
        if (mfa && mfaCode.isPresent()) { // the code goes with the last call, as it did at sign-in
            request = request.withMfa(new MfaCode(mfaSerial, mfaCode.get()));
        }
        return request;
    }
}
