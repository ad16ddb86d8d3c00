package io.stratus.results;

import io.stratus.core.database.ResultPage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a whole result as NDJSON, one JSON value per line, while its pages arrive:
 * {@code {"columns": [...]}} (with {@code "updateCount"} for a change), then each row as an array,
 * then {@code {"end": {"rows": N}}}, or {@code {"error": {"code", "message"}}} if reading fails on
 * the way. Closing flushes and leaves the stream open.
 */
public final class NdjsonResultWriter implements Closeable {

    private final JsonGenerator json;

    public NdjsonResultWriter(OutputStream out) throws IOException {
        json = JsonValues.FACTORY.createGenerator(out);
        json.setRootValueSeparator(new SerializedString("\n"));
    }

    /** The first line, from the statement's first page; its rows follow with {@link #rows}. */
    public void start(ResultPage first) throws IOException {
        json.writeStartObject();
        JsonValues.columns(json, first.columns());
        if (first.updateCount().isPresent()) {
            json.writeNumberField("updateCount", first.updateCount().getAsLong());
        }
        json.writeEndObject();
    }

    /** A line per row; the page then reaches the stream, so that a reader sees rows as they come. */
    public void rows(ResultPage page) throws IOException {
        JsonValues.rows(json, page.rows());
        json.flush();
    }

    public void end(long rows) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("end");
        json.writeNumberField("rows", rows);
        json.writeEndObject();
        json.writeEndObject();
        lastLine();
    }

    public void error(String code, String message) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("error");
        json.writeStringField("code", code);
        json.writeStringField("message", message);
        json.writeEndObject();
        json.writeEndObject();
        lastLine();
    }

    /** Every line of NDJSON ends with a newline, the last one too. */
    private void lastLine() throws IOException {
        json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
