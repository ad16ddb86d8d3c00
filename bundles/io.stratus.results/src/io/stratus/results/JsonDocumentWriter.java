package io.stratus.results;

import io.stratus.core.database.ResultColumn;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a whole result as one JSON document while its rows arrive, never as a tree:
 * {@code {"columns": [...], "rows": [[...], ...]}}, columns and values as the HTTP API's JSON has
 * them (for a file or the clipboard).
 */
public final class JsonDocumentWriter {

    private final JsonGenerator json;

    /** Starts the document in UTF-8 with the columns; {@code out} stays open. */
    public JsonDocumentWriter(List<ResultColumn> columns, OutputStream out) throws IOException {
        json = JsonValues.FACTORY.createGenerator(out);
        json.writeStartObject();
        JsonValues.columns(json, columns);
        json.writeArrayFieldStart("rows");
    }

    /** Each row as an array of its values. */
    public void rows(List<List<Object>> rows) throws IOException {
        JsonValues.rows(json, rows);
    }

    /** Ends the document and writes what is buffered to the stream. */
    public void end() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
