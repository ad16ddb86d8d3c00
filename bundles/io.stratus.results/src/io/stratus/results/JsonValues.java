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
            case byte[] bytes -> {
                out.writeStartObject();
                out.writeStringField("base64", ValueText.base64(bytes));
                out.writeEndObject();
            }
            default -> out.writeString(ValueText.exact(value)); // text, decimals, large integers, java.time values
        }
    }
}
