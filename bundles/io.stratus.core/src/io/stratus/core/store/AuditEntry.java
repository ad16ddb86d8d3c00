package io.stratus.core.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One line of the audit trail: who did what, when, and how it ended. {@code actor} is the
 * principal id (absent when nobody is known yet, e.g. a refused key); {@code detail} is free text
 * for people and must never contain a secret. {@code at} is kept to the microsecond.
 */
public record AuditEntry(Instant at, String actor, String action, String outcome, String detail) {

    public AuditEntry {
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }
}
