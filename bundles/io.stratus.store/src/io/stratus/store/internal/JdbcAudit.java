package io.stratus.store.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.store.AuditEntry;
import io.stratus.core.store.AuditReader;

import java.util.List;

/** The audit trail as a transaction reads it. */
class JdbcAudit implements AuditReader {

    final JdbcTransaction sql;

    JdbcAudit(JdbcTransaction sql) {
        this.sql = sql;
    }

    @Override
    public List<AuditEntry> newest(int limit) {
        if (limit < 1) {
            throw new StratusException(Problem.INVALID_INPUT, "Ask for at least one audit entry, not " + limit + ".");
        }
        return sql.query(limit, "read the audit trail", row -> new AuditEntry(JdbcTransaction.instant(row, 1),
                row.getString(2), row.getString(3), row.getString(4), row.getString(5)),
                "SELECT occurred_at, actor, action, outcome, detail FROM audit_log ORDER BY seq DESC");
    }
}
