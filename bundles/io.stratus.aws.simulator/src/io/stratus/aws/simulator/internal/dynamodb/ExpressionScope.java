package io.stratus.aws.simulator.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;


import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, and the expressions
 * that use them; as at DynamoDB, every name and value given must be used by some expression.
 */
final class ExpressionScope {

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();
    private final boolean namesGiven;
    private final boolean valuesGiven;
    private final Set<String> used = new TreeSet<>();
    private boolean anyExpression;

    /** The names and values of a request (or of one table's entry of BatchGetItem). */
    public ExpressionScope(JsonNode request) {
        JsonNode names = request.path("ExpressionAttributeNames");
        JsonNode values = request.path("ExpressionAttributeValues");
        this.namesGiven = names.isObject();
        this.valuesGiven = values.isObject();
        read(names, "ExpressionAttributeNames", '#', this.names, (reference, name) -> name.asText());
        read(values, "ExpressionAttributeValues", ':', this.values, (reference, value) -> {
            try {
                return DynamoJson.value(value);
            } catch (DynamoDbError e) {
                throw Errors.validation("ExpressionAttributeValues contains invalid value: " + e.getMessage()
                        + " for key " + reference);
            }
        });
    }

    /** The condition in the request parameter {@code kind} (e.g. {@code FilterExpression}), or null if it has none. */
    public Condition condition(JsonNode request, String kind) {
        String expression = expression(request, kind);
        return expression == null ? null : new ExpressionParser(kind, expression, this).wholeCondition();
    }

    /** The request's ProjectionExpression, or null if it has none. */
    public Projection projection(JsonNode request) {
        String expression = expression(request, "ProjectionExpression");
        return expression == null ? null : new ExpressionParser("ProjectionExpression", expression, this).projection();
    }

    /** The request's UpdateExpression, or null if it has none. */
    public ItemUpdate update(JsonNode request) {
        String expression = expression(request, "UpdateExpression");
        return expression == null ? null : new ExpressionParser("UpdateExpression", expression, this).update();
    }

    /** Call once every expression of the request was read. */
    public void requireAllUsed() {
        requireUsed("ExpressionAttributeNames", namesGiven, names.keySet());
        requireUsed("ExpressionAttributeValues", valuesGiven, values.keySet());
    }

    String name(String reference) {
        used.add(reference);
        return names.get(reference);
    }

    AttributeValue value(String reference) {
        used.add(reference);
        return values.get(reference);
    }

    private String expression(JsonNode request, String kind) {
        JsonNode expression = request.get(kind);
        if (expression == null || expression.isNull()) {
            return null;
        }
        anyExpression = true;
        return expression.asText();
    }

    private void requireUsed(String parameter, boolean given, Collection<String> references) {
        if (!given) {
            return;
        }
        if (!anyExpression) {
            throw Errors.validation(parameter + " can only be specified when using expressions");
        }
        Set<String> unused = new TreeSet<>(references);
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw Errors.validation("Value provided in " + parameter + " unused in expressions: keys: {"
                    + String.join(", ", unused) + "}");
        }
    }

    private static <T> void read(JsonNode given, String parameter, char prefix, Map<String, T> into,
            BiFunction<String, JsonNode, T> convert) {
        if (!given.isObject()) {
            return;
        }
        if (given.isEmpty()) {
            throw Errors.validation(parameter + " must not be empty");
        }
        given.properties().forEach(entry -> {
            if (entry.getKey().length() < 2 || entry.getKey().charAt(0) != prefix) {
                throw Errors.validation(parameter + " contains invalid key: Syntax error; key: \"" + entry.getKey() + "\"");
            }
            into.put(entry.getKey(), convert.apply(entry.getKey(), entry.getValue()));
        });
    }
}
