package io.stratus.auth.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.MfaCode;
import io.stratus.core.session.SignInRequest;

import java.util.regex.Pattern;

/** What can be checked about AWS keys without asking AWS: each mistake gets its own message. */
final class CredentialRules {

    /** AWS documents access key ids as 16 to 128 word characters. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w{16,128}");

    /** A TOTP code, as virtual MFA devices and hardware tokens show it. */
    private static final Pattern MFA_CODE = Pattern.compile("\\d{6}");
    /** AWS documents MFA serial numbers (an ARN or a hardware token's serial) as 9 to 256 such characters. */
    private static final Pattern MFA_SERIAL = Pattern.compile("[\\w+=/:,.@-]{9,256}");

    private CredentialRules() {
    }

    /** The keys, and the MFA codes and device serials given for the calls to STS. */
    static void check(SignInRequest request) {
        check(request.keys());
        request.mfa().ifPresent(CredentialRules::check);
        request.via().forEach(hop -> hop.mfa().ifPresent(CredentialRules::check));
        if (request.mfa().isPresent() && request.role().isEmpty() && request.keys().isTemporary()) {
            throw invalid("STS gives MFA sessions only for long-term access keys (AKIA...), not for temporary keys. "
                    + "Sign in with your IAM user's access key and the MFA code, or with the temporary keys alone.");
        }
    }

    private static void check(MfaCode mfa) {
        if (mfa.code().isBlank()) {
            throw invalid("The MFA code is empty. Type the 6-digit code your MFA device shows now.");
        }
        if (!MFA_CODE.matcher(mfa.code().reveal()).matches()) { // a one-time code: it serves the next call only
            throw invalid("The MFA code is not valid: it is the 6 digits your MFA device shows now.");
        }
        if (mfa.deviceSerial().isPresent() && !MFA_SERIAL.matcher(mfa.deviceSerial().get()).matches()) {
            throw invalid("The MFA device's serial number is not valid: it is the device's ARN, "
                    + "arn:aws:iam::ACCOUNT:mfa/NAME (under Security credentials in the IAM console), or a hardware "
                    + "token's serial, with no spaces.");
        }
    }

    static void check(AwsCredentials credentials) {
        String keyId = credentials.accessKeyId();
        if (keyId.isBlank()) {
            throw invalid("The access key id is empty. Paste the access key id (it starts with AKIA for an IAM "
                    + "user's key, ASIA for temporary keys).");
        }
        if (credentials.secretAccessKey().isBlank()) {
            throw invalid("The secret access key is empty. Paste the secret that was shown when the access key "
                    + "was created.");
        }
        if (!ACCESS_KEY_ID.matcher(keyId).matches()) {
            throw invalid("The access key id is not valid: AWS key ids are 16 to 128 letters, digits or "
                    + "underscores, with no spaces. Check that you pasted the key id, not the secret.");
        }
        boolean hasToken = credentials.sessionToken().isPresent() && !credentials.sessionToken().get().isBlank();
        if (credentials.isTemporary() && !hasToken) {
            throw invalid("Temporary keys (access key ids starting with ASIA) only work together with their session "
                    + "token. Paste the session token as well.");
        }
    }

    private static StratusException invalid(String message) {
        return new StratusException(Problem.INVALID_INPUT, message);
    }
}
