package io.stratus.results;

import io.stratus.core.StratusException;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.ResultPage;
import io.stratus.core.session.UserSession;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Reads every row of a statement, page after page, for a reader that takes them as they come (a
 * stream to a client, an export to a file). The next page is read from the database while the
 * reader takes the current one, on a thread of its own, so that the database's answers and the
 * reader's work (rendering, sending) overlap instead of taking turns; at most one page waits
 * ahead. When the reader goes away or reading fails on the way, the statement is cancelled, so
 * that its connection lets go of the rows and their transaction.
 */
public final class AllRows {

    /** Takes one page of rows; throwing stops the reading. */
    @FunctionalInterface
    public interface PageReader {
        void read(ResultPage page) throws IOException;
    }

    /** Reads the page after the ones read so far, as {@code DatabaseService.nextPage} does. */
    @FunctionalInterface
    public interface Pages {
        ResultPage next(long statement, int pageSize);
    }

    /**
     * Platform threads: the database drivers' blocking socket reads cost a virtual thread about
     * twice the CPU (a park and an unpark through the poller at every round trip).
     */
    private static final ThreadFactory READ_AHEAD = Thread.ofPlatform().name("stratus-read-ahead").daemon().factory();

    private AllRows() {
    }

    /** The pages to read all rows in: {@link PageSizes#ALL_ROWS_PAGE}, unless the service allows less. */
    public static int pageSize(DatabaseService databaseService) {
        return Math.min(PageSizes.ALL_ROWS_PAGE, databaseService.largestPage());
    }

    /**
     * Hands {@code first}, then each later page of its statement, to {@code reader} until the
     * statement has no more rows. Returns only once no page is being read any more.
     *
     * @return how many rows the reader took
     * @throws StratusException as the database service threw it (its statement is over already)
     * @throws IOException as the reader threw it, after cancelling the statement
     */
    public static long read(DatabaseService databaseService, UserSession session, String connectionId, ResultPage first,
            PageReader reader) throws IOException {
        return read(first, pageSize(databaseService),
                (statement, size) -> databaseService.nextPage(session, connectionId, statement, size), () -> {
                    try {
                        databaseService.cancel(session, connectionId);
                    } catch (StratusException gone) {
                        // closed meanwhile: nothing left to let go of
                    }
                }, reader);
    }

    /**
     * As {@link #read(DatabaseService, UserSession, String, ResultPage, PageReader)}, with the
     * pages after {@code first} from {@code pages}, {@code pageSize} rows each; {@code stopped}
     * runs when the reader stops before the last page (it threw), to let go of the statement.
     */
    public static long read(ResultPage first, int pageSize, Pages pages, Runnable stopped, PageReader reader)
            throws IOException {
        long rows = 0;
        boolean readerStopped = true;
        // closing waits for a page still being read: stopped below, it ends soon
        try (ExecutorService ahead = Executors.newSingleThreadExecutor(READ_AHEAD)) {
            try {
                Future<ResultPage> next;
                for (ResultPage page = first; ; page = take(next)) {
                    next = page.more() ? ahead.submit(() -> pages.next(first.statement(), pageSize)) : null;
                    reader.read(page);
                    rows += page.rows().size();
                    if (next == null) {
                        readerStopped = false;
                        return rows;
                    }
                }
            } catch (StratusException e) {
                readerStopped = false;
                throw e;
            } finally {
                if (readerStopped) {
                    stopped.run();
                }
            }
        }
    }

    /** The page read ahead, once read; the service's failure as it threw it. */
    private static ResultPage take(Future<ResultPage> ahead) throws IOException {
        try {
            return ahead.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Reading a page failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while the next page was read");
        }
    }
}
