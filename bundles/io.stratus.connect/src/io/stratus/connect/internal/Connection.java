package io.stratus.connect.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.database.AccessMode;
import io.stratus.core.database.CatalogEntry;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.database.ResultPage;
import io.stratus.core.connector.StatementResult;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One open database of a person, with the statement whose rows are being read. A database
 * connection does one thing at a time: a second call while one runs is refused at once rather than
 * queued, except {@link #cancel()}, which is what stops the one running.
 */
final class Connection {

    private final OpenDatabase described;
    private final IdleConnections.Key key;
    private final DatabaseLink database;
    private final ReentrantLock busy = new ReentrantLock();
    /** The result being read page by page; guarded by {@link #busy}. */
    private StatementResult reading;
    /** The number of the statement run last; guarded by {@link #busy}. */
    private long statement;
    /** Cancel was asked for the statement run last, from the moment its request arrived. */
    private volatile boolean cancelled;
    /** Closed or back in the pool: a call that found this connection just before must not use it. */
    private volatile boolean released;
    /** Changes wait for commit or rollback; guarded by {@link #busy}. */
    private boolean manualCommit;

    Connection(OpenDatabase described, IdleConnections.Key key, DatabaseLink database) {
        this.described = described;
        this.key = key;
        this.database = database;
    }

    OpenDatabase described() {
        return described;
    }

    IdleConnections.Key key() {
        return key;
    }

    /**
     * The database connection, with nothing left of its last statement, for the pool; empty if a
     * statement still runs (then only closing ends it).
     */
    Optional<DatabaseLink> release() {
        if (!busy.tryLock()) {
            return Optional.empty();
        }
        try {
            released = true;
            dropReading();
            if (manualCommit) { // the next owner starts as everyone does: nothing pending, auto-commit on
                database.rollback();
                database.autoCommit(true);
            }
            return Optional.of(database);
        } catch (RuntimeException broken) {
            return Optional.empty();
        } finally {
            busy.unlock();
        }
    }

    void test() {
        exclusively(() -> {
            database.test();
            return null;
        });
    }

    /** Reading the catalog ends the transaction a result is read in, so that result is dropped first. */
    List<CatalogEntry> browse(List<String> path) {
        return exclusively(() -> {
            dropReading();
            return database.browse(path);
        });
    }

    /**
     * A cancel from the moment the connection takes the request stops the statement: while the
     * last one's rows are dropped, on its way to the database (the link asks before sending it),
     * while it runs, and between its pages.
     */
    ResultPage execute(String statement, int pageSize) {
        return exclusively(() -> {
            cancelled = false;
            dropReading();
            this.statement++;
            StatementResult result = database.execute(statement, () -> cancelled);
            if (result.columns().isEmpty()) {
                OptionalLong changed = result.updateCount();
                result.close(); // keeps what it changed
                return new ResultPage(this.statement, List.of(), List.of(), changed, false);
            }
            reading = result;
            return page(pageSize);
        });
    }

    ResultPage nextPage(long statement, int pageSize) {
        return exclusively(() -> {
            if (statement != this.statement) {
                throw new StratusException(Problem.CONFLICT, "Another statement ran on this connection since statement "
                        + statement + ": its rows are gone. Run it again to read them.");
            }
            if (reading == null) {
                throw cancelled ? new StratusException(Problem.CONFLICT, "The statement was cancelled.")
                        : new StratusException(Problem.NOT_FOUND, "No rows are left to read on this connection: run a "
                                + "statement first.");
            }
            return page(pageSize);
        });
    }

    void autoCommit(boolean on) {
        transaction(() -> {
            database.autoCommit(on);
            manualCommit = !on;
        });
    }

    void commit() {
        transaction(database::commit);
    }

    void rollback() {
        transaction(database::rollback);
    }

    /**
     * Work on the transaction: refused where a transaction could only read (Stratus rolls back each
     * statement of a read-only connection itself) and where the database has none. The rows being
     * read belong to the transaction, so they go first.
     */
    private void transaction(Runnable work) {
        if (described.mode() == AccessMode.READ_ONLY) {
            throw new StratusException(Problem.FORBIDDEN, "This connection is read-only (your Stratus role lets you "
                    + "read " + described.resourceId() + ", not change it): each statement runs alone in a read-only "
                    + "transaction that Stratus rolls back, so there is nothing to commit or roll back.");
        }
        if (!database.transactional()) {
            throw new StratusException(Problem.INVALID_INPUT, described.engine() + " has no transactions: each change "
                    + "takes effect as its statement runs, so there is nothing to commit or roll back.");
        }
        exclusively(() -> {
            dropReading();
            work.run();
            return null;
        });
    }

    /**
     * Stops the statement running now; between two pages (where a database has nothing running to
     * cancel) it drops the rest of the rows, so that a stream being read stops too.
     */
    void cancel() {
        cancelled = true;
        database.cancel();
        if (busy.tryLock()) {
            try {
                dropReading();
            } finally {
                busy.unlock();
            }
        }
    }

    /** Stops a statement running on the connection first: a driver may wait for it before closing. */
    void close() {
        released = true;
        try {
            database.cancel();
        } catch (RuntimeException nothingToStop) {
            // closing anyway
        }
        database.close();
    }

    private ResultPage page(int pageSize) {
        StatementResult result = reading;
        if (cancelled) { // asked while this call held the connection, between round trips: nothing was running to stop
            dropReading();
            throw new StratusException(Problem.CONFLICT, "The statement was cancelled.");
        }
        List<List<Object>> rows;
        try {
            rows = result.nextPage(pageSize);
        } catch (RuntimeException e) {
            dropReading();
            throw e;
        }
        boolean more = rows.size() == pageSize;
        if (!more) {
            dropReading();
        }
        return new ResultPage(statement, result.columns(), rows, OptionalLong.empty(), more);
    }

    private void dropReading() {
        if (reading != null) {
            StatementResult dropped = reading;
            reading = null;
            dropped.close();
        }
    }

    private <T> T exclusively(Supplier<T> work) {
        if (!busy.tryLock()) {
            throw new StratusException(Problem.CONFLICT, "A statement is still running on this connection: wait for "
                    + "it, or cancel it.");
        }
        try {
            if (released) {
                throw new StratusException(Problem.NOT_FOUND, "This database was closed. Open it again.");
            }
            return work.get();
        } catch (StratusException e) {
            if (released) { // closed under the running statement: say so, not "unreachable"
                throw new StratusException(Problem.CONFLICT, "This database was closed while the statement ran.", e);
            }
            throw e;
        } finally {
            busy.unlock();
        }
    }
}
