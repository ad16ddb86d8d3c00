package io.stratus.core.connect;

import java.time.Instant;
import java.util.Optional;

/** An open connection as its owner sees it; holds no credential. */
public record OpenDatabase(String id, String resourceId, String engine, Optional<String> database, String username,
        boolean iamAuthentication, AccessMode mode, Instant openedAt) {
}
