package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.DynamoDbItemsTest.n;
import static io.stratus.aws.simulator.tests.DynamoDbItemsTest.s;
import static io.stratus.aws.simulator.tests.TestSeed.ALICE;
import static io.stratus.aws.simulator.tests.TestSeed.ITEMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Scan and Query, paged as DynamoDB pages them, through the real DynamoDbClient and its paginators. */
class DynamoDbScanQueryTest extends SimulatorTestBase {

    /** Items of about 2 KB in {@code bulk}: enough for three 1 MB pages. */
    private static final int BULK_ITEMS = 1_200;
    private static final String PAYLOAD = "x".repeat(2_000);

    @BeforeAll
    static void writeItems() {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        List<WriteRequest> bulk = IntStream.range(0, BULK_ITEMS).mapToObj(i -> put(Map.of("id", s("item-%04d".formatted(i)),
                "payload", s(PAYLOAD), "group", n(Integer.toString(i % 10))))).toList();
        for (int from = 0; from < bulk.size(); from += 25) {
            List<WriteRequest> batch = bulk.subList(from, from + 25);
            db.batchWriteItem(r -> r.requestItems(Map.of("bulk", batch)));
        }
        // Sensor s1 has readings at times that sort differently as numbers and as text.
        for (String at : List.of("100", "-5", "10", "2", "1000")) {
            db.putItem(r -> r.tableName("readings").item(Map.of("sensor", s("s1"), "at", n(at), "kind", s("temp"),
                    "label", s(Integer.parseInt(at) < 10 ? "alpha-" + at : "beta-" + at))));
        }
        db.putItem(r -> r.tableName("readings").item(Map.of("sensor", s("s2"), "at", n("7"), "kind", s("temp"))));
        db.putItem(r -> r.tableName("readings").item(Map.of("sensor", s("s2"), "at", n("8"), "kind", s("wind"))));
        db.putItem(r -> r.tableName("readings").item(Map.of("sensor", s("s3"), "at", n("1"))));
    }

    @Test
    void aScanPaginatorWithALimitSeesEveryItemExactlyOnce() {
        List<String> ids = new ArrayList<>();
        List<ScanResponse> pages = dynamoDb(ITEMS, ALICE).scanPaginator(r -> r.tableName("bulk").limit(100))
                .stream().toList();
        pages.forEach(page -> page.items().forEach(item -> ids.add(item.get("id").s())));

        assertEquals(expectedBulkIds(), ids, "every item once, in key order");
        // 12 full pages; the 12th stops at the limit, so DynamoDB names a key to go on from and a 13th page is empty.
        assertEquals(13, pages.size());
        assertEquals(List.of(100, 0), List.of(pages.get(11).count(), pages.get(12).count()));
        assertEquals(s("item-0099"), pages.getFirst().lastEvaluatedKey().get("id"));
        assertFalse(pages.getLast().hasLastEvaluatedKey());
    }

    @Test
    void pagesEndAtOneMegabyteOfItems() {
        List<ScanResponse> pages = dynamoDb(ITEMS, ALICE).scanPaginator(r -> r.tableName("bulk")).stream().toList();

        assertEquals(3, pages.size());
        int itemSize = "id".length() + "item-0000".length() + "payload".length() + PAYLOAD.length() + "group".length() + 2;
        int perPage = (1024 * 1024 + itemSize - 1) / itemSize;
        assertEquals(List.of(perPage, perPage, BULK_ITEMS - 2 * perPage), pages.stream().map(ScanResponse::count).toList());
        assertEquals(expectedBulkIds(), pages.stream().flatMap(page -> page.items().stream())
                .map(item -> item.get("id").s()).toList());
    }

    @Test
    void aParallelScanSplitsTheTableIntoDisjointSegments() {
        Set<String> seen = new HashSet<>();
        int read = 0;
        for (int segment = 0; segment < 4; segment++) {
            int current = segment;
            List<String> ids = dynamoDb(ITEMS, ALICE).scanPaginator(r -> r.tableName("bulk").segment(current)
                    .totalSegments(4).limit(250).projectionExpression("id")).items().stream()
                    .map(item -> item.get("id").s()).toList();
            assertTrue(ids.size() > BULK_ITEMS / 8, "segment " + segment + " holds a fair share: " + ids.size());
            seen.addAll(ids);
            read += ids.size();
        }
        assertEquals(BULK_ITEMS, read, "no item is in two segments");
        assertEquals(new TreeSet<>(expectedBulkIds()), new TreeSet<>(seen));
    }

