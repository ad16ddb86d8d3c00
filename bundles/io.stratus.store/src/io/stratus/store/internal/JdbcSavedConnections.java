package io.stratus.store.internal;

import io.stratus.core.database.SavedConnection;
import io.stratus.core.store.SavedConnectionReader;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The saved connections as a transaction reads them. */
class JdbcSavedConnections implements SavedConnectionReader {

    final JdbcTransaction sql;

    JdbcSavedConnections(JdbcTransaction sql) {
        this.sql = sql;
    }

    @Override
    public List<SavedConnection> of(String principalId) {
        return sql.query("read saved connections", row -> new SavedConnection(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), Optional.ofNullable(row.getString(5)), row.getBoolean(6),
                Optional.ofNullable(row.getString(7))),
                "SELECT connection_id, name, resource_id, username, database_name, iam_auth, secret_arn FROM saved_connections"
                        + " WHERE principal_id = ?", principalId)
                .stream().sorted(Comparator.comparing(SavedConnection::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(SavedConnection::name)).toList();
    }
}
