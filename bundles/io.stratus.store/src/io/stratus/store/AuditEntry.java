package io.stratus.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: who did what, when, and how it ended. {@code actor} is the
 * principal id (absent when nobody is known yet, e.g. a refused key); {@code detail} is free text
 * for people and must never contain a secret.
 */
public record AuditEntry(Instant at, String actor, String action, String outcome, String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }
}
