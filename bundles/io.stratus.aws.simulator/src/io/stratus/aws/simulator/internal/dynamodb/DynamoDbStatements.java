package io.stratus.aws.simulator.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.aws.simulator.internal.AwsError;
import io.stratus.aws.simulator.internal.Invocation;
import io.stratus.aws.simulator.internal.JsonApi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * ExecuteStatement: PartiQL on one table, authorized as the IAM action of what the statement does
 * ({@code dynamodb:PartiQLSelect}, {@code PartiQLInsert}, {@code PartiQLUpdate},
 * {@code PartiQLDelete}). A SELECT whose WHERE has an equality on the partition key reads that
 * partition only, others scan; pages end as a Scan's do and go on from the opaque NextToken.
 * UPDATE and DELETE need an equality on every key attribute; the rest of their WHERE is a
 * condition on the item.
 */
final class DynamoDbStatements {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbTables tables;

    DynamoDbStatements(DynamoDbTables tables) {
        this.tables = tables;
    }

    Map<String, JsonApi.Operation> operations() {
        return Map.of("ExecuteStatement", this::executeStatement);
    }

    private ObjectNode executeStatement(Invocation invocation, JsonNode input) {
        String text = input.path("Statement").asText(null);
        if (text == null) {
            throw Errors.validation("1 validation error detected: Value null at 'statement' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        List<AttributeValue> parameters = new ArrayList<>();
        input.path("Parameters").forEach(parameter -> parameters.add(DynamoJson.value(parameter)));
        Statement statement = PartiqlParser.parse(text, parameters);
        String action = switch (statement) {
            case Statement.Select select -> "dynamodb:PartiQLSelect";
            case Statement.Insert insert -> "dynamodb:PartiQLInsert";
            case Statement.Update update -> "dynamodb:PartiQLUpdate";
            case Statement.Delete delete -> "dynamodb:PartiQLDelete";
        };
        TableItems table = DynamoDb.authorizedTable(invocation.as(action), tables, statement.table());
        return switch (statement) {
            case Statement.Select select -> select(table, select, input);
            case Statement.Insert insert -> {
                insert(table, insert);
                yield noItems();
            }
            case Statement.Update update -> {
                update(table, update);
                yield noItems();
            }
            case Statement.Delete delete -> {
                delete(table, delete);
                yield noItems();
            }
        };
    }

    /** What a statement that writes answers. */
    private static ObjectNode noItems() {
        ObjectNode answer = JsonApi.object();
        answer.putArray("Items");
        return answer;
    }

    private static ObjectNode select(TableItems table, Statement.Select select, JsonNode input) {
        ItemIndex index = table.schema().index(select.index());
        DynamoDbRequests.consistentRead(input, index);
        NavigableMap<ItemKey, Item> entries = table.entries(index);
        AttributeValue partition = select.where() == null ? null
                : Condition.requiredEqualities(select.where()).get(index.key().partition().name());
        if (partition instanceof AttributeValue.Scalar value && value.type().equals(index.key().partition().type())) {
            entries = KeyCondition.partition(value).range(entries);
        }
        String nextToken = input.path("NextToken").asText(null);
        if (nextToken != null) {
            try {
                entries = entries.tailMap(index.startAfter(fromToken(nextToken)), false);
            } catch (IllegalArgumentException outsideTheRange) { // the token of a statement on another partition
                throw Errors.validation("Invalid NextToken: it is not one this statement returned");
            }
        }
        ItemPage page = ItemPage.read(entries.values(), item -> true, select.where(), DynamoDbRequests.limit(input));
        ObjectNode answer = JsonApi.object();
        ArrayNode items = answer.putArray("Items");
        page.items().forEach(item -> items.addRawValue(DynamoJson.raw(
                select.projection() == null ? item : select.projection().apply(item))));
        if (page.lastEvaluated() != null) {
            answer.put("NextToken", token(index.lastEvaluatedKey(page.lastEvaluated())));
        }
        return answer;
    }

    private static void insert(TableItems table, Statement.Insert insert) {
        table.write(table.schema().checkItem(insert.item()), before -> {
            if (before != null) {
                throw Errors.duplicateItem();
            }
            return insert.item();
        });
    }

    /** Updates an existing item only: where there is none, the WHERE condition fails. */
    private static void update(TableItems table, Statement.Update update) {
        TableSchema schema = table.schema();
        ItemKey key = schema.keyOf(schema.keyIn(Condition.requiredEqualities(update.where())));
        DynamoDbRequests.refuseKeyChanges(schema, update.update().paths());
        table.write(key, before -> {
            if (before == null || !update.where().test(before)) {
                throw Errors.conditionalCheckFailed();
            }
            Item after = update.update().apply(before);
            schema.checkItem(after);
            return after;
        });
    }

    /** Deleting what is not there succeeds; an item that is there must meet the WHERE condition. */
    private static void delete(TableItems table, Statement.Delete delete) {
        TableSchema schema = table.schema();
        ItemKey key = schema.keyOf(schema.keyIn(Condition.requiredEqualities(delete.where())));
        table.write(key, before -> {
            if (before != null && !delete.where().test(before)) {
                throw Errors.conditionalCheckFailed();
            }
            return null;
        });
    }

    /** The NextToken: the page's last evaluated key, which only this simulator needs to read. */
    private static String token(Item lastEvaluatedKey) {
        return Base64.getUrlEncoder().encodeToString(DynamoJson.text(lastEvaluatedKey).getBytes(StandardCharsets.UTF_8));
    }

    private static Item fromToken(String token) {
        try {
            return DynamoJson.item(JSON.readTree(Base64.getUrlDecoder().decode(token)), "nextToken");
        } catch (IOException | IllegalArgumentException | AwsError e) {
            throw Errors.validation("Invalid NextToken: it is not one this table's statement returned");
        }
    }
}
