package io.stratus.store.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few reusable connections, at most {@code size} at a time. Connections come out with
 * auto-commit off; one that failed is closed rather than handed out again.
 */
final class ConnectionPool implements AutoCloseable {

    private static final Duration WAIT = Database.LOCK_WAIT;
    private static final int VALIDATION_SECONDS = 5;

    private final Database database;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(Database database, int size) {
        this.database = database;
        this.permits = new Semaphore(size, true);
    }

    Connection borrow() {
        try {
            if (!permits.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StratusException(Problem.UNAVAILABLE, "The configuration store is busy: no connection"
                        + " became free within " + WAIT.toSeconds() + " s. Try again.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StratusException(Problem.UNAVAILABLE, "Interrupted while waiting for the configuration store.", e);
        }
        try {
            return validOrNewConnection();
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Gives a borrowed connection back; {@code reusable} is false after a failure it may not survive. */
    void release(Connection connection, boolean reusable) {
        boolean keep;
        synchronized (this) {
            keep = reusable && !closed;
            if (keep) {
                idle.push(connection);
            }
        }
        if (!keep) {
            closeQuietly(connection);
        }
        permits.release();
    }

    /** Closes the idle connections now and the borrowed ones when they come back. */
    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(ConnectionPool::closeQuietly);
    }

    private Connection validOrNewConnection() {
        try {
            for (Connection connection = nextIdle(); connection != null; connection = nextIdle()) {
                if (connection.isValid(VALIDATION_SECONDS)) {
                    return connection;
                }
                closeQuietly(connection);
            }
            Connection connection = database.connect();
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw database.cannotOpen(e);
        }
    }

    private synchronized Connection nextIdle() {
        if (closed) {
            throw new StratusException(Problem.UNAVAILABLE,
                    "The configuration store is closed: this Stratus is stopping or being reconfigured. Try again.");
        }
        return idle.poll();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing is all that is left to do with it; the store goes on with other connections
        }
    }
}
