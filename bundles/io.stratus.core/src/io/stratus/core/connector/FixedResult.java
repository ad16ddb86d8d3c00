package io.stratus.core.connector;

import io.stratus.core.database.ResultColumn;
import java.util.List;
import java.util.OptionalLong;

/**
 * A result known in full when the statement returns: a few rows (a count, one item), how many
 * rows a write changed, or nothing at all (a statement that changes something it cannot count).
 */
public final class FixedResult implements StatementResult {

    private final List<ResultColumn> columns;
    private final OptionalLong updateCount;
    private List<List<Object>> rows;

    private FixedResult(List<ResultColumn> columns, List<List<Object>> rows, OptionalLong updateCount) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.updateCount = updateCount;
    }

    public static FixedResult rows(List<ResultColumn> columns, List<List<Object>> rows) {
        return new FixedResult(columns, rows, OptionalLong.empty());
    }

    public static FixedResult changed(long rows) {
        return new FixedResult(List.of(), List.of(), OptionalLong.of(rows));
    }

    public static FixedResult done() {
        return new FixedResult(List.of(), List.of(), OptionalLong.empty());
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public OptionalLong updateCount() {
        return updateCount;
    }

    @Override
    public List<List<Object>> nextPage(int maxRows) {
        List<List<Object>> page = rows.subList(0, Math.min(maxRows, rows.size()));
        rows = rows.subList(page.size(), rows.size());
        return page;
    }

    @Override
    public void close() {
        rows = List.of();
    }
}
