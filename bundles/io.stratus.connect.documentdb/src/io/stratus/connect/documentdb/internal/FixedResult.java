package io.stratus.connect.documentdb.internal;

import io.stratus.core.connect.StatementResult;

import java.util.List;
import java.util.OptionalLong;

/** A result known at once: a count, read as one row, or how many documents a write changed. */
final class FixedResult implements StatementResult {

    private final List<Column> columns;
    private final OptionalLong updateCount;
    private List<List<Object>> rows;

    private FixedResult(List<Column> columns, List<List<Object>> rows, OptionalLong updateCount) {
        this.columns = columns;
        this.rows = rows;
        this.updateCount = updateCount;
    }

    static FixedResult count(long documents) {
        return new FixedResult(List.of(new Column("count", "long")), List.of(List.of(documents)), OptionalLong.empty());
    }

    static FixedResult changed(long documents) {
        return new FixedResult(List.of(), List.of(), OptionalLong.of(documents));
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public OptionalLong updateCount() {
        return updateCount;
    }

    @Override
    public List<List<Object>> nextPage(int maxRows) {
        List<List<Object>> page = rows;
        rows = List.of();
        return page;
    }

    @Override
    public void close() {
        rows = List.of();
    }
}
