package io.stratus.store.internal;

import io.stratus.core.store.SharedCounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared counts in the store's {@code shared_counts} table. Each call is one statement committed
 * on its own, outside the store's write lock: counting an attempt never waits for a change of roles,
 * and the database's row lock alone keeps parallel counts right. Rows whose window is over are
 * deleted now and then, so the table holds only what is being counted.
 */
final class JdbcSharedCounts implements SharedCounts {

    /** After this many counts in this process, rows of windows long over are deleted. */
    private static final int PRUNE_EVERY = 1_000;
    /** SQLSTATE of a unique violation: two inserted the same new row at once (H2 only; PostgreSQL merges them). */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSharedCounts.class);

    @FunctionalInterface
    private interface Statement<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Database database;
    private final ConnectionPool pool;
    private final Clock clock;
    private final AtomicInteger counts = new AtomicInteger();

    JdbcSharedCounts(Database database, ConnectionPool pool, Clock clock) {
        this.database = database;
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public Optional<Counted> countBelow(String name, int limit, Duration window) {
        long now = clock.millis();
        if (counts.incrementAndGet() % PRUNE_EVERY == 0) {
            prune(now);
        }
        return run("count a sign-in attempt", connection -> {
            try {
                return count(connection, name, limit, now, window);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                return count(connection, name, limit, now, window); // the row is there now: this time it is merged into
            }
        });
    }

    private Optional<Counted> count(Connection connection, String name, int limit, long now, Duration window)
            throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(database.countBelowLimit())) {
            count.setString(1, name);
            count.setLong(2, now);
            count.setLong(3, now + window.toMillis());
            count.setInt(4, limit);
            try (ResultSet row = count.executeQuery()) {
                return row.next() ? Optional.of(new Counted(name, row.getInt(1), Instant.ofEpochMilli(row.getLong(2))))
                        : Optional.empty();
            }
        }
    }

    @Override
    public Optional<Instant> windowEnds(String name) {
        long now = clock.millis();
        return run("read a sign-in count", connection -> {
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT window_ends FROM shared_counts WHERE counted = ? AND window_ends > ?")) {
                read.setString(1, name);
                read.setLong(2, now);
                try (ResultSet row = read.executeQuery()) {
                    return row.next() ? Optional.of(Instant.ofEpochMilli(row.getLong(1))) : Optional.<Instant>empty();
                }
            }
        });
    }

    @Override
    public void takeBack(Counted counted) {
        update("take back a sign-in attempt", "UPDATE shared_counts SET attempts = attempts - 1"
                + " WHERE counted = ? AND window_ends = ? AND attempts > 0", counted.name(),
                counted.windowEnds().toEpochMilli());
    }

    @Override
    public void forget(String name) {
        update("forget sign-in attempts", "DELETE FROM shared_counts WHERE counted = ?", name);
    }

    private void prune(long now) {
        try {
            update("delete counts that are over", "DELETE FROM shared_counts WHERE window_ends <= ?", now);
        } catch (RuntimeException e) {
            LOG.warn("Counts whose window is over were not deleted this time: {}", e.getMessage());
        }
    }

    private void update(String what, String sql, Object... parameters) {
        run(what, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    update.setObject(i + 1, parameters[i]);
                }
                return update.executeUpdate();
            }
        });
    }

    /** One statement on a pooled connection, committed at once. */
    private <T> T run(String what, Statement<T> statement) {
        Connection connection = pool.borrow();
        boolean reusable = false;
        try {
            connection.setReadOnly(false); // as a read transaction may have left it
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            T result = statement.run(connection);
            connection.commit();
            reusable = true;
            return result;
        } catch (SQLException e) {
            rollback(connection);
            StoreException failure = database.failed(what, e);
            LOG.error(failure.details(), e);
            throw failure;
        } finally {
            pool.release(connection, reusable);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection is not reused
        }
    }
}
