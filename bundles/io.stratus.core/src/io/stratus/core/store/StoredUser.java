package io.stratus.core.store;

import io.stratus.core.identity.PrincipalType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A Stratus user: an AWS principal that has signed in at least once. Keyed by the principal id
 * (IAM user or role unique id), never by name. Times are kept to the microsecond, as the store
 * keeps them, so a user reads back equal to what was saved.
 */
public record StoredUser(String principalId, String arn, String displayName, PrincipalType type,
        Instant firstSignIn, Instant lastSignIn) {

    public StoredUser {
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(type, "type");
        firstSignIn = Objects.requireNonNull(firstSignIn, "firstSignIn").truncatedTo(ChronoUnit.MICROS);
        lastSignIn = Objects.requireNonNull(lastSignIn, "lastSignIn").truncatedTo(ChronoUnit.MICROS);
    }
}