    @Test
    void filtersAfterReadingAndProjectsWithNamesAndValues() {
        ScanResponse page = dynamoDb(ITEMS, ALICE).scan(r -> r.tableName("bulk").limit(50)
                .filterExpression("#g = :three AND begins_with(id, :prefix)")
                .projectionExpression("id, #g")
                .expressionAttributeNames(Map.of("#g", "group"))
                .expressionAttributeValues(Map.of(":three", n("3"), ":prefix", s("item-00"))));

        assertEquals(50, page.scannedCount(), "Limit counts the items read, not those the filter keeps");
        assertEquals(List.of(Map.of("id", s("item-0003"), "group", n("3")), Map.of("id", s("item-0013"), "group", n("3")),
                Map.of("id", s("item-0023"), "group", n("3")), Map.of("id", s("item-0033"), "group", n("3")),
                Map.of("id", s("item-0043"), "group", n("3"))), page.items());
        assertEquals(5, page.count());

        List<ScanResponse> counted = dynamoDb(ITEMS, ALICE).scanPaginator(r -> r.tableName("bulk").select(Select.COUNT)
                .filterExpression("#g < :two").expressionAttributeNames(Map.of("#g", "group"))
                .expressionAttributeValues(Map.of(":two", n("2")))).stream().toList();
        assertEquals(BULK_ITEMS / 5, counted.stream().mapToInt(ScanResponse::count).sum());
        assertEquals(BULK_ITEMS, counted.stream().mapToInt(ScanResponse::scannedCount).sum());
        assertTrue(counted.stream().noneMatch(ScanResponse::hasItems), "Select COUNT returns no items");
        assertEquals("Cannot specify the ProjectionExpression when choosing to get COUNT", invalidParameter(
                () -> dynamoDb(ITEMS, ALICE).scan(r -> r.tableName("bulk").select(Select.COUNT).projectionExpression("id"))));
    }

    @Test
    void aQueryReadsOnePartitionInNumericSortKeyOrder() {
        assertEquals(List.of("-5", "2", "10", "100", "1000"), times(r -> r.keyConditionExpression("sensor = :s")
                .expressionAttributeValues(Map.of(":s", s("s1")))));
        assertEquals(List.of("1000", "100", "10", "2", "-5"), times(r -> r.keyConditionExpression("sensor = :s")
                .expressionAttributeValues(Map.of(":s", s("s1"))).scanIndexForward(false)));
        assertEquals(List.of("2", "10", "100"), times(r -> r.keyConditionExpression("sensor = :s AND #at BETWEEN :a AND :b")
                .expressionAttributeNames(Map.of("#at", "at"))
                .expressionAttributeValues(Map.of(":s", s("s1"), ":a", n("2"), ":b", n("100")))));
        assertEquals(List.of("100", "1000"), times(r -> r.keyConditionExpression("sensor = :s AND #at > :t")
                .expressionAttributeNames(Map.of("#at", "at"))
                .expressionAttributeValues(Map.of(":s", s("s1"), ":t", n("10")))));
        assertEquals(List.of("10", "2", "-5"), times(r -> r.keyConditionExpression("sensor = :s AND #at <= :t")
                .expressionAttributeNames(Map.of("#at", "at"))
                .expressionAttributeValues(Map.of(":s", s("s1"), ":t", n("10"))).scanIndexForward(false)));
        assertEquals(List.of("10"), times(r -> r.keyConditionExpression("sensor = :s AND #at = :t")
                .expressionAttributeNames(Map.of("#at", "at"))
                .expressionAttributeValues(Map.of(":s", s("s1"), ":t", n("10")))));
    }

    @Test
    void aQueryPaginatorContinuesFromTheLastEvaluatedKey() {
        List<QueryResponse> pages = dynamoDb(ITEMS, ALICE).queryPaginator(r -> r.tableName("readings")
                .keyConditionExpression("sensor = :s").expressionAttributeValues(Map.of(":s", s("s1")))
                .scanIndexForward(false).limit(2)).stream().toList();

        assertEquals(List.of("1000", "100", "10", "2", "-5"), pages.stream().flatMap(page -> page.items().stream())
                .map(item -> item.get("at").n()).toList());
        assertEquals(Map.of("sensor", s("s1"), "at", n("100")), pages.getFirst().lastEvaluatedKey());
        assertEquals(3, pages.size());
    }

    @Test
    void queriesIndexes() {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        QueryResponse temperatures = db.query(r -> r.tableName("readings").indexName("kind")
                .keyConditionExpression("kind = :k").expressionAttributeValues(Map.of(":k", s("temp"))).limit(5));
        assertEquals(5, temperatures.count());
        assertEquals(Map.of("kind", s("temp"), "sensor", s("s1"), "at", n("1000")), temperatures.lastEvaluatedKey(),
                "an index's LastEvaluatedKey holds its own key and the table's");
        QueryResponse rest = db.query(r -> r.tableName("readings").indexName("kind").keyConditionExpression("kind = :k")
                .expressionAttributeValues(Map.of(":k", s("temp"))).exclusiveStartKey(temperatures.lastEvaluatedKey()));
        assertEquals(List.of(Map.of("sensor", s("s2"), "at", n("7"), "kind", s("temp"))), rest.items());

        assertEquals(List.of("2", "-5"), db.query(r -> r.tableName("readings").indexName("label")
                .keyConditionExpression("sensor = :s AND begins_with(label, :alpha)")
                .expressionAttributeValues(Map.of(":s", s("s1"), ":alpha", s("alpha-"))).scanIndexForward(false))
                .items().stream().map(item -> item.get("at").n()).toList());

        assertEquals(8, db.scan(r -> r.tableName("readings")).count());
        assertEquals(7, db.scan(r -> r.tableName("readings").indexName("kind")).count(),
                "the reading without a kind is not in the index");
        assertEquals("Consistent reads are not supported on global secondary indexes", validation(() -> db.query(r -> r
                .tableName("readings").indexName("kind").consistentRead(true).keyConditionExpression("kind = :k")
                .expressionAttributeValues(Map.of(":k", s("temp"))))));
        assertEquals("The table does not have the specified index: colour", validation(() -> db.scan(r -> r
                .tableName("readings").indexName("colour"))));
    }

