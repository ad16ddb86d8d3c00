package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.TestSeed.ALICE;
import static io.stratus.aws.simulator.tests.TestSeed.BOB;
import static io.stratus.aws.simulator.tests.TestSeed.BOB_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.DATABASES;
import static io.stratus.aws.simulator.tests.TestSeed.MANY_DATABASES;
import static io.stratus.aws.simulator.tests.TestSeed.MANY_TABLES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Amazon DynamoDB's control plane as the real DynamoDbClient reads it. */
class DynamoDbTest extends SimulatorTestBase {

    @Test
    void describesATableWithKeysIndexesAndEstimates() {
        TableDescription sessions = dynamoDb(DATABASES, ALICE).describeTable(r -> r.tableName("sessions")).table();

        assertEquals("sessions", sessions.tableName());
        assertEquals("arn:aws:dynamodb:eu-west-1:" + TestSeed.ACCOUNT + ":table/sessions", sessions.tableArn());
        assertEquals("ACTIVE", sessions.tableStatusAsString());
        assertEquals(List.of("user HASH", "started RANGE"), keys(sessions.keySchema()));
        assertEquals(List.of("by-device"), sessions.globalSecondaryIndexes().stream().map(i -> i.indexName()).toList());
        assertEquals(List.of("by-device HASH"), keys(sessions.globalSecondaryIndexes().getFirst().keySchema()));
        assertEquals(List.of("user HASH", "by-expiry RANGE"), keys(sessions.localSecondaryIndexes().getFirst().keySchema()));
        assertEquals("N", sessions.attributeDefinitions().stream().filter(a -> a.attributeName().equals("started"))
                .findFirst().orElseThrow().attributeTypeAsString());
        assertEquals("PAY_PER_REQUEST", sessions.billingModeSummary().billingModeAsString());
        assertEquals(1_204L, sessions.itemCount());
        assertEquals(98_304L, sessions.tableSizeBytes());

        TableDescription carts = dynamoDb(DATABASES, ALICE).describeTable(r -> r.tableName("carts")).table();
        assertEquals("PROVISIONED", carts.billingModeSummary().billingModeAsString());
        assertEquals(5L, carts.provisionedThroughput().readCapacityUnits());
        assertEquals("UPDATING", carts.tableStatusAsString());
        assertEquals(List.of(), carts.localSecondaryIndexes());
    }

    @Test
    void listsTablesInPagesOfAtMostOneHundredNames() {
        ListTablesResponse first = dynamoDb(MANY_DATABASES, ALICE).listTables();
        assertEquals(100, first.tableNames().size());
        assertEquals("table-0100", first.lastEvaluatedTableName());

        ListTablesResponse small = dynamoDb(MANY_DATABASES, ALICE).listTables(r -> r.limit(7).exclusiveStartTableName("table-0224"));
        assertEquals(List.of("table-0225", "table-0226", "table-0227", "table-0228", "table-0229", "table-0230"), small.tableNames());
        assertNull(small.lastEvaluatedTableName(), "the last page names no table to continue from");

        aws.calls().clear();
        List<String> all = dynamoDb(MANY_DATABASES, ALICE).listTablesPaginator().tableNames().stream().toList();
        assertEquals(IntStream.rangeClosed(1, MANY_TABLES).mapToObj("table-%04d"::formatted).toList(), all);
        assertEquals(3, aws.calls().count("dynamodb:ListTables"), "the paginator reads three pages");
    }

    @Test
    void tablesBelongToTheirRegion() {
        assertEquals(List.of("carts", "sessions"), dynamoDb(DATABASES, ALICE).listTables().tableNames());
        assertEquals(List.of(), dynamoDb(Region.US_EAST_1, ALICE).listTables().tableNames());
        assertAwsError("ResourceNotFoundException", 400,
                () -> dynamoDb(Region.US_EAST_1, ALICE).describeTable(r -> r.tableName("sessions")));
    }

    @Test
    void refusesALimitOutsideOneToOneHundred() {
        String message = assertAwsError("ValidationException", 400,
                () -> dynamoDb(DATABASES, ALICE).listTables(r -> r.limit(101))).awsErrorDetails().errorMessage();
        assertTrue(message.contains("between 1 and 100"), message);
    }

    @Test
    void aUserWhoMayNotListTablesIsDenied() {
        String message = assertAwsError("AccessDeniedException", 403,
                () -> dynamoDb(DATABASES, BOB).listTables()).awsErrorDetails().errorMessage();
        assertTrue(message.startsWith("User: " + BOB_ARN + " is not authorized to perform: dynamodb:ListTables"), message);
    }

    private static List<String> keys(List<KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList();
    }
}
