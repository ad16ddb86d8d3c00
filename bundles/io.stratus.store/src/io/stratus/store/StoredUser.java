package io.stratus.store;

import io.stratus.core.identity.PrincipalType;

import java.time.Instant;
import java.util.Objects;

/**
 * A Stratus user: an AWS principal that has signed in at least once. Keyed by the principal id
 * (IAM user or role unique id), never by name.
 */
public record StoredUser(String principalId, String arn, String displayName, PrincipalType type,
        Instant firstSignIn, Instant lastSignIn) {

    public StoredUser {
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(firstSignIn, "firstSignIn");
        Objects.requireNonNull(lastSignIn, "lastSignIn");
    }
}
