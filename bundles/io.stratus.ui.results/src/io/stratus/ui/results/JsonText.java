package io.stratus.ui.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Optional;

/** JSON as people read it in a value pane or viewer: indented, two spaces a level. */
public final class JsonText {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonText() {
    }

    /** The JSON indented, or empty if the text is not one JSON value (text that merely starts like JSON). */
    public static Optional<String> pretty(String value) {
        StringWriter out = new StringWriter();
        try (JsonParser in = JSON.createParser(value);
                JsonGenerator printer = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            if (in.nextToken() == null) {
                return Optional.empty();
            }
            printer.copyCurrentStructure(in);
            if (in.nextToken() != null) {
                return Optional.empty(); // more after the first value
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }
}
