package io.stratus.connect.dynamodb.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items in DynamoDB JSON, the form the AWS Console and CLI show and take: every value tagged with
 * its type ({@code {"S": "text"}}, {@code {"N": "12.5"}}, {@code {"B": base64}}, {@code BOOL},
 * {@code NULL}, {@code SS}, {@code NS}, {@code BS}, {@code L}, {@code M}), so numbers keep their
 * precision and sets stay sets when an item is read, edited and put back.
 */
final class AttributeJson {

    private AttributeJson() {
    }

    /**
     * The item as one line of DynamoDB JSON, with {@code first} attributes (the key) leading.
     * Written by hand into {@code out} (emptied first), which a result reuses for all its items: a
     * scan renders every item it reads, so this is the connector's hot path, and its garbage counts.
     */
    static String write(Map<String, AttributeValue> item, List<String> first, StringBuilder out) {
        out.setLength(0);
        out.append('{');
        for (String name : first) {
            AttributeValue value = item.get(name);
            if (value != null) {
                attribute(out, name, value);
            }
        }
        // forEach, not entrySet(): the SDK's unmodifiable maps wrap every entry they iterate
        item.forEach((name, value) -> {
            if (!first.contains(name)) {
                attribute(out, name, value);
            }
        });
        return out.append('}').toString();
    }

    private static void attribute(StringBuilder out, String name, AttributeValue value) {
        if (out.length() > 1) {
            out.append(',');
        }
        string(out, name).append(':');
        write(out, value);
    }

