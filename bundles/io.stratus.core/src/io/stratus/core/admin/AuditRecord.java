package io.stratus.core.admin;

import java.time.Instant;

/** One entry of the audit trail, as administrators read it. */
public record AuditRecord(Instant at, String actor, String action, String outcome, String detail) {
}
