package io.stratus.aws.simulator.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.aws.simulator.internal.Invocation;
import io.stratus.aws.simulator.internal.JsonApi;

import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;

/**
 * Scan and Query of a table or index, a page at a time (see {@link ItemPage}): Limit, 1 MB pages,
 * ExclusiveStartKey and LastEvaluatedKey, FilterExpression, ProjectionExpression, Select, and for
 * Scan parallel segments, for Query a KeyConditionExpression and ScanIndexForward. A table is
 * read in key order; segments split it by a hash of the partition key.
 */
final class DynamoDbReads {

    private static final int MAX_SEGMENTS = 1_000_000;

    private final DynamoDbTables tables;

    DynamoDbReads(DynamoDbTables tables) {
        this.tables = tables;
    }

    Map<String, JsonApi.Operation> operations() {
        return Map.of("Scan", this::scan, "Query", this::query);
    }

    private ObjectNode scan(Invocation invocation, JsonNode input) {
        DynamoDbRequests.refuseLegacy(input, "AttributesToGet", "ScanFilter", "ConditionalOperator");
        TableItems table = DynamoDb.authorizedTable(invocation, tables, input.path("TableName").asText(null));
        ItemIndex index = table.schema().index(input.path("IndexName").asText(null));
        ExpressionScope scope = new ExpressionScope(input);
        Condition filter = scope.condition(input, "FilterExpression");
        Output output = Output.of(input, scope.projection(input), index);
        scope.requireAllUsed();
        DynamoDbRequests.consistentRead(input, index);
        Predicate<Item> inSegment = segment(input, index);
        NavigableMap<ItemKey, Item> entries = continued(table.entries(index), index, input);
        return output.answer(ItemPage.read(entries.values(), inSegment, filter, DynamoDbRequests.limit(input)), index);
    }

    private ObjectNode query(Invocation invocation, JsonNode input) {
        DynamoDbRequests.refuseLegacy(input, "AttributesToGet", "KeyConditions", "QueryFilter", "ConditionalOperator");
        TableItems table = DynamoDb.authorizedTable(invocation, tables, input.path("TableName").asText(null));
        ItemIndex index = table.schema().index(input.path("IndexName").asText(null));
        ExpressionScope scope = new ExpressionScope(input);
        Condition keyCondition = scope.condition(input, "KeyConditionExpression");
        if (keyCondition == null) {
            throw Errors.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Condition filter = scope.condition(input, "FilterExpression");
        Output output = Output.of(input, scope.projection(input), index);
        scope.requireAllUsed();
        DynamoDbRequests.consistentRead(input, index);
        KeyCondition key = KeyCondition.of(keyCondition, index);
        NavigableMap<ItemKey, Item> range = key.range(table.entries(index));
        if (!input.path("ScanIndexForward").asBoolean(true)) {
            range = range.descendingMap();
        }
        NavigableMap<ItemKey, Item> entries = continued(range, index, input);
        return output.answer(ItemPage.read(entries.values(), key::matches, filter, DynamoDbRequests.limit(input)), index);
    }

    /** The entries after the request's ExclusiveStartKey, in the order they are read. */
    private static NavigableMap<ItemKey, Item> continued(NavigableMap<ItemKey, Item> entries, ItemIndex index, JsonNode input) {
        JsonNode start = input.get("ExclusiveStartKey");
        if (start == null || start.isNull()) {
            return entries;
        }
        ItemKey after = index.startAfter(DynamoJson.item(start, "exclusiveStartKey"));
        try {
            return entries.tailMap(after, false);
        } catch (IllegalArgumentException outsideTheRange) { // a Query's key condition bounds the map
            throw Errors.validation("The provided starting key is outside query boundaries based on provided conditions");
        }
    }

    /** The items of a parallel scan's segment: those whose partition key hashes to it. */
    private static Predicate<Item> segment(JsonNode input, ItemIndex index) {
        boolean hasSegment = input.hasNonNull("Segment");
        boolean hasTotal = input.hasNonNull("TotalSegments");
        if (!hasSegment && !hasTotal) {
            return item -> true;
        }
        if (!hasTotal) {
            throw Errors.validation("The TotalSegments parameter is required but was not present in the request when "
                    + "Segment parameter is present");
        }
        if (!hasSegment) {
            throw Errors.validation("The Segment parameter is required but was not present in the request when "
                    + "parameter TotalSegments is present");
        }
        int segment = input.get("Segment").asInt();
        int total = input.get("TotalSegments").asInt();
        if (total < 1 || total > MAX_SEGMENTS) {
            throw Errors.validation("1 validation error detected: Value '" + total + "' at 'totalSegments' failed to "
                    + "satisfy constraint: Member must have value between 1 and " + MAX_SEGMENTS);
        }
        if (segment < 0 || segment >= total) {
            throw Errors.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: "
                    + "Segment: " + segment + " is not less than TotalSegments: " + total);
        }
        String partitionKey = index.key().partition().name();
        return item -> Math.floorMod(item.get(partitionKey).hashCode(), total) == segment;
    }

    /**
     * What a page returns, from Select and ProjectionExpression: the items (all attributes or the
     * projected ones) or only their count.
     */
    private record Output(boolean countOnly, Projection projection) {

        static Output of(JsonNode input, Projection projection, ItemIndex index) {
            String select = input.path("Select").asText(projection != null ? "SPECIFIC_ATTRIBUTES" : "ALL_ATTRIBUTES");
            switch (select) {
                case "ALL_ATTRIBUTES", "COUNT" -> {
                    if (projection != null) {
                        throw Errors.invalidParameter("Cannot specify the ProjectionExpression when choosing to get " + select);
                    }
                }
                case "ALL_PROJECTED_ATTRIBUTES" -> {
                    if (index.isTable()) {
                        throw Errors.invalidParameter("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an "
                                + "IndexName");
                    }
                }
                case "SPECIFIC_ATTRIBUTES" -> {
                    if (projection == null) {
                        throw Errors.invalidParameter("SPECIFIC_ATTRIBUTES requires a ProjectionExpression");
                    }
                }
                default -> throw Errors.validation("1 validation error detected: Value '" + select + "' at 'select' failed "
                        + "to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, "
                        + "ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
            }
            return new Output(select.equals("COUNT"), projection);
        }

        ObjectNode answer(ItemPage page, ItemIndex index) {
            ObjectNode answer = JsonApi.object();
            if (!countOnly) {
                ArrayNode items = answer.putArray("Items");
                page.items().forEach(item -> items.addRawValue(
                        DynamoJson.raw(projection == null ? item : projection.apply(item))));
            }
            answer.put("Count", page.items().size()).put("ScannedCount", page.scannedCount());
            if (page.lastEvaluated() != null) {
                answer.putRawValue("LastEvaluatedKey", DynamoJson.raw(index.lastEvaluatedKey(page.lastEvaluated())));
            }
            return answer;
        }
    }
}
