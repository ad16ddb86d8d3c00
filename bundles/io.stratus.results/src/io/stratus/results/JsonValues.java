package io.stratus.results;

import io.stratus.core.database.ResultColumn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.IOException;
import java.util.List;

/**
 * The JSON form of columns, rows and values, shared by the JSON and NDJSON writers. Values keep
 * their exactness: integers beyond what JavaScript holds exactly and decimals travel as strings,
 * binary as {@code {"base64": ...}}, dates and times as ISO-8601 text; the column types say what
 * they are.
 */
final class JsonValues {

    /** Writers leave their stream open: whoever opened it closes it. */
    static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    /** Integers a JavaScript number holds exactly. */
    private static final long EXACT_IN_JAVASCRIPT = (1L << 53) - 1;

    private JsonValues() {
    }

    static void columns(JsonGenerator out, List<ResultColumn> columns) throws IOException {
        out.writeArrayFieldStart("columns");
        for (ResultColumn column : columns) {
            out.writeStartObject();
            out.writeStringField("name", column.name());
            out.writeStringField("type", column.type());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    /** Each row as an array of its values; one buffer serves the exact text of all of them. */
    static void rows(JsonGenerator out, List<List<Object>> rows) throws IOException {
        char[] text = new char[ValueText.EXACT_INTO_ROOM];
        for (List<Object> row : rows) {
            out.writeStartArray();
            for (Object value : row) {
                value(out, value, text);
            }
            out.writeEndArray();
        }
    }

    private static void value(JsonGenerator out, Object value, char[] text) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case String string -> out.writeString(string);
            case Boolean b -> out.writeBoolean(b);
            case Long l when l >= -EXACT_IN_JAVASCRIPT && l <= EXACT_IN_JAVASCRIPT -> out.writeNumber(l);
            case Double d when Double.isFinite(d) -> out.writeNumber(d);
            case byte[] bytes -> {
                out.writeStartObject();
                out.writeStringField("base64", ValueText.base64(bytes));
                out.writeEndObject();
            }
            default -> { // decimals, large integers, java.time values
                int length = ValueText.exactInto(value, text);
                if (length >= 0) {
                    out.writeString(text, 0, length);
                } else {
                    out.writeString(ValueText.exact(value));
                }
            }
        }
    }
}
