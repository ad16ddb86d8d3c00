package io.stratus.connect.jdbc;

import io.stratus.core.database.CatalogEntry;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.database.AccessMode;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.connector.StatementResult;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A link to a database over one JDBC connection, for any engine whose driver speaks JDBC. Results
 * are streamed: the driver fetches {@link #FETCH_SIZE} rows at a time inside a transaction, and a
 * page is read from the cursor only when asked for. A read-only link runs each statement alone in
 * a read-only transaction, which it rolls back afterwards (see {@link ReadOnlyRules}); a writing
 * link commits what each statement changed, or, with auto-commit off, leaves that to the person's
 * commit or rollback. (The driver's connection never auto-commits: PostgreSQL streams rows only
 * inside a transaction.)
 */
public final class JdbcLink implements DatabaseLink {

    /** Rows the driver fetches per round trip; PostgreSQL streams only inside a transaction. */
    static final int FETCH_SIZE = 500;
    private static final int VALIDATION_SECONDS = 10;

    private final Connection connection;
    private final AccessMode mode;
    private final ReadOnlyRules readOnly;
    /** The statement executing or being read, for {@link #cancel()} from another thread. */
    private volatile Statement running;
    /** Whether each statement's changes are committed as it finishes; else the person commits or rolls back. */
    private volatile boolean autoCommit = true;

    private JdbcLink(Connection connection, AccessMode mode, ReadOnlyRules readOnly) {
        this.connection = connection;
        this.mode = mode;
        this.readOnly = readOnly;
    }

    /**
     * Takes over an open connection: sets its access mode and closes it with the link.
     *
     * @param readOnly the engine's rules, applied to every statement when the mode is read-only
     */
    public static JdbcLink of(Connection connection, AccessMode mode, ReadOnlyRules readOnly) {
        try {
            connection.setReadOnly(mode == AccessMode.READ_ONLY);
            connection.setAutoCommit(false);
            return new JdbcLink(connection, mode, readOnly);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlErrors.explain(e, "preparing the session");
        }
    }

    @Override
    public void test() {
        try {
            if (!connection.isValid(VALIDATION_SECONDS)) {
                throw new StratusException(Problem.REMOTE_UNREACHABLE, "The database did not answer within "
                        + VALIDATION_SECONDS + " s. Check that it is running and reachable, then reconnect.");
            }
        } catch (SQLException e) {
            throw SqlErrors.explain(e, "testing the connection");
        }
    }

    @Override
    public List<CatalogEntry> browse(List<String> path) {
        try {
            DatabaseMetaData metadata = connection.getMetaData();
            List<CatalogEntry> items = new ArrayList<>();
            switch (path.size()) {
                case 0 -> read(metadata.getSchemas(), rs -> items.add(new CatalogEntry(rs.getString("TABLE_SCHEM"), "schema", "")));
                case 1 -> read(metadata.getTables(null, literally(metadata, path.get(0)), "%", new String[] {"TABLE", "VIEW"}),
                        rs -> items.add(new CatalogEntry(rs.getString("TABLE_NAME"),
                                rs.getString("TABLE_TYPE").toLowerCase(java.util.Locale.ROOT), nullToEmpty(rs.getString("REMARKS")))));
                case 2 -> read(metadata.getColumns(null, literally(metadata, path.get(0)), literally(metadata, path.get(1)), "%"),
                        rs -> items.add(new CatalogEntry(rs.getString("COLUMN_NAME"), "column", rs.getString("TYPE_NAME")
                                + ("NO".equals(rs.getString("IS_NULLABLE")) ? " not null" : ""))));
                default -> throw new StratusException(Problem.INVALID_INPUT, "Columns are the deepest level of the "
                        + "catalog: give at most a schema and a table.");
            }
            return items;
        } catch (SQLException e) {
            throw SqlErrors.explain(e, "reading the catalog");
        } finally {
            if (ownsTransactions()) {
                rollbackQuietly(); // it read only: nothing to keep
            }
        }
    }

    @Override
    public StatementResult execute(String statement) {
        return execute(statement, () -> false);
    }

    /**
     * Asks {@code cancelled} as the statement becomes {@code running} (together with
     * {@link #cancel()}, so that one of the two sees the other) and again once the driver has run
     * it: a driver ignores a cancel that comes before it has sent the statement, so a cancel asked
     * on the way only shows in the flag. Then nothing of the statement is kept where Stratus owns
     * the transaction (it rolls back); in the person's own transaction a statement the database
     * had already run stands, as when a cancel comes just too late.
     */
    @Override
    public StatementResult execute(String statement, BooleanSupplier cancelled) {
        if (statement == null || statement.isBlank()) {
            throw new StratusException(Problem.INVALID_INPUT, "The statement is empty.");
        }
        Statement jdbc = null;
        try {
            if (mode == AccessMode.READ_ONLY) {
                readOnly.check(connection, statement);
                readOnly.beginReadOnly(connection);
            }
            jdbc = connection.createStatement();
            jdbc.setFetchSize(FETCH_SIZE);
            synchronized (this) {
                if (cancelled.getAsBoolean()) {
                    throw cancelledOnTheWay("before it reached the database");
                }
                running = jdbc;
            }
            boolean rows = jdbc.execute(statement);
            if (ownsTransactions() && cancelled.getAsBoolean()) {
                throw cancelledOnTheWay("while it was sent; nothing it did is kept");
            }
            return rows ? new JdbcResult(this, jdbc, jdbc.getResultSet()) : JdbcResult.updated(this, jdbc, jdbc.getUpdateCount());
        } catch (SQLException e) {
            if (jdbc != null) {
                closeQuietly(jdbc);
            }
            running = null;
            if (ownsTransactions()) {
                rollbackQuietly();
            } // else the person's transaction: theirs to roll back (PostgreSQL refuses more statements until then)
            throw SqlErrors.explain(e, "running the statement");
        }
    }

    /** The database's own "query canceled", which {@link SqlErrors} explains as a CONFLICT. */
    private static SQLException cancelledOnTheWay(String when) {
        return new SQLException("cancelled " + when, "57014");
    }

    @Override
    public void cancel() {
        Statement statement;
        synchronized (this) {
            statement = running;
        }
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                throw SqlErrors.explain(e, "cancelling the statement");
            }
        }
    }

    /** A statement's result is closed: keep what it changed; a read-only one changed nothing worth keeping. */
    void finished(Statement statement) {
        if (running == statement) {
            running = null;
        }
        if (mode == AccessMode.READ_ONLY) {
            rollbackQuietly();
        } else if (autoCommit) {
            commitStatement();
        }
    }

    /** A statement failed while its rows were read: nothing of a transaction Stratus began for it is kept. */
    void failed(Statement statement) {
        if (running == statement) {
            running = null;
        }
        if (ownsTransactions()) {
            rollbackQuietly();
        }
    }

    /** Whether Stratus begins and ends each transaction itself, rather than the person with commit and rollback. */
    private boolean ownsTransactions() {
        return mode == AccessMode.READ_ONLY || autoCommit;
    }

    @Override
    public boolean transactional() {
        return true;
    }

    @Override
    public void autoCommit(boolean on) {
        refuseReadOnly();
        if (on && !autoCommit) {
            commitStatement();
        }
        autoCommit = on;
    }

    @Override
    public void commit() {
        refuseReadOnly();
        try {
            connection.commit();
        } catch (SQLException e) {
            throw SqlErrors.explain(e, "committing");
        }
    }

    @Override
    public void rollback() {
        refuseReadOnly();
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw SqlErrors.explain(e, "rolling back");
        }
    }

    /** A read-only link's transactions are Stratus's alone: each holds one statement and is rolled back. */
    private void refuseReadOnly() {
        if (mode == AccessMode.READ_ONLY) {
            throw new StratusException(Problem.FORBIDDEN, "This connection is read-only (your Stratus role lets you read "
                    + "data, not change it): Stratus rolls back each statement's read-only transaction itself.");
        }
    }

    /** Keeps what a finished statement changed. */
    private void commitStatement() {
        try {
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw SqlErrors.explain(e, "committing");
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the next call says so
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void read(ResultSet rows, RowReader reader) throws SQLException {
        try (rows) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }

    /** Metadata calls take LIKE patterns: a name given by a person matches only itself. */
    private static String literally(DatabaseMetaData metadata, String name) throws SQLException {
        String escape = metadata.getSearchStringEscape();
        return name.replace(escape, escape + escape).replace("%", escape + "%").replace("_", escape + "_");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing: nothing left to do with it
        }
    }
}
