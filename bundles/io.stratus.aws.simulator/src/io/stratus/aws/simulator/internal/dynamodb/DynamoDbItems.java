package io.stratus.aws.simulator.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.aws.simulator.internal.Invocation;
import io.stratus.aws.simulator.internal.JsonApi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's item operations: PutItem, GetItem, UpdateItem and DeleteItem with their condition,
 * projection and update expressions and ReturnValues, and BatchWriteItem and BatchGetItem, which
 * process every request at once (their unprocessed lists are always empty).
 */
final class DynamoDbItems {

    private static final int MAX_BATCH_WRITES = 25;
    private static final int MAX_BATCH_KEYS = 100;

    private final DynamoDbTables tables;

    DynamoDbItems(DynamoDbTables tables) {
        this.tables = tables;
    }

    Map<String, JsonApi.Operation> operations() {
        return Map.of("PutItem", this::putItem, "GetItem", this::getItem, "UpdateItem", this::updateItem,
                "DeleteItem", this::deleteItem, "BatchWriteItem", this::batchWriteItem, "BatchGetItem", this::batchGetItem);
    }

    private ObjectNode putItem(Invocation invocation, JsonNode input) {
        DynamoDbRequests.refuseLegacy(input, "Expected", "ConditionalOperator");
        TableItems table = DynamoDb.authorizedTable(invocation, tables, input.path("TableName").asText(null));
        Item item = DynamoJson.item(input.get("Item"), "item");
        ExpressionScope scope = new ExpressionScope(input);
        Condition condition = scope.condition(input, "ConditionExpression");
        scope.requireAllUsed();
        String returnValues = DynamoDbRequests.returnValues(input, "NONE", "ALL_OLD");
        ItemKey key = table.schema().checkItem(item);
        TableItems.Change change = table.write(key, before -> {
            requireCondition(condition, before);
            return item;
        });
        return attributes(returnValues.equals("ALL_OLD") ? change.before() : null);
    }

    private ObjectNode getItem(Invocation invocation, JsonNode input) {
        DynamoDbRequests.refuseLegacy(input, "AttributesToGet");
        TableItems table = DynamoDb.authorizedTable(invocation, tables, input.path("TableName").asText(null));
        ItemKey key = table.schema().keyOf(DynamoJson.item(input.get("Key"), "key"));
        ExpressionScope scope = new ExpressionScope(input);
        Projection projection = scope.projection(input);
        scope.requireAllUsed();
        DynamoDbRequests.consistentRead(input, table.schema().table());
        Item item = table.get(key);
        ObjectNode answer = JsonApi.object();
        if (item != null) {
            answer.putRawValue("Item", DynamoJson.raw(projection == null ? item : projection.apply(item)));
        }
        return answer;
    }

    private ObjectNode deleteItem(Invocation invocation, JsonNode input) {
        DynamoDbRequests.refuseLegacy(input, "Expected", "ConditionalOperator");
        TableItems table = DynamoDb.authorizedTable(invocation, tables, input.path("TableName").asText(null));
        ItemKey key = table.schema().keyOf(DynamoJson.item(input.get("Key"), "key"));
        ExpressionScope scope = new ExpressionScope(input);
        Condition condition = scope.condition(input, "ConditionExpression");
        scope.requireAllUsed();
        String returnValues = DynamoDbRequests.returnValues(input, "NONE", "ALL_OLD");
        TableItems.Change change = table.write(key, before -> {
            requireCondition(condition, before);
            return null;
        });
        return attributes(returnValues.equals("ALL_OLD") ? change.before() : null);
    }

