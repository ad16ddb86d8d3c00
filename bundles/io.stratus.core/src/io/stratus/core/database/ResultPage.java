package io.stratus.core.database;

import java.util.List;
import java.util.OptionalLong;

/**
 * A page of a statement's outcome: its columns and up to a page of rows, or the number of rows it
 * changed. {@code more} says whether {@code DatabaseService.nextPage} has rows left to read;
 * {@code statement} numbers the statement on its connection, so later pages go to the right reader.
 */
public record ResultPage(long statement, List<ResultColumn> columns, List<List<Object>> rows,
        OptionalLong updateCount, boolean more) {

    public ResultPage {
        columns = List.copyOf(columns);
    }
}
