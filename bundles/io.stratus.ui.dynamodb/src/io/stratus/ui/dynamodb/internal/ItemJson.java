package io.stratus.ui.dynamodb.internal;

import io.stratus.ui.dynamodb.internal.TableKeys.Attribute;
import io.stratus.ui.dynamodb.internal.TableKeys.Source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Items as people write them in the item dialog: DynamoDB JSON, each attribute's value tagged with
 * its type ({@code {"S": "text"}}, {@code {"N": "12.5"}}). Checked here for what the editor can say
 * best (JSON, the shape, the key attributes); the connector checks the values in depth.
 */
public final class ItemJson {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M");

    private ItemJson() {
    }

    /** The item written in {@code text}; throws saying what to fix. */
    public static ObjectNode parse(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInput("The item is not valid JSON: " + e.getOriginalMessage() + (e.getLocation() == null ? "."
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")."));
        }
        if (!(node instanceof ObjectNode item) || item.isEmpty()) {
            throw new InvalidInput("Write the item as a JSON object of its attributes in DynamoDB JSON, such as"
                    + " {\"id\": {\"S\": \"a1\"}, \"total\": {\"N\": \"12.5\"}}.");
        }
        item.properties().forEach(attribute -> {
            JsonNode value = attribute.getValue();
            if (!value.isObject() || value.size() != 1 || !TYPES.contains(value.fieldNames().next())) {
                throw new InvalidInput("The value of " + attribute.getKey() + " must be DynamoDB JSON: an object with one"
                        + " type tag (S, N, B, BOOL, NULL, SS, NS, BS, L or M), such as {\"S\": \"text\"} or {\"N\": \"5\"}.");
            }
        });
        return item;
    }

    /** The item's key attributes for the table, checked: present, of the key's type, with a value DynamoDB takes. */
    public static ObjectNode key(ObjectNode item, Source table) {
        ObjectNode key = JSON.createObjectNode();
        for (Attribute attribute : attributes(table)) {
            JsonNode value = item.get(attribute.name());
            String role = attribute.equals(table.partition()) ? "partition key" : "sort key";
            if (value == null) {
                throw new InvalidInput("The item needs its " + role + " " + attribute.name() + " (" + attribute.typeName()
                        + "): add \"" + attribute.name() + "\": {\"" + attribute.type() + "\": " + example(attribute) + "}.");
            }
            if (!value.has(attribute.type())) {
                throw new InvalidInput(attribute.name() + " is the " + role + ", a " + attribute.typeName() + ": write it"
                        + " as {\"" + attribute.type() + "\": " + example(attribute) + "}, not as " + value + ".");
            }
            key.set(attribute.name(), typed(attribute, value.get(attribute.type()).asText(), role));
        }
        return key;
    }

    /** A key value typed as the attribute is, from what the person wrote; throws saying what to fix. */
    public static ObjectNode typed(Attribute attribute, String text, String role) {
        if (text.isEmpty()) {
            throw new InvalidInput("Enter a value for the " + role + " " + attribute.name() + ": key values cannot be empty.");
        }
        switch (attribute.type()) {
            case "N" -> {
                try {
                    new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new InvalidInput(attribute.name() + " is a number: '" + text + "' is not one (write it like 42 or 12.5).");
                }
            }
            case "B" -> {
                try {
                    Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInput(attribute.name() + " is binary: write its value in base64, such as AQID.");
                }
            }
            default -> {
                // any text
            }
        }
        return JSON.createObjectNode().put(attribute.type(), text);
    }

    /** The key as people read it: {@code user = "ada", started = 1735718400}. */
    public static String describe(ObjectNode key) {
        List<String> parts = new ArrayList<>();
        key.properties().forEach(attribute -> {
            String type = attribute.getValue().fieldNames().next();
            String value = attribute.getValue().get(type).asText();
            parts.add(attribute.getKey() + " = " + (type.equals("N") ? value : "\"" + value + "\""));
        });
        return String.join(", ", parts);
    }

    /** An edit keeps the item's key: a changed key would put another item and leave this one as it was. */
    public static void requireSameKey(ObjectNode before, ObjectNode after) {
        if (!before.equals(after)) {
            throw new InvalidInput("An edit keeps the key (" + describe(before) + "). For another key, put a New Item"
                    + " and delete this one.");
        }
    }

    /** A new item of the table: its key attributes, to be filled in. */
    public static String template(Source table) {
        ObjectNode item = JSON.createObjectNode();
        for (Attribute attribute : attributes(table)) {
            item.putObject(attribute.name()).put(attribute.type(), "");
        }
        return indent(item);
    }

    public static String indent(JsonNode item) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always writes", e);
        }
    }

    /** The item of a grid row: its last column holds the whole item in DynamoDB JSON. */
    public static Optional<ObjectNode> ofRow(List<Object> row) {
        try {
            return row.getLast() instanceof String json && JSON.readTree(json) instanceof ObjectNode item
                    ? Optional.of(item) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static List<Attribute> attributes(Source source) {
        List<Attribute> attributes = new ArrayList<>(List.of(source.partition()));
        source.sort().ifPresent(attributes::add);
        return attributes;
    }

    private static String example(Attribute attribute) {
        return switch (attribute.type()) {
            case "N" -> "\"42\"";
            case "B" -> "\"AQID\"";
            default -> "\"text\"";
        };
    }
}
