package io.stratus.ui.results.internal;

import io.stratus.core.database.ResultColumn;
import io.stratus.core.database.ResultPage;
import io.stratus.results.DisplayText;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** The text the grid copies rows as, under a line of column names where the format has one. */
public enum CopyFormat {

    /** As the grid shows them, tab-separated (for spreadsheets); Ctrl+C. */
    TSV,
    /** RFC 4180, values exact, as the CSV export. */
    CSV,
    /** As the JSON export. */
    JSON,
    /** An INSERT statement per row. */
    SQL;

    /** The format a command parameter names ({@code tsv}, {@code csv}, {@code json}, {@code sql}). */
    public static CopyFormat named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    String text(List<ResultColumn> columns, List<List<Object>> rows) {
        return switch (this) {
            case TSV -> {
                try {
                    StringWriter out = new StringWriter();
                    DisplayText.writeHeader(columns, out);
                    DisplayText.writeRows(page(columns, rows), out);
                    yield out.toString();
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // in memory: does not happen
                }
            }
            case CSV -> ExportFormat.CSV.text(columns, rows);
            case JSON -> ExportFormat.JSON.text(columns, rows);
            case SQL -> SqlInserts.of(columns, rows);
        };
    }

    /** Rows as a page, the shape the results' writers take. */
    static ResultPage page(List<ResultColumn> columns, List<List<Object>> rows) {
        return new ResultPage(0, columns, rows, OptionalLong.empty(), false);
    }
}
