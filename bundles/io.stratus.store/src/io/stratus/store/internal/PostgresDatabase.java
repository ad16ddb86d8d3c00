package io.stratus.store.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.Secret;
import io.stratus.store.StoreConfiguration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.postgresql.Driver;

/**
 * A PostgreSQL database given by {@code jdbcUrl}. Connections come from the driver class itself,
 * not from DriverManager, which cannot see drivers across OSGi bundles.
 */
final class PostgresDatabase implements Database {

    /** The key of the advisory lock that migrations take: "Stratus" in ASCII, known to no other application. */
    private static final long MIGRATIONS_LOCK = 0x53747261747573L;

    private final StoreSettings.Postgres settings;
    private final Driver driver = new Driver();

    PostgresDatabase(StoreSettings.Postgres settings) {
        if (Driver.parseURL(settings.jdbcUrl(), null) == null) {
            throw new StratusException(Problem.INVALID_INPUT, "The configuration '" + StoreConfiguration.PID
                    + "' has a jdbcUrl the PostgreSQL driver cannot read: " + settings.jdbcUrl()
                    + ". Use the form jdbc:postgresql://host:port/database.");
        }
        this.settings = settings;
    }

    @Override
    public Connection connect() throws SQLException {
        Properties login = new Properties(); // lives for this call only, so the password is not kept in a second place
        settings.user().ifPresent(user -> login.setProperty("user", user));
        settings.password().ifPresent(password -> login.setProperty("password", password.reveal()));
        return driver.connect(settings.jdbcUrl(), login);
    }

    @Override
    public void close() {
        settings.password().ifPresent(Secret::clear);
    }

    @Override
    public String describe() {
        return "PostgreSQL " + settings.jdbcUrl() + settings.user().map(user -> " as " + user).orElse("");
    }

    @Override
    public int snapshotIsolation() {
        // A snapshot already; SERIALIZABLE could make even a read-only transaction fail.
        return Connection.TRANSACTION_REPEATABLE_READ;
    }

    /** An advisory lock of the database, held until the migration commits or rolls back. */
    @Override
    public void lockMigrations(Connection connection) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.execute("SELECT pg_advisory_xact_lock(" + MIGRATIONS_LOCK + ")");
        }
    }

    @Override
    public String countBelowLimit() {
        // ON CONFLICT locks the row another node inserted or updated, then checks WHERE against it as committed.
        return "WITH a (counted, now_ms, ends_ms, max_attempts) AS (VALUES (CAST(? AS VARCHAR(300)), CAST(? AS BIGINT),"
                + " CAST(? AS BIGINT), CAST(? AS INTEGER)))"
                + " INSERT INTO shared_counts AS c (counted, attempts, window_ends) SELECT counted, 1, ends_ms FROM a"
                + " ON CONFLICT (counted) DO UPDATE SET"
                + " attempts = CASE WHEN c.window_ends <= (SELECT now_ms FROM a) OR c.attempts = 0 THEN 1"
                + " ELSE c.attempts + 1 END,"
                + " window_ends = CASE WHEN c.window_ends <= (SELECT now_ms FROM a) OR c.attempts = 0"
                + " THEN EXCLUDED.window_ends ELSE c.window_ends END"
                + " WHERE c.window_ends <= (SELECT now_ms FROM a) OR c.attempts < (SELECT max_attempts FROM a)"
                + " RETURNING attempts, window_ends";
    }

    @Override
    public boolean mustHoldSchema() {
        return false; // an empty database is how every PostgreSQL store begins
    }

    @Override
    public String restoreAdvice() {
        return "Restore the database from a backup. Only if this instance is meant to be set up again from scratch,"
                + " point jdbcUrl at a new, empty database.";
    }

    @Override
    public StoreException cannotOpen(SQLException e) {
        return unreachable("Stratus could not connect to its configuration store ("
                + describe() + "): " + Database.detail(e) + " Check jdbcUrl, user and password of the configuration '"
                + StoreConfiguration.PID + "', and that the server is running and accepts connections from here.", e);
    }
}
