package io.stratus.store.internal;

import io.stratus.core.store.AuditEntry;
import io.stratus.core.store.AuditWriter;

/** What a write transaction adds to the audit trail. */
final class JdbcAuditWriter extends JdbcAudit implements AuditWriter {

    JdbcAuditWriter(JdbcTransaction sql) {
        super(sql);
    }

    @Override
    public void append(AuditEntry entry) {
        sql.update("write to the audit trail", "INSERT INTO audit_log (occurred_at, actor, action, outcome, detail)"
                + " VALUES (?, ?, ?, ?, ?)", entry.at(), entry.actor(), entry.action(), entry.outcome(), entry.detail());
    }
}
