package io.stratus.ui.documentdb.internal;

import java.time.Instant;
import java.util.Locale;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;

/**
 * Documents as JSON, read and written with the MongoDB driver's BSON library, the one the connector
 * reads statements with: what a person types may be relaxed or canonical Extended JSON, or
 * mongosh's {@code ObjectId("…")} and unquoted names, and what the editor sends is canonical
 * Extended JSON, so every value keeps its type on the way. Also how a value shows in the tree and
 * the table: its text and the name of its BSON type.
 */
public final class DocumentJson {

    /** What the editor sends: exact types ({@code {"$numberLong": "7"}}). */
    private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    /** What a table cell shows of a nested document or array: JSON on one line. */
    private static final JsonWriterSettings ONE_LINE = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    /** Characters of a string the tree shows; the JSON pane has all of it. */
    private static final int SHOWN_CHARACTERS = 200;

    private DocumentJson() {
    }

    /**
     * What a person typed as a JSON object; blank is the empty document.
     *
     * @param field the field's name for the message, such as "Filter"
     * @param example a document that shows how to write it
     * @throws InvalidJson saying what to fix
     */
    public static BsonDocument document(String field, String text, String example) {
        if (text.isBlank()) {
            return new BsonDocument();
        }
        if (!text.strip().startsWith("{")) {
            throw new InvalidJson(field + " must be a JSON object in braces, such as " + example + ".");
        }
        try {
            return BsonDocument.parse(text);
        } catch (JsonParseException | BsonInvalidOperationException e) {
            throw new InvalidJson(field + " is not valid JSON: " + e.getMessage() + " Write it like " + example + ".");
        }
    }

    /** What a person typed as a JSON array, such as an aggregation pipeline; the same messages as {@link #document}. */
    public static BsonArray array(String field, String text, String example) {
        if (!text.strip().startsWith("[")) {
            throw new InvalidJson(field + " must be a JSON array in brackets, such as " + example + ".");
        }
        try {
            return BsonArray.parse(text);
        } catch (JsonParseException | BsonInvalidOperationException e) {
            throw new InvalidJson(field + " is not valid JSON: " + e.getMessage() + " Write it like " + example + ".");
        }
    }

    /** A document as the editor sends it. */
    static String exact(BsonDocument document) {
        return document.toJson(EXACT);
    }

    /** The name of a value's BSON type, as MongoDB tools show it. */
    public static String type(BsonValue value) {
        return switch (value.getBsonType()) {
            case STRING -> "String";
            case INT32 -> "Int32";
            case INT64 -> "Int64";
            case DOUBLE -> "Double";
            case DECIMAL128 -> "Decimal128";
            case BOOLEAN -> "Boolean";
            case NULL -> "Null";
            case OBJECT_ID -> "ObjectId";
            case DATE_TIME -> "Date";
            case BINARY -> "Binary";
            case TIMESTAMP -> "Timestamp";
            case REGULAR_EXPRESSION -> "Regex";
            case DOCUMENT -> "Document";
            case ARRAY -> "Array";
            default -> {
                String name = value.getBsonType().name().toLowerCase(Locale.ROOT).replace('_', ' ');
                yield Character.toUpperCase(name.charAt(0)) + name.substring(1);
            }
        };
    }

    /** A value on one line as the tree shows it: strings quoted, documents and arrays by their size. */
    public static String text(BsonValue value) {
        return switch (value.getBsonType()) {
            case STRING -> "\"" + shortened(value.asString().getValue()) + "\"";
            case INT32 -> Integer.toString(value.asInt32().getValue());
            case INT64 -> Long.toString(value.asInt64().getValue());
            case DOUBLE -> Double.toString(value.asDouble().getValue());
            case DECIMAL128 -> value.asDecimal128().getValue().toString();
            case BOOLEAN -> Boolean.toString(value.asBoolean().getValue());
            case NULL -> "null";
            case OBJECT_ID -> "ObjectId('" + value.asObjectId().getValue().toHexString() + "')";
            case DATE_TIME -> Instant.ofEpochMilli(value.asDateTime().getValue()).toString();
            case DOCUMENT -> "{ " + count(value.asDocument().size(), "field") + " }";
            case ARRAY -> "[ " + count(value.asArray().size(), "element") + " ]";
            default -> json(value);
        };
    }

    /**
     * A value as a table cell holds it: numbers as numbers (right-aligned, exported as such),
     * strings as they are, null as NULL, nested documents and arrays as JSON on one line.
     */
    static Object cell(BsonValue value) {
        return switch (value.getBsonType()) {
            case STRING -> value.asString().getValue();
            case INT32, INT64 -> value.asNumber().longValue();
            case DOUBLE -> value.asDouble().getValue();
            case DECIMAL128 -> value.asDecimal128().getValue().isFinite()
                    ? value.asDecimal128().getValue().bigDecimalValue() : value.asDecimal128().getValue().toString();
            case BOOLEAN -> value.asBoolean().getValue();
            case NULL -> null;
            case DOCUMENT, ARRAY -> json(value);
            default -> text(value);
        };
    }

    /** Any value as relaxed JSON on one line. */
    static String json(BsonValue value) {
        if (value.isDocument()) {
            return value.asDocument().toJson(ONE_LINE);
        }
        String wrapped = new BsonDocument("v", value).toJson(ONE_LINE); // JSON has no top-level scalar writer
        return wrapped.substring("{\"v\": ".length(), wrapped.length() - 1);
    }

    private static String count(int n, String what) {
        return n == 1 ? "1 " + what : n + " " + what + "s";
    }

    private static String shortened(String text) {
        String line = text.replace('\n', ' ').replace('\r', ' ');
        return line.length() > SHOWN_CHARACTERS ? line.substring(0, SHOWN_CHARACTERS) + "\u2026" : line;
    }
}