    /** Updates the item, or makes it from its key if there is none, as DynamoDB does. */
    private ObjectNode updateItem(Invocation invocation, JsonNode input) {
        DynamoDbRequests.refuseLegacy(input, "AttributeUpdates", "Expected", "ConditionalOperator");
        TableItems table = DynamoDb.authorizedTable(invocation, tables, input.path("TableName").asText(null));
        Item keyAttributes = DynamoJson.item(input.get("Key"), "key");
        ItemKey key = table.schema().keyOf(keyAttributes);
        ExpressionScope scope = new ExpressionScope(input);
        ItemUpdate update = scope.update(input);
        Condition condition = scope.condition(input, "ConditionExpression");
        scope.requireAllUsed();
        String returnValues = DynamoDbRequests.returnValues(input, "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
        List<DocumentPath> changed = update == null ? List.of() : update.paths();
        DynamoDbRequests.refuseKeyChanges(table.schema(), changed);
        TableItems.Change change = table.write(key, before -> {
            requireCondition(condition, before);
            Item current = before != null ? before : keyAttributes;
            Item after = update == null ? current : update.apply(current);
            table.schema().checkItem(after);
            return after;
        });
        Projection updated = new Projection(changed);
        return attributes(switch (returnValues) {
            case "ALL_OLD" -> change.before();
            case "UPDATED_OLD" -> change.before() == null ? null : updated.apply(change.before());
            case "ALL_NEW" -> change.after();
            case "UPDATED_NEW" -> updated.apply(change.after());
            default -> null;
        });
    }

    /** Checks every request, then writes them one by one. */
    private ObjectNode batchWriteItem(Invocation invocation, JsonNode input) {
        JsonNode requestItems = input.path("RequestItems");
        int count = 0;
        for (JsonNode requests : requestItems) {
            count += requests.size();
        }
        if (count == 0 || count > MAX_BATCH_WRITES) {
            throw Errors.validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: "
                    + "Map value must satisfy constraint: [Member must have length less than or equal to "
                    + MAX_BATCH_WRITES + ", Member must have length greater than or equal to 1]");
        }
        record Write(TableItems table, ItemKey key, Item item) {
        }
        List<Write> writes = new ArrayList<>();
        requestItems.properties().forEach(entry -> {
            TableItems table = DynamoDb.authorizedTable(invocation, tables, entry.getKey());
            Set<ItemKey> keys = new HashSet<>();
            for (JsonNode request : entry.getValue()) {
                Write write;
                if (request.has("PutRequest")) {
                    Item item = DynamoJson.item(request.path("PutRequest").get("Item"), "item");
                    write = new Write(table, table.schema().checkItem(item), item);
                } else if (request.has("DeleteRequest")) {
                    write = new Write(table, table.schema().keyOf(DynamoJson.item(request.path("DeleteRequest").get("Key"),
                            "key")), null);
                } else {
                    throw Errors.validation("Supplied AttributeValue has neither a PutRequest nor a DeleteRequest");
                }
                if (!keys.add(write.key())) {
                    throw Errors.validation("Provided list of item keys contains duplicates");
                }
                writes.add(write);
            }
        });
        writes.forEach(write -> write.table().write(write.key(), before -> write.item()));
        ObjectNode answer = JsonApi.object();
        answer.putObject("UnprocessedItems");
        return answer;
    }

    private ObjectNode batchGetItem(Invocation invocation, JsonNode input) {
        JsonNode requestItems = input.path("RequestItems");
        int count = 0;
        for (JsonNode request : requestItems) {
            count += request.path("Keys").size();
        }
        if (count == 0) {
            throw Errors.validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1");
        }
        if (count > MAX_BATCH_KEYS) {
            throw Errors.validation("Too many items requested for the BatchGetItem call");
        }
        Map<String, ArrayNode> responses = new LinkedHashMap<>();
        requestItems.properties().forEach(entry -> {
            JsonNode request = entry.getValue();
            DynamoDbRequests.refuseLegacy(request, "AttributesToGet");
            TableItems table = DynamoDb.authorizedTable(invocation, tables, entry.getKey());
            ExpressionScope scope = new ExpressionScope(request);
            Projection projection = scope.projection(request);
            scope.requireAllUsed();
            DynamoDbRequests.consistentRead(request, table.schema().table());
            Set<ItemKey> keys = new HashSet<>();
            ArrayNode found = JsonApi.object().arrayNode();
            for (JsonNode keyAttributes : request.path("Keys")) {
                ItemKey key = table.schema().keyOf(DynamoJson.item(keyAttributes, "key"));
                if (!keys.add(key)) {
                    throw Errors.validation("Provided list of item keys contains duplicates");
                }
                Item item = table.get(key);
                if (item != null) {
                    found.addRawValue(DynamoJson.raw(projection == null ? item : projection.apply(item)));
                }
            }
            responses.put(entry.getKey(), found);
        });
        ObjectNode answer = JsonApi.object();
        ObjectNode byTable = answer.putObject("Responses");
        responses.forEach(byTable::set);
        answer.putObject("UnprocessedKeys");
        return answer;
    }

    /** The condition, if any, must hold for the item as it is (an empty item where there is none). */
    private static void requireCondition(Condition condition, Item current) {
        if (condition != null && !condition.test(current == null ? Item.EMPTY : current)) {
            throw Errors.conditionalCheckFailed();
        }
    }

    /** The answer with the item's attributes as {@code Attributes}, if there is an item to return. */
    private static ObjectNode attributes(Item item) {
        ObjectNode answer = JsonApi.object();
        if (item != null && !item.attributes().isEmpty()) {
            answer.putRawValue("Attributes", DynamoJson.raw(item));
        }
        return answer;
    }
}
