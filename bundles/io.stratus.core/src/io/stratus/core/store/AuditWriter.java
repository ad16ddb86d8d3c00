package io.stratus.core.store;

/** What a write transaction adds to the audit trail: it only ever grows. */
public interface AuditWriter extends AuditReader {

    void append(AuditEntry entry);
}
