package io.stratus.ui.results.internal;

import io.stratus.core.database.ResultColumn;
import io.stratus.core.database.ResultPage;
import io.stratus.ui.results.PageSource;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A statement shown in a grid: its columns, the rows read so far (in the grid's store) and the
 * source of the rest, which one reader at a time reads page after page into the store: the grid
 * as the person scrolls, or an export, which holds the feed until it has read every row.
 */
final class Feed implements AutoCloseable {

    final List<ResultColumn> columns;
    final RowStore store;
    private final PageSource source;
    private final long statement;
    private final ReentrantLock reader = new ReentrantLock();
    private volatile boolean more;
    private volatile String stopped;
    private volatile boolean closed;
    /** A page is being read for the grid (UI thread only). */
    boolean fetching;

    Feed(ResultPage first, PageSource source) {
        this.columns = first.columns();
        this.source = source;
        this.statement = first.statement();
        this.store = RowStore.create(columns.size());
        store.append(first.rows());
        this.more = first.more();
    }

    /** Whether the statement has rows left to read. */
    boolean more() {
        return more && stopped == null && !closed;
    }

    /** Why reading stopped before the last row, if it did. */
    String stopped() {
        return stopped;
    }

    /** Reads the next page into the store, unless another reader holds the feed; false then. */
    boolean readPageUnlessHeld(int pageSize) {
        if (!reader.tryLock()) {
            return false;
        }
        try {
            readPage(pageSize);
            return true;
        } finally {
            reader.unlock();
        }
    }

    /** Runs {@code work} as the only reader; it reads with {@link #readPage}. */
    <E extends Exception> void holding(Work<E> work) throws E {
        reader.lock();
        try {
            work.run();
        } finally {
            reader.unlock();
        }
    }

    /** What a holder of the feed does. */
    @FunctionalInterface
    interface Work<E extends Exception> {
        void run() throws E;
    }

    /**
     * Reads the next page into the store, by the holder of the feed (or a thread it waits for);
     * the source's failure is kept as the reason reading stopped, and thrown.
     */
    ResultPage readPage(int pageSize) {
        try {
            ResultPage page = source.next(statement, pageSize);
            if (!closed) {
                store.append(page.rows());
                more = page.more();
            }
            return page;
        } catch (RuntimeException e) {
            if (!closed) {
                stopped = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            throw e;
        }
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        store.close();
    }
}
