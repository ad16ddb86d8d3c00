package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.TestSeed.ALICE;
import static io.stratus.aws.simulator.tests.TestSeed.BOB;
import static io.stratus.aws.simulator.tests.TestSeed.BOB_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.ERIN;
import static io.stratus.aws.simulator.tests.TestSeed.ERIN_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.ITEMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** DynamoDB's item operations (PutItem, GetItem, UpdateItem, DeleteItem, batches) as the real DynamoDbClient uses them. */
class DynamoDbItemsTest extends SimulatorTestBase {

    @Test
    void tablesStartWithTheSeedsItemsAndDescribeTableCountsWhatTheyHold() {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        Map<String, AttributeValue> seeded = db.getItem(r -> r.tableName("books").key(isbn("978-0"))).item();
        assertEquals(Map.of("isbn", s("978-0"), "title", s("Seeded"), "pages", n("120")), seeded);

        TableDescription before = db.describeTable(r -> r.tableName("books")).table();
        db.putItem(r -> r.tableName("books").item(Map.of("isbn", s("978-count"), "title", s("abc"))));
        TableDescription after = db.describeTable(r -> r.tableName("books")).table();

        assertEquals(before.itemCount() + 1, after.itemCount());
        // As DynamoDB counts sizes: attribute names and string values in UTF-8 bytes.
        assertEquals(before.tableSizeBytes() + "isbn".length() + "978-count".length() + "title".length() + 3,
                after.tableSizeBytes());
    }

