package io.stratus.ui.results.internal;

import io.stratus.core.database.ResultColumn;
import io.stratus.results.CsvResultWriter;
import io.stratus.results.JsonDocumentWriter;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The files a whole result exports to, written by the results' writers in UTF-8 as its rows arrive. */
public enum ExportFormat {

    /** RFC 4180 with a line of column names. */
    CSV,
    /** {@code {"columns": [...], "rows": [[...]]}}, as the HTTP API's JSON. */
    JSON;

    /** Takes rows as they come, then ends the file. */
    interface RowsWriter {
        void rows(List<List<Object>> rows) throws IOException;

        void end() throws IOException;
    }

    /** The format a command parameter names ({@code csv}, {@code json}). */
    public static ExportFormat named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Starts writing to {@code out}, which stays open. */
    RowsWriter open(List<ResultColumn> columns, OutputStream out) throws IOException {
        return switch (this) {
            case CSV -> {
                Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                CsvResultWriter.writeHeader(columns, text);
                yield new RowsWriter() {
                    @Override
                    public void rows(List<List<Object>> rows) throws IOException {
                        CsvResultWriter.writeRows(CopyFormat.page(columns, rows), text);
                    }

                    @Override
                    public void end() throws IOException {
                        text.flush();
                    }
                };
            }
            case JSON -> {
                JsonDocumentWriter json = new JsonDocumentWriter(columns, out);
                yield new RowsWriter() {
                    @Override
                    public void rows(List<List<Object>> rows) throws IOException {
                        json.rows(rows);
                    }

                    @Override
                    public void end() throws IOException {
                        json.end();
                    }
                };
            }
        };
    }

    /** A few rows as the text of a file of this format (for the clipboard). */
    String text(List<ResultColumn> columns, List<List<Object>> rows) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RowsWriter writer = open(columns, out);
            writer.rows(rows);
            writer.end();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
    }
}
