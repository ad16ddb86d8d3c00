package io.stratus.connect.dynamodb.internal;

import io.stratus.aws.AwsClients;
import io.stratus.aws.AwsService;
import io.stratus.aws.SignedCall;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.connector.FixedResult;
import io.stratus.core.connector.StatementResult;
import io.stratus.core.database.AccessMode;
import io.stratus.core.database.CatalogEntry;
import io.stratus.core.identity.AwsKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * One person's use of one DynamoDB table, through the AWS SDK with the person's own keys, lent
 * from the session's vault for each request. A statement is PartiQL ({@code SELECT * FROM
 * "orders" WHERE id = 'a1'}) or a {@link JsonRequest} (Scan, Query, GetItem, PutItem, DeleteItem,
 * ExecuteStatement). It may name only this table: the Administrator's limits are per table. A
 * read-only link refuses writes before they are sent.
 */
public final class DynamoDbLink implements DatabaseLink {

    private final AwsClients aws;
    private final AwsKeys keys;
    private final AwsService<DynamoDbClient> dynamoDb;
    private final AccessMode mode;
    private final TableShape table;
    private volatile ItemResult<?> running;

    private DynamoDbLink(AwsClients aws, AwsKeys keys, String region, AccessMode mode, String table) {
        this.aws = aws;
        this.keys = keys;
        this.dynamoDb = AwsService.dynamoDb(region);
        this.mode = mode;
        this.table = TableShape.of(describe(table));
    }

    /** Reads the table's key schema, which also checks that the person may use the table. */
    public static DynamoDbLink open(String region, AwsClients aws, AwsKeys keys, AccessMode mode, String table) {
        return new DynamoDbLink(aws, keys, region, mode, table);
    }

    @Override
    public void test() {
        describe(table.name());
    }

    @Override
    public List<CatalogEntry> browse(List<String> path) {
        if (path.isEmpty()) {
            TableDescription description = describe(table.name());
            return List.of(new CatalogEntry(table.name(), "table", description.tableStatusAsString() + ", about "
                    + description.itemCount() + " items"));
        }
        if (path.size() > 2 || !path.getFirst().equals(table.name())) {
            throw AttributeJson.invalid("This connection's catalog is the table " + table.name() + " and, below it, its"
                    + " key attributes and indexes, and below each index its key attributes.");
        }
        TableDescription description = describe(table.name());
        if (path.size() == 2) {
            return keys(description, indexKey(description, path.get(1)));
        }
        List<CatalogEntry> items = new ArrayList<>(keys(description, description.keySchema()));
        for (GlobalSecondaryIndexDescription index : description.globalSecondaryIndexes()) {
            items.add(new CatalogEntry(index.indexName(), "index", "global, keyed on " + keyNames(index.keySchema())));
        }
        for (LocalSecondaryIndexDescription index : description.localSecondaryIndexes()) {
            items.add(new CatalogEntry(index.indexName(), "index", "local, keyed on " + keyNames(index.keySchema())));
        }
        return items;
    }

    @Override
    public StatementResult execute(String statement) {
        if (statement == null || statement.isBlank()) {
            throw AttributeJson.invalid("The statement is empty.");
        }
        JsonRequest request = JsonRequest.of(statement);
        boolean writes;
        if (request.operation().equals("ExecuteStatement")) {
            PartiqlStatement read = PartiqlStatement.read(request.text("Statement").orElse(""));
            read.tables().forEach(this::requireThisTable);
            writes = read.writes();
        } else {
            request.text("TableName").ifPresent(this::requireThisTable);
            writes = request.writes();
        }
        if (writes && mode == AccessMode.READ_ONLY) {
            throw new StratusException(Problem.FORBIDDEN, "This connection is read-only (your Stratus role lets you read"
                    + " data, not change it): the " + request.operation() + " was not sent.");
        }
        return switch (request.operation()) {
            case "Scan" -> scan(request);
            case "Query" -> query(request);
            case "GetItem" -> getItem(request);
            case "PutItem" -> putItem(request);
            case "DeleteItem" -> deleteItem(request);
            case "ExecuteStatement" -> executeStatement(request, writes);
            default -> throw new IllegalStateException("JsonRequest admitted " + request.operation());
        };
    }

    /** The request is read once; each page only continues where the last one stopped. */
    private StatementResult scan(JsonRequest request) {
        ScanRequest scan = ScanRequest.builder().tableName(table.name())
                .indexName(request.text("IndexName").orElse(null))
                .filterExpression(request.text("FilterExpression").orElse(null))
                .projectionExpression(request.text("ProjectionExpression").orElse(null))
                .expressionAttributeNames(request.attributeNames())
                .expressionAttributeValues(request.attributeValues())
                .limit(request.positive("Limit").orElse(null))
                .consistentRead(request.flag("ConsistentRead").orElse(null)).build();
        return reading((Map<String, AttributeValue> cursor) -> {
            ScanResponse page = call("Scan", (client, as) -> client.scan(scan.toBuilder()
                    .exclusiveStartKey(cursor).overrideConfiguration(as).build()));
            return new ItemResult.Page<>(page.items(), page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null);
        });
    }

