package io.stratus.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One transaction on the one connection it holds: the statements of every area it hands out run
 * here, so they commit or roll back together. Usable only while the transaction runs.
 */
final class JdbcTransaction {

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet result) throws SQLException;
    }

    final Database database;
    private final Connection connection;
    private final boolean writing;
    private boolean open = true;

    JdbcTransaction(Connection connection, Database database, boolean writing) {
        this.connection = connection;
        this.database = database;
        this.writing = writing;
    }

    /**
     * Starts the transaction. A reader sees one snapshot of the store throughout. A writer waits
     * (bounded) for the write before it, then locks out the next, so every check it makes (is the
     * instance bound? does the user exist?) stays true until it commits: no two writes interleave.
     * It reads READ COMMITTED, because each statement after the lock must see what that write committed.
     */
    void begin() {
        try {
            connection.setReadOnly(!writing);
            connection.setTransactionIsolation(writing ? Connection.TRANSACTION_READ_COMMITTED : database.snapshotIsolation());
        } catch (SQLException e) {
            throw database.failed("start a transaction", e);
        }
        if (writing) {
            lockWrites();
        }
    }

    private void lockWrites() {
        try (PreparedStatement lock = prepare("SELECT id FROM write_lock WHERE id = 1 FOR UPDATE")) {
            lock.setQueryTimeout((int) Database.LOCK_WAIT.toSeconds());
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw database.damaged("has lost the row of its write_lock table", null);
                }
            }
        } catch (SQLException e) {
            throw database.failed("wait for the changes before this one to finish", e);
        }
    }

    /** Called when the transaction ends: an area kept beyond it must not reach the next transaction's connection. */
    void end() {
        open = false;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
    int update(String what, String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw database.failed(what, e);
        }
    }

    <T> Optional<T> first(String what, Row<T> row, String sql, Object... parameters) {
        return query(1, what, row, sql, parameters).stream().findFirst();
    }

    <T> List<T> query(String what, Row<T> row, String sql, Object... parameters) {
        return query(0, what, row, sql, parameters);
    }

    /** {@code maxRows} 0 means all rows. */
    <T> List<T> query(int maxRows, String what, Row<T> row, String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            statement.setMaxRows(maxRows);
            try (ResultSet result = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(row.read(result));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw database.failed(what, e);
        }
    }

    /** A statement with its parameters set; an {@link Instant} is stored as a timestamp with time zone. */
    PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        if (!open) {
            throw new IllegalStateException("This store reader or writer belongs to a transaction that has ended.");
        }
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter == null) {
                    statement.setNull(i + 1, Types.VARCHAR); // only text columns are nullable
                } else if (parameter instanceof Instant instant) {
                    statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
