package io.stratus.core.connector;

import io.stratus.core.database.ResultColumn;
import java.util.List;
import java.util.OptionalLong;

/**
 * The outcome of a statement: rows to read page by page (values as Java types: null, Boolean,
 * Long, BigDecimal, Double, String, byte[] and java.time types), or a count of changed rows.
 */
public interface StatementResult extends AutoCloseable {

    /** Empty when the statement returned no rows (an update, a DDL statement). */
    List<ResultColumn> columns();

    /** Rows changed, for statements that change rows. */
    OptionalLong updateCount();

    /** Up to {@code maxRows} more rows; an empty list once all are read. */
    List<List<Object>> nextPage(int maxRows);

    @Override
    void close();
}
