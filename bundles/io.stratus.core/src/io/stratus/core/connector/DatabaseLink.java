package io.stratus.core.connector;

import io.stratus.core.database.CatalogEntry;
import java.util.List;

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
     * Stops the statement running now, from any thread: while it executes or while its pages are
     * read. The caller of {@link #execute} or {@code nextPage} then gets a CONFLICT that says so.
     */
    void cancel();

    @Override
    void close();
}
