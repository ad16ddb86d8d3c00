package io.stratus.core.connector;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.database.CatalogEntry;

import java.util.List;
import java.util.function.BooleanSupplier;

/** One person's open connection to one database. */
public interface DatabaseLink extends AutoCloseable {

    /** A round trip to the database; throws with its reason when it fails. */
    void test();

    /**
     * The catalog below a path: at {@code []} the schemas (or databases), below a schema its
     * tables, below a table its columns.
     */
    List<CatalogEntry> browse(List<String> path);

    /** Runs a statement; its rows are read page by page from the result, never all at once. */
    StatementResult execute(String statement);

    /**
     * As {@link #execute(String)}, for a statement that a {@link #cancel()} asked for meanwhile
     * must stop even before it reaches the database: the link asks {@code cancelled} at the last
     * moment before it sends the statement, where its own cancel could not yet reach it, and then
     * sends nothing and throws a CONFLICT that says so. This default asks once, before
     * {@link #execute(String)}, enough for a link whose statement is sent as the call begins.
     */
    default StatementResult execute(String statement, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new StratusException(Problem.CONFLICT, "The statement was cancelled before it started.");
        }
        return execute(statement);
    }

    /**
     * Stops the statement running now, from any thread: while it executes or while its pages are
     * read. The caller of {@link #execute} or {@code nextPage} then gets a CONFLICT that says so.
     */
    void cancel();

    /**
     * Whether the database keeps changes in transactions that commit and rollback end; without
     * them (the default) each change takes effect as its statement runs, and the three methods
     * below are never called.
     */
    default boolean transactional() {
        return false;
    }

    /**
     * On (as every link opens): each statement's changes are kept as it finishes. Off: they
     * gather in a transaction until {@link #commit()} or {@link #rollback()}; turning it on again
     * commits that transaction.
     */
    default void autoCommit(boolean on) {
        throw new UnsupportedOperationException("no transactions");
    }

    default void commit() {
        throw new UnsupportedOperationException("no transactions");
    }

    default void rollback() {
        throw new UnsupportedOperationException("no transactions");
    }

    @Override
    void close();
}
