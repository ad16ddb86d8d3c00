package io.stratus.aws.simulator.internal.dynamodb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB JSON, the form values take on the wire and in seeds: {@code {"S": "text"}},
 * {@code {"N": "12.5"}}, {@code {"M": {"a": {"BOOL": true}}}}, ... Reading checks a value as
 * DynamoDB does and answers with its messages.
 */
final class DynamoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<String, String> SET_NAMES = Map.of("SS", "string", "NS", "number", "BS", "binary");

    private DynamoJson() {
    }

    /** An item: a JSON object of attribute names and values. {@code parameter} names it in errors, e.g. {@code item}. */
    public static Item item(JsonNode node, String parameter) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw Errors.validation("1 validation error detected: Value null at '" + parameter
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return new Item(attributes(node));
    }

    public static AttributeValue value(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw Errors.validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (node.size() > 1) {
            throw Errors.validation("Supplied AttributeValue has more than one datatypes set, "
                    + "must contain exactly one of the supported datatypes");
        }
        Map.Entry<String, JsonNode> only = node.properties().iterator().next();
        JsonNode content = only.getValue();
        return switch (only.getKey()) {
            case "S" -> new AttributeValue.S(string(content));
            case "N" -> AttributeValue.N.parse(string(content));
            case "B" -> binary(content);
            case "BOOL" -> new AttributeValue.Bool(content.asBoolean());
            case "NULL" -> {
                if (!content.asBoolean()) {
                    throw Errors.invalidParameter("Null attribute value types must have the value of true");
                }
                yield AttributeValue.Null.INSTANCE;
            }
            case "L" -> {
                List<AttributeValue> values = new ArrayList<>();
                content.forEach(element -> values.add(value(element)));
                yield new AttributeValue.L(values);
            }
            case "M" -> new AttributeValue.M(attributes(content));
            case "SS", "NS", "BS" -> set(only.getKey(), content);
            default -> throw Errors.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        };
    }

    /**
     * The item for an answer, written as it is: a stored item is converted once (see
     * {@link Item#json()}), so a Scan mostly copies bytes.
     */
    public static RawValue raw(Item item) {
        return new RawValue(item.json());
    }

    /** The item's DynamoDB JSON text. */
    public static String text(Item item) {
        StringWriter text = new StringWriter(item.size() + 16 * item.attributes().size());
        try (JsonGenerator out = JSON.createGenerator(text)) {
            writeAttributes(out, item.attributes());
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to a string does not fail", e);
        }
        return text.toString();
    }

    private static void writeAttributes(JsonGenerator out, Map<String, AttributeValue> attributes) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
            out.writeFieldName(attribute.getKey());
            write(out, attribute.getValue());
        }
        out.writeEndObject();
    }

    private static void write(JsonGenerator out, AttributeValue value) throws IOException {
        out.writeStartObject();
        switch (value) {
            case AttributeValue.Scalar scalar -> out.writeStringField(scalar.type(), scalarText(scalar));
            case AttributeValue.Bool bool -> out.writeBooleanField("BOOL", bool.value());
            case AttributeValue.Null ignored -> out.writeBooleanField("NULL", true);
            case AttributeValue.L list -> {
                out.writeArrayFieldStart("L");
                for (AttributeValue element : list.values()) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            case AttributeValue.M map -> {
                out.writeFieldName("M");
                writeAttributes(out, map.values());
            }
            case AttributeValue.ScalarSet set -> {
                out.writeArrayFieldStart(set.type());
                for (AttributeValue.Scalar member : set.members()) {
                    out.writeString(scalarText(member));
                }
                out.writeEndArray();
            }
        }
        out.writeEndObject();
    }

    /** A scalar as DynamoDB JSON writes it: text, a number's digits, a binary in Base64. */
    private static String scalarText(AttributeValue.Scalar scalar) {
        return switch (scalar) {
            case AttributeValue.S s -> s.value();
            case AttributeValue.N n -> n.text();
            case AttributeValue.B b -> b.base64();
        };
    }

    private static Map<String, AttributeValue> attributes(JsonNode node) {
        if (!node.isObject()) {
            throw Errors.validation("Start of structure or map found where not expected");
        }
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        node.properties().forEach(entry -> attributes.put(entry.getKey(), value(entry.getValue())));
        return attributes;
    }

    private static String string(JsonNode content) {
        if (!content.isTextual()) {
            throw Errors.validation("Unexpected value type in payload: a string was expected, not " + content.getNodeType());
        }
        return content.textValue();
    }

    private static AttributeValue.B binary(JsonNode content) {
        try {
            return new AttributeValue.B(Base64.getDecoder().decode(string(content)));
        } catch (IllegalArgumentException e) {
            throw Errors.validation("Base64 encoded binary data is not valid");
        }
    }

    private static AttributeValue.ScalarSet set(String type, JsonNode content) {
        if (content.isEmpty()) {
            throw Errors.invalidParameter("An " + SET_NAMES.get(type) + " set  may not be empty");
        }
        String memberType = type.substring(0, 1);
        Set<AttributeValue.Scalar> members = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        for (JsonNode element : content) {
            texts.add(element.asText());
            members.add((AttributeValue.Scalar) value(NODES.objectNode().set(memberType, element)));
        }
        if (members.size() < texts.size()) {
            throw Errors.invalidParameter("Input collection " + texts + " contains duplicates.");
        }
        return new AttributeValue.ScalarSet(type, members);
    }
}
