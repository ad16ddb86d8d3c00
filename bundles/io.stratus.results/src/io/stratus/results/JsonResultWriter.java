package io.stratus.results;

import io.stratus.core.database.ResultPage;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a page of a result as one JSON object while it goes, never as a tree:
 * {@code {"statement": n, "columns": [...], "rows": [[...]], "more": bool}}, with
 * {@code "updateCount"} for a statement that changed rows.
 */
public final class JsonResultWriter {

    private JsonResultWriter() {
    }

    /** Writes the page in UTF-8; {@code out} stays open. */
    public static void write(ResultPage page, OutputStream out) throws IOException {
        try (JsonGenerator json = JsonValues.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("statement", page.statement());
            JsonValues.columns(json, page.columns());
            json.writeArrayFieldStart("rows");
            JsonValues.rows(json, page.rows());
            json.writeEndArray();
            json.writeBooleanField("more", page.more());
            if (page.updateCount().isPresent()) {
                json.writeNumberField("updateCount", page.updateCount().getAsLong());
            }
            json.writeEndObject();
        }
    }
}
