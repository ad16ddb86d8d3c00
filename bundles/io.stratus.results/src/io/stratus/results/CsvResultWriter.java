package io.stratus.results;

import io.stratus.core.database.ResultPage;
import io.stratus.core.database.ResultColumn;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a result as CSV by RFC 4180: a header line of column names, then a line per row, each
 * line ending in CRLF; a field with a comma, a double quote, CR or LF is quoted, its quotes
 * doubled. NULL is an empty field and empty text a quoted empty field ({@code ""}), so the two stay
 * apart. Values are written exactly: decimals in plain notation, binary in base64, dates and times
 * in ISO-8601.
 */
public final class CsvResultWriter {

    private static final FieldLines LINES = new FieldLines(',', "\r\n", CsvResultWriter::field);

    private CsvResultWriter() {
    }

    /** The line of column names. {@code out} stays open; its maker chose the encoding. */
    public static void writeHeader(List<ResultColumn> columns, Writer out) throws IOException {
        LINES.header(columns, out);
    }

    /** A line per row of the page. */
    public static void writeRows(ResultPage page, Writer out) throws IOException {
        LINES.rows(page, out);
    }

    private static void field(Object value, Writer out, char[] room) throws IOException {
        if (value == null) {
            return;
        }
        int digits = ValueText.exactInto(value, room); // decimals and timestamps: never a character to quote
        if (digits >= 0) {
            out.write(room, 0, digits);
            return;
        }
        String text = ValueText.exact(value);
        if (!text.isEmpty() && !needsQuotes(text)) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
