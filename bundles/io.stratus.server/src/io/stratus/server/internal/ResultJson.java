package io.stratus.server.internal;

import io.stratus.core.connect.ResultPage;
import io.stratus.core.connect.StatementResult.Column;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;

/**
 * Writes statement results as JSON while they are produced, never as a tree. Values keep their
 * exactness: integers beyond what JavaScript holds exactly and decimals travel as strings, binary
 * as {@code {"base64": ...}}, dates and times as ISO-8601 text; the column types say what they are.
 */
final class ResultJson {

    /** Integers a JavaScript number holds exactly. */
    private static final long EXACT_IN_JAVASCRIPT = (1L << 53) - 1;

    private ResultJson() {
    }

    /** {@code {"statement": n, "columns": [...], "rows": [[...]], "more": bool}}, with {@code "updateCount"} for a change. */
    static void page(JsonGenerator out, ResultPage page) throws IOException {
        out.writeStartObject();
        out.writeNumberField("statement", page.statement());
        columns(out, page.columns());
        out.writeArrayFieldStart("rows");
        for (List<Object> row : page.rows()) {
            row(out, row);
        }
        out.writeEndArray();
        out.writeBooleanField("more", page.more());
        if (page.updateCount().isPresent()) {
            out.writeNumberField("updateCount", page.updateCount().getAsLong());
        }
        out.writeEndObject();
    }

    static void columns(JsonGenerator out, List<Column> columns) throws IOException {
        out.writeArrayFieldStart("columns");
        for (Column column : columns) {
            out.writeStartObject();
            out.writeStringField("name", column.name());
            out.writeStringField("type", column.type());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    static void row(JsonGenerator out, List<Object> row) throws IOException {
        out.writeStartArray();
        for (Object value : row) {
            value(out, value);
        }
        out.writeEndArray();
    }

    private static void value(JsonGenerator out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case Boolean b -> out.writeBoolean(b);
            case Long l when l >= -EXACT_IN_JAVASCRIPT && l <= EXACT_IN_JAVASCRIPT -> out.writeNumber(l);
            case Double d when Double.isFinite(d) -> out.writeNumber(d);
            case BigDecimal d -> out.writeString(d.toPlainString());
            case byte[] bytes -> {
                out.writeStartObject();
                out.writeStringField("base64", Base64.getEncoder().encodeToString(bytes));
                out.writeEndObject();
            }
            default -> out.writeString(value.toString()); // text, large integers, java.time values in ISO-8601
        }
    }
}
