package io.stratus.core.database;

import java.time.Instant;
import java.util.Optional;

/**
 * An open connection as its owner sees it; holds no credential. {@code username} is the database
 * user, or the ARN of the AWS identity that signs the requests where {@code awsIdentity} is true
 * (DynamoDB).
 */
public record OpenDatabase(String id, String resourceId, String engine, Optional<String> database, String username,
        boolean iamAuthentication, boolean awsIdentity, AccessMode mode, Instant openedAt) {
}