    private static void write(StringBuilder out, AttributeValue value) {
        switch (value.type()) {
            case S -> string(out.append("{\"S\":"), value.s()).append('}');
            case N -> string(out.append("{\"N\":"), value.n()).append('}');
            case B -> string(out.append("{\"B\":"), base64(value.b())).append('}');
            case BOOL -> out.append("{\"BOOL\":").append(value.bool()).append('}');
            case NUL -> out.append("{\"NULL\":true}");
            case SS -> strings(out, "SS", value.ss());
            case NS -> strings(out, "NS", value.ns());
            case BS -> strings(out, "BS", value.bs().stream().map(AttributeJson::base64).toList());
            case L -> {
                out.append("{\"L\":[");
                for (int i = 0; i < value.l().size(); i++) {
                    write(i == 0 ? out : out.append(','), value.l().get(i));
                }
                out.append("]}");
            }
            case M -> {
                out.append("{\"M\":{");
                boolean firstEntry = true;
                for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
                    string(firstEntry ? out : out.append(','), entry.getKey()).append(':');
                    write(out, entry.getValue());
                    firstEntry = false;
                }
                out.append("}}");
            }
            case UNKNOWN_TO_SDK_VERSION -> out.append("{\"UNKNOWN\":null}");
        }
    }

    private static void strings(StringBuilder out, String type, List<String> values) {
        out.append("{\"").append(type).append("\":[");
        for (int i = 0; i < values.size(); i++) {
            string(i == 0 ? out : out.append(','), values.get(i));
        }
        out.append("]}");
    }

    /**
     * A JSON string: quotes, backslashes and control characters escaped. The text between them is
     * copied in one go (most values have nothing to escape), not character by character.
     */
    private static StringBuilder string(StringBuilder out, String text) {
        out.append('"');
        int plainFrom = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, plainFrom, i);
            plainFrom = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append(text, plainFrom, text.length()).append('"');
    }

    /** A key value as a Java value: text, an exact number or bytes; null when the item lacks it. */
    static Object keyValue(AttributeValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.type()) {
            case S -> value.s();
            case N -> new BigDecimal(value.n());
            case B -> value.b().asByteArray();
            default -> throw new IllegalStateException("DynamoDB keys are S, N or B, not " + value.type());
        };
    }

    /**
     * Reads an item (or a key, or expression attribute values) given as a JSON object of DynamoDB
     * JSON values.
     *
     * @param where how the statement names it, for the error message
     */
    static Map<String, AttributeValue> readItem(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw invalid(where + " must be a JSON object of attributes in DynamoDB JSON, such as"
                    + " {\"id\": {\"S\": \"a1\"}, \"total\": {\"N\": \"12.5\"}}.");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        node.properties().forEach(attribute -> item.put(attribute.getKey(),
                readValue(attribute.getValue(), where + "." + attribute.getKey())));
        return item;
    }

    /** Reads a list of DynamoDB JSON values (PartiQL parameters). */
    static List<AttributeValue> readValues(JsonNode node, String where) {
        if (node == null || !node.isArray()) {
            throw invalid(where + " must be a JSON list of values in DynamoDB JSON, such as [{\"S\": \"a1\"}].");
        }
        List<AttributeValue> values = new ArrayList<>();
        node.forEach(value -> values.add(readValue(value, where + "[" + values.size() + "]")));
        return values;
    }

    static AttributeValue readValue(JsonNode node, String where) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.isObject() ? node.properties().iterator() : null;
        if (fields == null || !fields.hasNext() || node.size() != 1) {
            throw invalid(where + " must be a value in DynamoDB JSON: an object with one type tag, such as"
                    + " {\"S\": \"text\"} or {\"N\": \"5\"}.");
        }
        Map.Entry<String, JsonNode> tagged = fields.next();
        JsonNode content = tagged.getValue();
        return switch (tagged.getKey()) {
            case "S" -> AttributeValue.fromS(text(content, where));
            case "N" -> AttributeValue.fromN(number(content, where));
            case "B" -> AttributeValue.fromB(bytes(content, where));
            case "BOOL" -> {
                if (!content.isBoolean()) {
                    throw invalid(where + ": BOOL takes true or false.");
                }
                yield AttributeValue.fromBool(content.booleanValue());
            }
            case "NULL" -> {
                if (!content.isBoolean() || !content.booleanValue()) {
                    throw invalid(where + ": NULL takes true.");
                }
                yield AttributeValue.fromNul(true);
            }
            case "SS" -> AttributeValue.fromSs(elements(content, where).stream().map(e -> text(e, where)).toList());
            case "NS" -> AttributeValue.fromNs(elements(content, where).stream().map(e -> number(e, where)).toList());
            case "BS" -> AttributeValue.fromBs(elements(content, where).stream().map(e -> bytes(e, where)).toList());
            case "L" -> AttributeValue.fromL(elements(content, where).stream().map(e -> readValue(e, where)).toList());
            case "M" -> AttributeValue.fromM(readItem(content, where));
            default -> throw invalid(where + ": '" + tagged.getKey() + "' is not a DynamoDB type; use S, N, B, BOOL,"
                    + " NULL, SS, NS, BS, L or M.");
        };
    }

    private static List<JsonNode> elements(JsonNode content, String where) {
        if (!content.isArray()) {
            throw invalid(where + ": sets and lists take a JSON list.");
        }
        List<JsonNode> elements = new ArrayList<>();
        content.forEach(elements::add);
        return elements;
    }

    private static String text(JsonNode content, String where) {
        if (!content.isTextual()) {
            throw invalid(where + ": S takes a JSON string.");
        }
        return content.textValue();
    }

    /** DynamoDB numbers travel as strings; a JSON number is taken too, as people often write one. */
    private static String number(JsonNode content, String where) {
        String number = content.isNumber() ? content.decimalValue().toPlainString()
                : content.isTextual() ? content.textValue() : "";
        try {
            new BigDecimal(number);
            return number;
        } catch (NumberFormatException e) {
            throw invalid(where + ": N takes a number, written as a string such as \"12.5\".");
        }
    }

    private static SdkBytes bytes(JsonNode content, String where) {
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(content.asText("")));
        } catch (IllegalArgumentException e) {
            throw invalid(where + ": B takes base64 text.");
        }
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }

    static StratusException invalid(String message) {
        return new StratusException(Problem.INVALID_INPUT, message);
    }
}
