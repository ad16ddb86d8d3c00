package io.stratus.ui.documentdb.internal;

import io.stratus.core.database.ResultColumn;
import io.stratus.core.database.ResultPage;
import io.stratus.ui.results.PageSource;
import io.stratus.ui.results.ResultGrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.bson.BsonValue;

/**
 * The documents read as rows for the result grid, as DBeaver's and Compass's table views show
 * them: a column for each top-level field (in the order the fields first appear, typed by their
 * first value), a nested document or array as JSON in its cell, a field a document lacks empty.
 */
public final class DocumentRows {

    /** Never asked: the page the grid shows has no more. */
    private static final PageSource NOTHING_MORE = (statement, size) -> of(List.of());

    private DocumentRows() {
    }

    /** Shows the documents in the grid, all of them: the tree reads the pages, and the grid shows what it read. */
    public static void show(ResultGrid grid, List<FoundDocument> documents) {
        grid.show(of(documents), NOTHING_MORE);
    }

    /** The documents as one page that has no more. */
    static ResultPage of(List<FoundDocument> documents) {
        Map<String, String> types = new LinkedHashMap<>();
        for (FoundDocument document : documents) {
            document.document().forEach((name, value) -> types.putIfAbsent(name, DocumentJson.type(value)));
        }
        List<ResultColumn> columns = types.entrySet().stream().map(type -> new ResultColumn(type.getKey(), type.getValue()))
                .toList();
        List<List<Object>> rows = new ArrayList<>(documents.size());
        for (FoundDocument document : documents) {
            List<Object> row = new ArrayList<>(columns.size());
            for (ResultColumn column : columns) {
                BsonValue value = document.document().get(column.name());
                row.add(value == null ? "" : DocumentJson.cell(value));
            }
            rows.add(row);
        }
        return new ResultPage(0, columns, rows, OptionalLong.empty(), false);
    }
}
