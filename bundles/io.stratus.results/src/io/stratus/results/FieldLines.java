package io.stratus.results;

import io.stratus.core.database.ResultPage;
import io.stratus.core.database.ResultColumn;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Results as lines of separated fields, the way CSV and display text write them. */
final class FieldLines {

    /** Writes one value as a field; {@code room} is scratch space for {@link ValueText#exactInto}, one per page. */
    @FunctionalInterface
    interface FieldWriter {
        void write(Object value, Writer out, char[] room) throws IOException;
    }

    private final char separator;
    private final String lineEnd;
    private final FieldWriter field;

    FieldLines(char separator, String lineEnd, FieldWriter field) {
        this.separator = separator;
        this.lineEnd = lineEnd;
        this.field = field;
    }

    void header(List<ResultColumn> columns, Writer out) throws IOException {
        line(columns.stream().<Object>map(ResultColumn::name).toList(), out, new char[ValueText.EXACT_INTO_ROOM]);
    }

    void rows(ResultPage page, Writer out) throws IOException {
        char[] room = new char[ValueText.EXACT_INTO_ROOM];
        for (List<Object> row : page.rows()) {
            line(row, out, room);
        }
    }

    private void line(List<Object> values, Writer out, char[] room) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(separator);
            }
            field.write(values.get(i), out, room);
        }
        out.write(lineEnd);
    }
}
