package io.stratus.results;

import io.stratus.core.database.ResultPage;
import io.stratus.core.database.ResultColumn;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * A result as people read it in a grid or paste it as text: each value on one line, NULL shown as
 * {@value #NULL} (a grid styles it apart; empty text stays empty), binary as its size, decimals in
 * plain notation. Rows as text are tab-separated lines under a line of column names.
 */
public final class DisplayText {

    /** What a NULL shows as. */
    public static final String NULL = "NULL";
    private static final FieldLines LINES = new FieldLines('\t', "\n", (value, out, room) -> out.write(of(value)));

    private DisplayText() {
    }

    /** One value as one line: its line breaks and tabs shown as {@code \n}, {@code \r} and {@code \t}. */
    public static String of(Object value) {
        String text = switch (value) {
            case null -> NULL;
            case byte[] bytes -> "binary, " + bytes.length + " bytes";
            case BigDecimal d -> d.toPlainString();
            default -> value.toString();
        };
        return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    /** The column names as one tab-separated line. */
    public static void writeHeader(List<ResultColumn> columns, Writer out) throws IOException {
        LINES.header(columns, out);
    }

    /** The page's rows as tab-separated lines. */
    public static void writeRows(ResultPage page, Writer out) throws IOException {
        LINES.rows(page, out);
    }
}
