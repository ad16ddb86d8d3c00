package io.stratus.auth.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;

import java.util.regex.Pattern;

/** What can be checked about AWS keys without asking AWS: each mistake gets its own message. */
final class CredentialRules {

    /** AWS documents access key ids as 16 to 128 word characters. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w{16,128}");

    private CredentialRules() {
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