    @Test
    void refusesKeyConditionsDynamoDbRefuses() {
        assertEquals("Query condition missed key schema element: sensor", validation(() -> query(r -> r
                .keyConditionExpression("#at = :t").expressionAttributeNames(Map.of("#at", "at"))
                .expressionAttributeValues(Map.of(":t", n("1"))))));
        assertEquals("Invalid operator used in KeyConditionExpression: OR", validation(() -> query(r -> r
                .keyConditionExpression("sensor = :s OR sensor = :t")
                .expressionAttributeValues(Map.of(":s", s("s1"), ":t", s("s2"))))));
        assertEquals("Condition parameter type does not match schema type", invalidParameter(() -> query(r -> r
                .keyConditionExpression("sensor = :s").expressionAttributeValues(Map.of(":s", n("1"))))));
        assertEquals("Query key condition not supported", validation(() -> query(r -> r
                .keyConditionExpression("sensor = :s AND kind = :k")
                .expressionAttributeValues(Map.of(":s", s("s1"), ":k", s("temp"))))));
        assertEquals("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or "
                + "function: begins_with, operand type: N", validation(() -> query(r -> r
                        .keyConditionExpression("sensor = :s AND begins_with(#at, :t)")
                        .expressionAttributeNames(Map.of("#at", "at"))
                        .expressionAttributeValues(Map.of(":s", s("s1"), ":t", n("1"))))));
        assertEquals("The provided starting key is invalid: The provided key element does not match the schema",
                validation(() -> query(r -> r.keyConditionExpression("sensor = :s")
                        .expressionAttributeValues(Map.of(":s", s("s1"))).exclusiveStartKey(Map.of("sensor", s("s1"))))));
        // A start key of another partition, or past the sort key range (a client that changed :t between pages)
        for (Map<String, AttributeValue> start : List.of(Map.of("sensor", s("s2"), "at", n("7")),
                Map.of("sensor", s("s1"), "at", n("-5")))) {
            assertEquals("The provided starting key is outside query boundaries based on provided conditions",
                    validation(() -> query(r -> r.keyConditionExpression("sensor = :s AND #at > :t")
                            .expressionAttributeNames(Map.of("#at", "at"))
                            .expressionAttributeValues(Map.of(":s", s("s1"), ":t", n("5"))).exclusiveStartKey(start))));
        }
    }

    @Test
    void binaryKeysSortByUnsignedBytes() {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        for (byte[] hash : List.of(new byte[] {(byte) 0xff}, new byte[] {0x7f}, new byte[] {(byte) 0x80}, new byte[] {0, 1})) {
            db.putItem(r -> r.tableName("blobs").item(Map.of("hash", AttributeValue.fromB(SdkBytes.fromByteArray(hash)),
                    "n", n("1"))));
        }
        ScanResponse all = db.scan(r -> r.tableName("blobs"));
        assertEquals(List.of("0001", "7f", "80", "ff"), all.items().stream()
                .map(item -> HexFormat.of().formatHex(item.get("hash").b().asByteArray())).toList());
        assertFalse(all.hasLastEvaluatedKey(), "a scan that read everything names no key to go on from");
    }

    private static List<String> times(Consumer<QueryRequest.Builder> query) {
        return query(query).items().stream().map(item -> item.get("at").n()).toList();
    }

    private static QueryResponse query(Consumer<QueryRequest.Builder> query) {
        return dynamoDb(ITEMS, ALICE).query(r -> query.accept(r.tableName("readings")));
    }

    private static String validation(Executable call) {
        return assertAwsError("ValidationException", 400, call).awsErrorDetails().errorMessage();
    }

    private static String invalidParameter(Executable call) {
        String message = validation(call);
        String prefix = "One or more parameter values were invalid: ";
        assertTrue(message.startsWith(prefix), message);
        return message.substring(prefix.length());
    }

    private static List<String> expectedBulkIds() {
        return IntStream.range(0, BULK_ITEMS).mapToObj("item-%04d"::formatted).toList();
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }
}
