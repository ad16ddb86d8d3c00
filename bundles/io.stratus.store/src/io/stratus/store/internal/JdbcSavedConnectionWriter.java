package io.stratus.store.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.database.SavedConnection;
import io.stratus.core.store.IdentityReader;
import io.stratus.core.store.SavedConnectionWriter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a write transaction changes in the saved connections. */
final class JdbcSavedConnectionWriter extends JdbcSavedConnections implements SavedConnectionWriter {

    /** Whose connections: a connection belongs to a known user. */
    private final IdentityReader identity;

    JdbcSavedConnectionWriter(JdbcTransaction sql, IdentityReader identity) {
        super(sql);
        this.identity = identity;
    }

    @Override
    public void save(String principalId, SavedConnection connection) {
        if (identity.user(principalId).isEmpty()) {
            throw new StratusException(Problem.NOT_FOUND, "No Stratus user has the principal id '" + principalId + "'.");
        }
        List<Object> values = new ArrayList<>(List.of(connection.name(), connection.resourceId()));
        values.add(connection.database().orElse(null));
        values.addAll(Arrays.asList(values(connection.login())));
        values.add(connection.id());
        values.add(principalId);
        boolean mine = sql.first("save a connection", row -> row.getString(1),
                "SELECT principal_id FROM saved_connections WHERE connection_id = ?", connection.id())
                .map(principalId::equals).orElse(true);
        if (!mine) {
            throw new StratusException(Problem.NOT_FOUND, "You have no saved connection " + connection.id() + ".");
        }
        // Writes run one at a time (the write lock), so no other can take the name after this check.
        if (sql.first("save a connection", row -> true, "SELECT 1 FROM saved_connections WHERE principal_id = ?"
                + " AND name = ? AND connection_id <> ?", principalId, connection.name(), connection.id()).isPresent()) {
            throw new StratusException(Problem.CONFLICT, "You have a saved connection named '" + connection.name()
                    + "' already. Choose another name.");
        }
        Object[] row = values.toArray();
        if (sql.update("save a connection", "UPDATE saved_connections SET name = ?, resource_id = ?, database_name = ?, "
                + LOGIN_COLUMNS.replace(",", " = ?,") + " = ? WHERE connection_id = ? AND principal_id = ?", row) == 0) {
            sql.update("save a connection", "INSERT INTO saved_connections (name, resource_id, database_name, "
                    + LOGIN_COLUMNS + ", connection_id, principal_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row);
        }
    }

    @Override
    public boolean delete(String principalId, String connectionId) {
        return sql.update("delete a saved connection", "DELETE FROM saved_connections WHERE connection_id = ?"
                + " AND principal_id = ?", connectionId, principalId) > 0;
    }
}
