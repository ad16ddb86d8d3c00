package io.stratus.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** How to reach the store's database: the one place where embedded H2 and PostgreSQL differ. */
sealed interface Database permits H2Database, PostgresDatabase {

    /** How long a write transaction waits for the one before it to finish. */
    Duration LOCK_WAIT = Duration.ofSeconds(30);

    /** Opens the configured database; an embedded store that does not exist yet is created first. */
    static Database open(StoreSettings settings) {
        return switch (settings) {
            case StoreSettings.Embedded embedded -> H2Database.open(embedded.storeDirectory());
            case StoreSettings.Postgres postgres -> new PostgresDatabase(postgres);
        };
    }

    Connection connect() throws SQLException;

    /** Names the store for operators, e.g. "H2 file /srv/stratus/store/config.mv.db"; never a secret. */
    String describe();

    /** The isolation level that shows a read transaction one snapshot of the whole store. */
    int snapshotIsolation();

    /**
     * One statement that counts an attempt in {@code shared_counts} unless its count has reached the
     * limit, atomically however many nodes count at once, and returns the row as counted
     * ({@code attempts, window_ends}), or no row when nothing was counted. Parameters, in order: the
     * name counted, the time now and the end of a window begun now (milliseconds), the limit. A window
     * begins when the last one is over or every attempt in it was taken back.
     */
    String countBelowLimit();

    /**
     * Makes the migration of the store in {@code connection}'s transaction the only one until it
     * ends: several Stratus processes that share the database and start at once would otherwise
     * each find it empty and create the same tables. Nothing to do for a store only one process opens.
     */
    default void lockMigrations(Connection connection) throws SQLException {
    }

    /** True when a database without a Stratus schema is damage rather than a new store. */
    boolean mustHoldSchema();

    /** What an operator can do about a damaged store. */
    String restoreAdvice();

    /** Forgets what connecting needed (a password): called when the store closes. */
    default void close() {
    }

    /** Why the database could not be opened at all, and what to do about it. */
    StoreException cannotOpen(SQLException e);

    /** Names no location and no detail: the store cannot be reached right now. */
    default StoreException unreachable(String details, SQLException cause) {
        return new StoreException("The configuration store cannot be reached. Try again in a moment; if this keeps"
                + " happening, tell the administrator: the server's log says why.", details, cause);
    }

    /** A failure while the store is in use. */
    default StoreException failed(String what, SQLException e) {
        return new StoreException("The configuration store could not " + what + ". Try again in a moment; if this"
                + " keeps happening, tell the administrator: the server's log says why.", "The configuration store ("
                + describe() + ") could not " + what + ": " + detail(e)
                + " Check that the database is running and reachable and that its disk has room, then try again.", e);
    }

    /** The database's own words about a failure, as a sentence. */
    static String detail(SQLException e) {
        String message = String.valueOf(e.getMessage()).strip();
        return message.endsWith(".") ? message : message + ".";
    }

    /** A store that cannot be read, or does not hold what Stratus wrote into it; {@code cause} may be null. */
    default StoreException damaged(String what, SQLException cause) {
        return new StoreException("The configuration store is damaged, and Stratus will not work without it. Tell"
                + " the administrator: the server's log says what to do.", "The configuration store (" + describe()
                + ") " + what + ". Stratus will not work on an empty store in its place, because the next person to"
                + " sign in would become Administrator. " + restoreAdvice(), cause);
    }
}