    private StatementResult query(JsonRequest request) {
        QueryRequest query = QueryRequest.builder().tableName(table.name())
                .indexName(request.text("IndexName").orElse(null))
                .keyConditionExpression(request.text("KeyConditionExpression").orElseThrow(() -> AttributeJson.invalid(
                        "A Query needs a KeyConditionExpression, such as \"id = :id\"; use a Scan to read every item.")))
                .filterExpression(request.text("FilterExpression").orElse(null))
                .projectionExpression(request.text("ProjectionExpression").orElse(null))
                .expressionAttributeNames(request.attributeNames())
                .expressionAttributeValues(request.attributeValues())
                .limit(request.positive("Limit").orElse(null))
                .consistentRead(request.flag("ConsistentRead").orElse(null))
                .scanIndexForward(request.flag("ScanIndexForward").orElse(null)).build();
        return reading((Map<String, AttributeValue> cursor) -> {
            QueryResponse page = call("Query", (client, as) -> client.query(query.toBuilder()
                    .exclusiveStartKey(cursor).overrideConfiguration(as).build()));
            return new ItemResult.Page<>(page.items(), page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null);
        });
    }

    private StatementResult getItem(JsonRequest request) {
        Map<String, AttributeValue> item = call("GetItem", (client, as) -> client.getItem(r -> r.tableName(table.name())
                .key(request.item("Key"))
                .projectionExpression(request.text("ProjectionExpression").orElse(null))
                .expressionAttributeNames(request.attributeNames())
                .consistentRead(request.flag("ConsistentRead").orElse(null))
                .overrideConfiguration(as))).item();
        return FixedResult.rows(table.columns(), item.isEmpty() ? List.of() : List.of(table.row(item, new StringBuilder())));
    }

    private StatementResult putItem(JsonRequest request) {
        call("PutItem", (client, as) -> client.putItem(r -> r.tableName(table.name())
                .item(request.item("Item"))
                .conditionExpression(request.text("ConditionExpression").orElse(null))
                .expressionAttributeNames(request.attributeNames())
                .expressionAttributeValues(request.attributeValues())
                .overrideConfiguration(as)));
        return FixedResult.changed(1);
    }

    private StatementResult deleteItem(JsonRequest request) {
        boolean existed = call("DeleteItem", (client, as) -> client.deleteItem(r -> r.tableName(table.name())
                .key(request.item("Key"))
                .conditionExpression(request.text("ConditionExpression").orElse(null))
                .expressionAttributeNames(request.attributeNames())
                .expressionAttributeValues(request.attributeValues())
                .returnValues(ReturnValue.ALL_OLD)
                .overrideConfiguration(as))).hasAttributes();
        return FixedResult.changed(existed ? 1 : 0);
    }

    private StatementResult executeStatement(JsonRequest request, boolean writes) {
        List<AttributeValue> parameters = request.values("Parameters");
        ExecuteStatementRequest execute = ExecuteStatementRequest.builder()
                .statement(request.text("Statement").orElse(""))
                .parameters(parameters.isEmpty() ? null : parameters)
                .limit(request.positive("Limit").orElse(null))
                .consistentRead(request.flag("ConsistentRead").orElse(null)).build();
        ItemResult.PageReader<String> pages = token -> {
            ExecuteStatementResponse page = call("ExecuteStatement", (client, as) -> client.executeStatement(
                    execute.toBuilder().nextToken(token).overrideConfiguration(as).build()));
            return new ItemResult.Page<>(page.items(), page.nextToken());
        };
        if (writes) { // DynamoDB tells nothing about what changed
            pages.read(null);
            return FixedResult.done();
        }
        return reading(pages);
    }

    @Override
    public void cancel() {
        ItemResult<?> result = running;
        if (result != null) {
            result.cancel();
        }
    }

    /** The SDK client is shared by everyone in the region, and the keys stay in the vault: nothing to free. */
    @Override
    public void close() {
        cancel();
    }

    private <C> StatementResult reading(ItemResult.PageReader<C> pages) {
        ItemResult<C> result = new ItemResult<>(table, pages);
        running = result; // before the first request, so that a cancel during it is heard
        result.readFirstPage();
        return result;
    }

    private TableDescription describe(String name) {
        return call("DescribeTable", (client, as) -> client.describeTable(r -> r.tableName(name)
                .overrideConfiguration(as))).table();
    }

    /** One request with the person's keys; a failure says what AWS answered, in words the person can act on. */
    private <T> T call(String action, SignedCall<DynamoDbClient, T> request) {
        return aws.call(keys, dynamoDb, action, request);
    }

    private void requireThisTable(String name) {
        if (!name.equals(table.name())) {
            throw new StratusException(Problem.INVALID_INPUT, "This connection opens the DynamoDB table " + table.name()
                    + ": the statement may use only that one. Open " + name + " from the explorer to use it.");
        }
    }

    /**
     * Key attributes as catalog entries: kind {@code key}, detail {@code "partition key, S"} or
     * {@code "sort key, N"} (the attribute's type), which editors read to build key conditions.
     */
    private static List<CatalogEntry> keys(TableDescription description, List<KeySchemaElement> key) {
        return key.stream().map(element -> new CatalogEntry(element.attributeName(), "key",
                (element.keyTypeAsString().equals("HASH") ? "partition key" : "sort key") + ", "
                        + TableShape.attributeType(description, element.attributeName()))).toList();
    }

    private static List<KeySchemaElement> indexKey(TableDescription description, String index) {
        return description.globalSecondaryIndexes().stream().filter(g -> g.indexName().equals(index))
                .map(GlobalSecondaryIndexDescription::keySchema).findFirst()
                .or(() -> description.localSecondaryIndexes().stream().filter(l -> l.indexName().equals(index))
                        .map(LocalSecondaryIndexDescription::keySchema).findFirst())
                .orElseThrow(() -> AttributeJson.invalid("The table " + description.tableName() + " has no index "
                        + index + "."));
    }

    private static String keyNames(List<KeySchemaElement> key) {
        return String.join(" and ", key.stream().map(KeySchemaElement::attributeName).toList());
    }
}
