package io.stratus.connect.dynamodb.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A statement as a DynamoDB API request, written as the AWS CLI's {@code --cli-input-json} takes
 * it but under the name of its operation: {@code {"Query": {"KeyConditionExpression": "id = :id",
 * "ExpressionAttributeValues": {":id": {"S": "a1"}}}}}. {@code TableName} may be left out: it is
 * the connection's table. Unknown fields are refused, so a misspelt one is not silently ignored.
 * PartiQL text is the ExecuteStatement of that statement.
 */
record JsonRequest(String operation, JsonNode fields) {

    /** Decimals stay exact: a number written without quotes is not rounded through a double. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String NAMES = "ExpressionAttributeNames";
    private static final String VALUES = "ExpressionAttributeValues";
    /** The fields each operation takes. */
    private static final Map<String, Set<String>> OPERATIONS = Map.of(
            "Scan", Set.of("TableName", "IndexName", "FilterExpression", "ProjectionExpression", "Limit", "ConsistentRead",
                    NAMES, VALUES),
            "Query", Set.of("TableName", "IndexName", "KeyConditionExpression", "FilterExpression", "ProjectionExpression",
                    "Limit", "ConsistentRead", "ScanIndexForward", NAMES, VALUES),
            "GetItem", Set.of("TableName", "Key", "ProjectionExpression", "ConsistentRead", NAMES),
            "PutItem", Set.of("TableName", "Item", "ConditionExpression", NAMES, VALUES),
            "DeleteItem", Set.of("TableName", "Key", "ConditionExpression", NAMES, VALUES),
            "ExecuteStatement", Set.of("Statement", "Parameters", "Limit", "ConsistentRead"));

    /** A JSON request, or else PartiQL, which is the ExecuteStatement of that text. */
    static JsonRequest of(String statement) {
        return statement.strip().startsWith("{") ? read(statement)
                : new JsonRequest("ExecuteStatement", JSON.createObjectNode().put("Statement", statement));
    }

    private static JsonRequest read(String statement) {
        JsonNode root;
        try {
            root = JSON.readTree(statement);
        } catch (JsonProcessingException e) {
            throw AttributeJson.invalid("The request is not valid JSON (" + e.getOriginalMessage() + "). Write it like"
                    + " {\"Scan\": {\"FilterExpression\": \"price > :min\", \"ExpressionAttributeValues\": {\":min\": {\"N\": \"10\"}}}}.");
        }
        if (root == null || !root.isObject() || root.size() != 1 || !root.elements().next().isObject()) {
            throw AttributeJson.invalid("Write one operation and its request, such as {\"GetItem\": {\"Key\": {\"id\": {\"S\": \"a1\"}}}}.");
        }
        String operation = root.fieldNames().next();
        Set<String> allowed = OPERATIONS.get(operation);
        if (allowed == null) {
            throw AttributeJson.invalid("Unknown operation '" + operation + "'. Use " + String.join(", ", new TreeSet<>(OPERATIONS.keySet()))
                    + ", or write PartiQL such as SELECT * FROM \"orders\".");
        }
        JsonNode fields = root.get(operation);
        fields.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw AttributeJson.invalid(operation + " takes " + String.join(", ", new TreeSet<>(allowed)) + "; not " + field + ".");
            }
        });
        return new JsonRequest(operation, fields);
    }

    /** Whether the operation writes; an ExecuteStatement's statement says for itself. */
    boolean writes() {
        return operation.equals("PutItem") || operation.equals("DeleteItem");
    }

    Optional<String> text(String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw AttributeJson.invalid(operation + "." + field + " must be a JSON string.");
        }
        return Optional.of(value.textValue());
    }

    Optional<Integer> positive(String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw AttributeJson.invalid(operation + "." + field + " must be a positive whole number.");
        }
        return Optional.of(value.intValue());
    }

    Optional<Boolean> flag(String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw AttributeJson.invalid(operation + "." + field + " must be true or false.");
        }
        return Optional.of(value.booleanValue());
    }

    Map<String, AttributeValue> item(String field) {
        return AttributeJson.readItem(fields.get(field), operation + "." + field);
    }

    List<AttributeValue> values(String field) {
        return fields.hasNonNull(field) ? AttributeJson.readValues(fields.get(field), operation + "." + field) : List.of();
    }

    /** {@code #name} placeholders, or null when none is given (the SDK then sends none). */
    Map<String, String> attributeNames() {
        JsonNode names = fields.get(NAMES);
        if (names == null || names.isNull()) {
            return null;
        }
        Map<String, String> placeholders = new LinkedHashMap<>();
        if (names.isObject()) {
            names.properties().forEach(entry -> placeholders.put(entry.getKey(), entry.getValue().asText()));
        }
        if (!names.isObject() || names.properties().stream().anyMatch(entry -> !entry.getValue().isTextual())) {
            throw AttributeJson.invalid(operation + ".ExpressionAttributeNames must map each #placeholder to an"
                    + " attribute name, such as {\"#s\": \"status\"}.");
        }
        return placeholders;
    }

    /** {@code :value} placeholders, or null when none is given. */
    Map<String, AttributeValue> attributeValues() {
        return fields.hasNonNull(VALUES) ? item(VALUES) : null;
    }
}
