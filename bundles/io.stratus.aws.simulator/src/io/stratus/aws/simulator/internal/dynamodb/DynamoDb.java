package io.stratus.aws.simulator.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.aws.simulator.internal.AwsError;
import io.stratus.aws.simulator.internal.Invocation;
import io.stratus.aws.simulator.internal.JsonApi;
import io.stratus.aws.simulator.seed.RegionSeed.DynamoDbTable;
import io.stratus.aws.simulator.seed.RegionSeed.KeyAttribute;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Amazon DynamoDB, which speaks JSON 1.0: the tables of the caller's account in the request's
 * region and their items. This class answers the control plane; {@link DynamoDbItems},
 * {@link DynamoDbReads} and {@link DynamoDbStatements} the data plane. {@code ListTables} pages by
 * table name as DynamoDB does: at most {@code Limit} names (1 to 100) after
 * {@code ExclusiveStartTableName}, and {@code LastEvaluatedTableName} while more follow.
 *
 * <p>The seed names indexes only, so each global index is keyed on an attribute named after it,
 * and each local index on the table's partition key and such an attribute.
 */
public final class DynamoDb {

    private static final int MAX_LIMIT = 100;

    private final DynamoDbTables tables;

    public DynamoDb(DynamoDbTables tables) {
        this.tables = tables;
    }

    public JsonApi api() {
        Map<String, JsonApi.Operation> operations = new HashMap<>(Map.of(
                "ListTables", DynamoDb::listTables,
                "DescribeTable", this::describeTable));
        operations.putAll(new DynamoDbItems(tables).operations());
        operations.putAll(new DynamoDbReads(tables).operations());
        operations.putAll(new DynamoDbStatements(tables).operations());
        operations.replaceAll((name, operation) -> answeringErrors(operation));
        return new JsonApi("dynamodb", JsonApi.JSON_1_0, "DynamoDB_20120810", Map.copyOf(operations));
    }

    /** The engine's errors as the wire's error answers. */
    private static JsonApi.Operation answeringErrors(JsonApi.Operation operation) {
        return (invocation, input) -> {
            try {
                return operation.answer(invocation, input);
            } catch (DynamoDbError e) {
                throw new AwsError(switch (e.code()) {
                    case VALIDATION -> AwsError.Kind.VALIDATION;
                    case CONDITIONAL_CHECK_FAILED -> AwsError.Kind.CONDITIONAL_CHECK_FAILED;
                    case RESOURCE_NOT_FOUND -> AwsError.Kind.RESOURCE_NOT_FOUND;
                    case DUPLICATE_ITEM -> AwsError.Kind.DUPLICATE_ITEM;
                }, e.getMessage());
            }
        };
    }

    /**
     * The table a data-plane call names, once the caller may act on it with the call's action
     * (AWS decides access before it looks for the table).
     */
    static TableItems authorizedTable(Invocation invocation, DynamoDbTables tables, String name) {
        if (name == null || name.isEmpty()) {
            throw Errors.validation("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        invocation.authorize(invocation.arn("dynamodb", "table/" + name));
        return tables.table(invocation.caller().account().id(), invocation.region(), name);
    }

    private static ObjectNode listTables(Invocation invocation, JsonNode input) {
        invocation.authorize(invocation.arn("dynamodb", "table/*"));
        int limit = input.path("Limit").asInt(MAX_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new AwsError(AwsError.Kind.VALIDATION, "1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and " + MAX_LIMIT);
        }
        String after = input.path("ExclusiveStartTableName").asText("");
        List<String> names = invocation.callerRegion().dynamoDbTables().stream()
                .map(DynamoDbTable::name)
                .filter(name -> name.compareTo(after) > 0)
                .toList();
        List<String> page = names.subList(0, Math.min(limit, names.size()));
        ObjectNode answer = JsonApi.object();
        page.forEach(answer.putArray("TableNames")::add);
        if (names.size() > page.size()) {
            answer.put("LastEvaluatedTableName", page.getLast());
        }
        return answer;
    }

    private ObjectNode describeTable(Invocation invocation, JsonNode input) {
        String name = input.path("TableName").asText("");
        String arn = invocation.arn("dynamodb", "table/" + name);
        invocation.authorize(arn);
        DynamoDbTable table = invocation.callerRegion().dynamoDbTables().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AwsError(AwsError.Kind.RESOURCE_NOT_FOUND,
                        "Requested resource not found: Table: " + name + " not found"));
        TableItems items = tables.table(invocation.caller().account().id(), invocation.region(), name);
        ObjectNode answer = JsonApi.object();
        ObjectNode description = answer.putObject("Table")
                .put("TableName", table.name())
                .put("TableArn", arn)
                .put("TableId", UUID.nameUUIDFromBytes(arn.getBytes(StandardCharsets.UTF_8)).toString())
                .put("TableStatus", table.status())
                .put("ItemCount", table.itemCount() != null ? table.itemCount() : items.count())
                .put("TableSizeBytes", table.sizeBytes() != null ? table.sizeBytes() : items.bytes());
        description.putObject("BillingModeSummary").put("BillingMode", table.billingMode());
        boolean provisioned = table.billingMode().equals("PROVISIONED");
        description.putObject("ProvisionedThroughput")
                .put("ReadCapacityUnits", provisioned ? 5 : 0)
                .put("WriteCapacityUnits", provisioned ? 5 : 0)
                .put("NumberOfDecreasesToday", 0);

        Map<String, String> attributeTypes = new LinkedHashMap<>();
        List<KeyAttribute> tableKey = new ArrayList<>(List.of(table.partitionKey()));
        if (table.sortKey() != null) {
            tableKey.add(table.sortKey());
        }
        writeKeySchema(description, tableKey, attributeTypes);
        for (String index : table.globalSecondaryIndexes()) {
            ObjectNode node = description.withArray("GlobalSecondaryIndexes").addObject()
                    .put("IndexName", index)
                    .put("IndexStatus", "ACTIVE")
                    .put("IndexArn", arn + "/index/" + index);
            writeKeySchema(node, List.of(new KeyAttribute(index, "S")), attributeTypes);
            node.putObject("Projection").put("ProjectionType", "ALL");
        }
        for (String index : table.localSecondaryIndexes()) {
            ObjectNode node = description.withArray("LocalSecondaryIndexes").addObject()
                    .put("IndexName", index)
                    .put("IndexArn", arn + "/index/" + index);
            writeKeySchema(node, List.of(table.partitionKey(), new KeyAttribute(index, "S")), attributeTypes);
            node.putObject("Projection").put("ProjectionType", "ALL");
        }
        ArrayNode definitions = description.putArray("AttributeDefinitions");
        attributeTypes.forEach((attribute, type) -> definitions.addObject()
                .put("AttributeName", attribute).put("AttributeType", type));
        return answer;
    }

    /** The first attribute is the HASH key, a second one the RANGE key; every one is also an attribute definition. */
    private static void writeKeySchema(ObjectNode node, List<KeyAttribute> key, Map<String, String> attributeTypes) {
        ArrayNode schema = node.putArray("KeySchema");
        for (int i = 0; i < key.size(); i++) {
            schema.addObject().put("AttributeName", key.get(i).name()).put("KeyType", i == 0 ? "HASH" : "RANGE");
            attributeTypes.put(key.get(i).name(), key.get(i).type());
        }
    }
}
