package io.stratus.ui.results;

import io.stratus.core.database.ResultPage;

/**
 * Where the grid reads the pages after the first: for a statement run through the database
 * service, {@code (statement, size) -> databaseService.nextPage(session, connectionId, statement, size)}.
 * Called off the UI thread, one call at a time; the grid asks for at most
 * {@link io.stratus.results.PageSizes#ALL_ROWS_PAGE} rows (when it exports), otherwise for
 * {@link io.stratus.results.PageSizes#DEFAULT_ROWS}. Throwing ends the reading: the grid shows the reason.
 */
@FunctionalInterface
public interface PageSource {

    /** The next rows of the statement numbered {@code statement}; an empty last page once all are read. */
    ResultPage next(long statement, int pageSize);
}
