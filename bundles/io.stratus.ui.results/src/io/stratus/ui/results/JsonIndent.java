package io.stratus.ui.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Optional;

/**
 * JSON as people read it: indented, one attribute a line, in the order written (numbers and
 * strings copied as they are, so a DynamoDB number or a document's value keeps its digits).
 */
public final class JsonIndent {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonIndent() {
    }

    /** The JSON value indented; empty if the text is not one JSON value. */
    public static Optional<String> of(String json) {
        StringWriter out = new StringWriter();
        try (JsonParser in = JSON.createParser(json);
                JsonGenerator printer = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            if (in.nextToken() == null) {
                return Optional.empty();
            }
            printer.copyCurrentStructure(in);
            if (in.nextToken() != null) {
                return Optional.empty(); // more after the first value: text that starts like JSON
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }
}
