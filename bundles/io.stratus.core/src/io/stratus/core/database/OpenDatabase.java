package io.stratus.core.database;

import java.time.Instant;
import java.util.Optional;

/**
 * An open connection as its owner sees it; holds no credential. {@code username} is who logged in as
 * the person would name it: the database user, the secret's ARN, or the ARN of the AWS identity
 * (that signs the requests, or that AWS issued the credentials for); {@code login} is how, without
 * secrets.
 */
public record OpenDatabase(String id, String resourceId, String engine, Optional<String> database, String username,
        Login login, AccessMode mode, Instant openedAt) {

    public OpenDatabase {
        login = login.withoutSecrets();
    }
}
