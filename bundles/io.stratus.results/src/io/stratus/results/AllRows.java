package io.stratus.results;

import io.stratus.core.StratusException;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.ResultPage;
import io.stratus.core.session.UserSession;

import java.io.IOException;

/**
 * Reads every row of a statement, page after page, for a reader that takes them as they come (a
 * stream to a client, an export to a file). When the reader goes away or reading fails on the way,
 * the statement is cancelled, so that its connection lets go of the rows and their transaction.
 */
public final class AllRows {

    /** Takes one page of rows; throwing stops the reading. */
    @FunctionalInterface
    public interface PageReader {
        void read(ResultPage page) throws IOException;
    }

    private AllRows() {
    }

    /** The pages to read all rows in: {@link PageSizes#ALL_ROWS_PAGE}, unless the service allows less. */
    public static int pageSize(DatabaseService databaseService) {
        return Math.min(PageSizes.ALL_ROWS_PAGE, databaseService.largestPage());
    }

    /**
     * Hands {@code first}, then each later page of its statement, to {@code reader} until the
     * statement has no more rows.
     *
     * @return how many rows the reader took
     * @throws StratusException as the database service threw it (its statement is over already)
     * @throws IOException as the reader threw it, after cancelling the statement
     */
    public static long read(DatabaseService databaseService, UserSession session, String connectionId, ResultPage first,
            PageReader reader) throws IOException {
        long rows = 0;
        boolean stopped = true;
        try {
            for (ResultPage page = first; ; page = databaseService.nextPage(session, connectionId, first.statement(),
                    pageSize(databaseService))) {
                reader.read(page);
                rows += page.rows().size();
                if (!page.more()) {
                    stopped = false;
                    return rows;
                }
            }
        } catch (StratusException e) {
            stopped = false;
            throw e;
        } finally {
            if (stopped) {
                try {
                    databaseService.cancel(session, connectionId);
                } catch (StratusException gone) {
                    // closed meanwhile: nothing left to let go of
                }
            }
        }
    }
}