    @Test
    void storesAndReturnsValuesOfEveryType() {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        Map<String, AttributeValue> item = Map.ofEntries(
                Map.entry("isbn", s("978-types")),
                Map.entry("price", n("12.50")),
                Map.entry("cover", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xff, 7}))),
                Map.entry("inPrint", AttributeValue.fromBool(true)),
                Map.entry("sequel", AttributeValue.fromNul(true)),
                Map.entry("ratings", AttributeValue.fromL(List.of(n("5"), s("good")))),
                Map.entry("publisher", AttributeValue.fromM(Map.of("name", s("Acme"), "founded", n("1901")))),
                Map.entry("tags", AttributeValue.fromSs(List.of("new", "fiction"))),
                Map.entry("editions", AttributeValue.fromNs(List.of("1", "2"))),
                Map.entry("scans", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1})))));

        db.putItem(r -> r.tableName("books").item(item));
        Map<String, AttributeValue> read = db.getItem(r -> r.tableName("books").key(isbn("978-types")).consistentRead(true))
                .item();

        Map<String, AttributeValue> expected = new HashMap<>(item);
        expected.put("price", n("12.5")); // numbers come back without trailing zeros, as from DynamoDB
        assertEquals(expected, read);
        assertEquals(Map.of("publisher", AttributeValue.fromM(Map.of("name", s("Acme"))), "ratings",
                AttributeValue.fromL(List.of(s("good")))), db.getItem(r -> r.tableName("books").key(isbn("978-types"))
                        .projectionExpression("publisher.#n, ratings[1]").expressionAttributeNames(Map.of("#n", "name")))
                .item());
    }

    @Test
    void putReplacesAnItemAndDeleteRemovesItReturningTheOldOne() {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        db.putItem(r -> r.tableName("books").item(Map.of("isbn", s("978-put"), "title", s("First"), "pages", n("10"))));

        Map<String, AttributeValue> old = db.putItem(r -> r.tableName("books").returnValues(ReturnValue.ALL_OLD)
                .item(Map.of("isbn", s("978-put"), "title", s("Second")))).attributes();
        assertEquals(Map.of("isbn", s("978-put"), "title", s("First"), "pages", n("10")), old);
        assertEquals(Map.of("isbn", s("978-put"), "title", s("Second")),
                db.getItem(r -> r.tableName("books").key(isbn("978-put"))).item(), "a put replaces the whole item");

        Map<String, AttributeValue> deleted = db.deleteItem(r -> r.tableName("books").key(isbn("978-put"))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        assertEquals(s("Second"), deleted.get("title"));
        assertFalse(db.getItem(r -> r.tableName("books").key(isbn("978-put"))).hasItem());
        assertFalse(db.deleteItem(r -> r.tableName("books").key(isbn("978-put")).returnValues(ReturnValue.ALL_OLD))
                .hasAttributes(), "deleting what is not there succeeds and returns nothing");
        assertAwsError("ValidationException", 400, () -> db.putItem(r -> r.tableName("books")
                .item(Map.of("isbn", s("978-put"))).returnValues(ReturnValue.ALL_NEW)));
    }

    @Test
    void conditionsGuardWrites() {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        Map<String, AttributeValue> book = Map.of("isbn", s("978-cond"), "pages", n("300"), "status", s("draft"));
        db.putItem(r -> r.tableName("books").item(book).conditionExpression("attribute_not_exists(isbn)"));

        assertThrows(ConditionalCheckFailedException.class, () -> db.putItem(r -> r.tableName("books").item(book)
                .conditionExpression("attribute_not_exists(isbn)")), "the item exists now");
        ConditionalCheckFailedException refused = assertThrows(ConditionalCheckFailedException.class,
                () -> db.deleteItem(r -> r.tableName("books").key(isbn("978-cond"))
                        .conditionExpression("#s = :published OR pages BETWEEN :low AND :high")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":published", s("published"), ":low", n("1"), ":high", n("299")))));
        assertEquals("The conditional request failed", refused.awsErrorDetails().errorMessage());
        assertTrue(db.getItem(r -> r.tableName("books").key(isbn("978-cond"))).hasItem(), "a failed condition writes nothing");

        db.deleteItem(r -> r.tableName("books").key(isbn("978-cond"))
                .conditionExpression("#s IN (:draft, :review) AND NOT contains(#s, :x) AND size(#s) = :five")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":draft", s("draft"), ":review", s("review"), ":x", s("x"),
                        ":five", n("5"))));
        assertFalse(db.getItem(r -> r.tableName("books").key(isbn("978-cond"))).hasItem());
    }

    @Test
    void comparingDifferentTypesIsFalse() {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        db.putItem(r -> r.tableName("books").item(Map.of("isbn", s("978-types-cmp"), "pages", n("100"))));
        assertThrows(ConditionalCheckFailedException.class, () -> db.putItem(r -> r.tableName("books")
                .item(Map.of("isbn", s("978-types-cmp"))).conditionExpression("pages < :text")
                .expressionAttributeValues(Map.of(":text", s("999")))));
        db.putItem(r -> r.tableName("books").item(Map.of("isbn", s("978-types-cmp")))
                .conditionExpression("pages <> :text AND attribute_type(pages, :n)")
                .expressionAttributeValues(Map.of(":text", s("100"), ":n", s("N"))));
    }

    @Test
    void updateExpressionsSetAddAndRemoveAttributes() {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        db.putItem(r -> r.tableName("books").item(Map.of("isbn", s("978-upd"), "pages", n("100"), "obsolete", s("x"),
                "tags", AttributeValue.fromSs(List.of("a")), "meta", AttributeValue.fromM(Map.of("lang", s("en"))))));

        UpdateItemResponse updated = db.updateItem(r -> r.tableName("books").key(isbn("978-upd"))
                .updateExpression("SET pages = pages + :more, #t = :title, meta.lang = :de, "
                        + "ratings = list_append(if_not_exists(ratings, :none), :five) REMOVE obsolete ADD tags :b")
                .expressionAttributeNames(Map.of("#t", "title"))
                .expressionAttributeValues(Map.of(":more", n("20"), ":title", s("Updated"), ":de", s("de"),
                        ":none", AttributeValue.fromL(List.of()), ":five", AttributeValue.fromL(List.of(n("5"))),
                        ":b", AttributeValue.fromSs(List.of("b"))))
                .returnValues(ReturnValue.ALL_NEW));

        assertEquals(Map.of("isbn", s("978-upd"), "pages", n("120"), "title", s("Updated"),
                "meta", AttributeValue.fromM(Map.of("lang", s("de"))), "ratings", AttributeValue.fromL(List.of(n("5"))),
                "tags", AttributeValue.fromSs(List.of("a", "b"))), updated.attributes());

        Map<String, AttributeValue> before = db.updateItem(r -> r.tableName("books").key(isbn("978-upd"))
                .updateExpression("SET pages = pages - :one").expressionAttributeValues(Map.of(":one", n("1")))
                .returnValues(ReturnValue.UPDATED_OLD)).attributes();
        assertEquals(Map.of("pages", n("120")), before);
        assertEquals(Map.of("pages", n("119")), db.getItem(r -> r.tableName("books").key(isbn("978-upd"))
                .projectionExpression("pages")).item());
    }

    @Test
    void updatingAMissingItemCreatesItFromItsKey() {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        Map<String, AttributeValue> created = db.updateItem(r -> r.tableName("books").key(isbn("978-new"))
                .updateExpression("SET copies = if_not_exists(copies, :zero) + :one")
                .expressionAttributeValues(Map.of(":zero", n("0"), ":one", n("1")))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();

        assertEquals(Map.of("copies", n("1")), created);
        assertEquals(Map.of("isbn", s("978-new"), "copies", n("1")),
                db.getItem(r -> r.tableName("books").key(isbn("978-new"))).item());
        assertValidation("One or more parameter values were invalid: Cannot update attribute isbn. "
                + "This attribute is part of the key", () -> db.updateItem(r -> r.tableName("books").key(isbn("978-new"))
                        .updateExpression("SET isbn = :other").expressionAttributeValues(Map.of(":other", s("978-9")))));
        assertValidation("The provided expression refers to an attribute that does not exist in the item",
                () -> db.updateItem(r -> r.tableName("books").key(isbn("978-new"))
                        .updateExpression("SET copies = absent + :one").expressionAttributeValues(Map.of(":one", n("1")))));
        // Arithmetic stays within DynamoDB's numbers, as stored ones do.
        String digits38 = "12345678901234567890123456789012345678";
        assertValidation("Attempting to store more than 38 significant digits in a Number",
                () -> db.updateItem(r -> r.tableName("books").key(isbn("978-new")).updateExpression("SET copies = :big + :tenth")
                        .expressionAttributeValues(Map.of(":big", n(digits38), ":tenth", n("0.1")))));
        assertValidation("Number overflow. Attempting to store a number with magnitude larger than supported range",
                () -> db.updateItem(r -> r.tableName("books").key(isbn("978-new")).updateExpression("SET copies = :huge + :huge")
                        .expressionAttributeValues(Map.of(":huge", n("9E+125")))));
        assertEquals(Map.of("isbn", s("978-new"), "copies", n("1")),
                db.getItem(r -> r.tableName("books").key(isbn("978-new"))).item(), "refused updates change nothing");
    }

    @Test
    void keysAreCheckedAsDynamoDbChecksThem() {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        assertValidation("One or more parameter values were invalid: Missing the key isbn in the item",
                () -> db.putItem(r -> r.tableName("books").item(Map.of("title", s("No key")))));
        assertValidation("One or more parameter values were invalid: Type mismatch for key isbn expected: S actual: N",
                () -> db.putItem(r -> r.tableName("books").item(Map.of("isbn", n("978")))));
        assertValidation("The provided key element does not match the schema",
                () -> db.getItem(r -> r.tableName("books").key(Map.of("isbn", s("978-0"), "title", s("Seeded")))));
        assertValidation("One or more parameter values were invalid: Type mismatch for Index Key kind Expected: S "
                + "Actual: N IndexName: kind", () -> db.putItem(r -> r.tableName("readings")
                        .item(Map.of("sensor", s("s9"), "at", n("1"), "kind", n("7")))));
        assertValidation("One or more parameter values were invalid: Missing the key at in the item",
                () -> db.putItem(r -> r.tableName("readings").item(Map.of("sensor", s("s9")))));

        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> db.getItem(r -> r.tableName("no-such-table").key(isbn("1"))));
        assertEquals("Requested resource not found", missing.awsErrorDetails().errorMessage());
    }

    @Test
    void malformedExpressionsAreRefusedInDynamoDbsWords() {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        Map<String, AttributeValue> book = Map.of("isbn", s("978-bad"));
        assertValidation("Invalid ConditionExpression: An expression attribute value used in expression is not defined; "
                + "attribute value: :x",
                () -> db.putItem(r -> r.tableName("books").item(book).conditionExpression("pages = :x")));
        assertValidation("Invalid ConditionExpression: An expression attribute name used in the document path is not "
                + "defined; attribute name: #p", () -> db.putItem(r -> r.tableName("books").item(book)
                        .conditionExpression("#p = :x").expressionAttributeValues(Map.of(":x", n("1")))));
        assertValidation("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name",
                () -> db.updateItem(r -> r.tableName("books").key(book).updateExpression("SET name = :x")
                        .expressionAttributeValues(Map.of(":x", n("1")))));
        assertValidation("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"",
                () -> db.putItem(r -> r.tableName("books").item(book).conditionExpression("pages =")));
        assertValidation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
                () -> db.putItem(r -> r.tableName("books").item(book).conditionExpression("pages = :x")
                        .expressionAttributeValues(Map.of(":x", n("1"), ":unused", n("2")))));
        assertValidation("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or "
                + "rewrite one of these paths; path one: [meta], path two: [meta, lang]",
                () -> db.getItem(r -> r.tableName("books").key(book).projectionExpression("meta, meta.lang")));
        assertValidation("Invalid ConditionExpression: Invalid function name; function: exists",
                () -> db.putItem(r -> r.tableName("books").item(book).conditionExpression("exists(pages)")));
        assertValidation("Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or "
                + "equal to lower bound; lower bound operand: AttributeValue: {N:5}, "
                + "upper bound operand: AttributeValue: {N:1}",
                () -> db.putItem(r -> r.tableName("books").item(book).conditionExpression("pages BETWEEN :a AND :b")
                        .expressionAttributeValues(Map.of(":a", n("5"), ":b", n("1")))));
    }

    @Test
    void writesAreAuthorizedWithTheirOwnAction() {
        String denied = assertAwsError("AccessDeniedException", 403, () -> dynamoDb(ITEMS, ERIN).putItem(r -> r
                .tableName("books").item(isbn("978-erin")))).awsErrorDetails().errorMessage();
        assertEquals("User: " + ERIN_ARN + " is not authorized to perform: dynamodb:PutItem on resource: "
                + "arn:aws:dynamodb:eu-central-1:" + TestSeed.ACCOUNT + ":table/books with an explicit deny in an "
                + "identity-based policy", denied);
        assertFalse(dynamoDb(ITEMS, ALICE).getItem(r -> r.tableName("books").key(isbn("978-erin"))).hasItem());

        dynamoDb(ITEMS, ERIN).updateItem(r -> r.tableName("books").key(isbn("978-erin")));
        assertTrue(dynamoDb(ITEMS, ERIN).getItem(r -> r.tableName("books").key(isbn("978-erin"))).hasItem(),
                "erin may update and read, only PutItem is denied");
        String notAllowed = assertAwsError("AccessDeniedException", 403, () -> dynamoDb(ITEMS, BOB)
                .getItem(r -> r.tableName("no-such-table").key(isbn("1")))).awsErrorDetails().errorMessage();
        assertTrue(notAllowed.startsWith("User: " + BOB_ARN + " is not authorized to perform: dynamodb:GetItem"),
                "access is decided before the table is looked for: " + notAllowed);
    }

    @Test
    void batchesWriteUpToTwentyFiveItemsAndReadThemBack() {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        List<WriteRequest> puts = IntStream.range(0, 25).mapToObj(i -> WriteRequest.builder().putRequest(
                PutRequest.builder().item(Map.of("isbn", s("batch-" + i), "n", n(Integer.toString(i)))).build()).build())
                .toList();
        assertTrue(db.batchWriteItem(r -> r.requestItems(Map.of("books", puts))).unprocessedItems().isEmpty());

        List<WriteRequest> tooMany = IntStream.range(0, 26).mapToObj(i -> WriteRequest.builder().deleteRequest(
                d -> d.key(isbn("batch-" + i))).build()).toList();
        assertAwsError("ValidationException", 400, () -> db.batchWriteItem(r -> r.requestItems(Map.of("books", tooMany))));
        assertTrue(db.getItem(r -> r.tableName("books").key(isbn("batch-0"))).hasItem(), "a refused batch writes nothing");

        List<Map<String, AttributeValue>> found = db.batchGetItem(r -> r.requestItems(Map.of("books", KeysAndAttributes
                .builder().keys(isbn("batch-3"), isbn("batch-24"), isbn("not-there")).projectionExpression("n").build())))
                .responses().get("books");
        assertEquals(List.of(Map.of("n", n("3")), Map.of("n", n("24"))),
                found.stream().sorted(Comparator.comparing(attributes -> Integer.parseInt(attributes.get("n").n()))).toList());
        assertValidation("Provided list of item keys contains duplicates", () -> db.batchWriteItem(r -> r.requestItems(
                Map.of("books", List.of(puts.get(0), puts.get(0))))));
    }

    @Test
    void concurrentUpdatesOfOneItemAreNotLost() throws Exception {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        int threads = 8;
        int updates = 25;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = IntStream.range(0, threads).<Future<?>>mapToObj(t -> pool.submit(() -> {
                for (int i = 0; i < updates; i++) {
                    db.updateItem(r -> r.tableName("books").key(isbn("978-hits")).updateExpression("ADD hits :one")
                            .conditionExpression("attribute_not_exists(hits) OR hits < :max")
                            .expressionAttributeValues(Map.of(":one", n("1"), ":max", n("1000"))));
                }
            })).toList();
            for (Future<?> thread : done) {
                thread.get();
            }
        }
        assertEquals(n(Integer.toString(threads * updates)),
                db.getItem(r -> r.tableName("books").key(isbn("978-hits"))).item().get("hits"));
    }

    private static void assertValidation(String message, Executable call) {
        assertEquals(message, assertAwsError("ValidationException", 400, call).awsErrorDetails().errorMessage());
    }

    private static Map<String, AttributeValue> isbn(String isbn) {
        return Map.of("isbn", s(isbn));
    }

    static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }

    static AttributeValue n(String number) {
        return AttributeValue.fromN(number);
    }
}
