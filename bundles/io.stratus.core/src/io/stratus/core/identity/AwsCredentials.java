package io.stratus.core.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * AWS access keys as a person typed them: an access key id, the secret access key and, for
 * temporary keys, a session token. Held in memory for one session only; {@link #toString()}
 * shows no secret and only the ends of the key id.
 */
public final class AwsCredentials {

    /** Temporary keys (issued by STS) start with this prefix and need a session token. */
    public static final String TEMPORARY_KEY_PREFIX = "ASIA";

    private final String accessKeyId;
    private final Secret secretAccessKey;
    private final Secret sessionToken;

    public AwsCredentials(String accessKeyId, Secret secretAccessKey, Secret sessionToken) {
        this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
        this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        this.sessionToken = sessionToken;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public Secret secretAccessKey() {
        return secretAccessKey;
    }

    public Optional<Secret> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    public boolean isTemporary() {
        return accessKeyId.startsWith(TEMPORARY_KEY_PREFIX);
    }

    /** Wipes the secret parts; called when the session that owns them ends. */
    public void clear() {
        secretAccessKey.clear();
        if (sessionToken != null) {
            sessionToken.clear();
        }
    }

    /** The key id with all but its first and last four characters masked, for logs and screens. */
    public String maskedAccessKeyId() {
        int n = accessKeyId.length();
        if (n <= 8) {
            return "*".repeat(n);
        }
        return accessKeyId.substring(0, 4) + "*".repeat(n - 8) + accessKeyId.substring(n - 4);
    }

    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + maskedAccessKeyId() + ", secretAccessKey=redacted, sessionToken="
                + (sessionToken == null ? "none" : "redacted") + "]";
    }
}
