package io.stratus.aws.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.AwsSimulator;
import io.stratus.aws.simulator.seed.RegionSeed;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The JSON seed format, its defaults and its validation. */
class SeedTest extends SimulatorTestBase {

    @Test
    void loadsTheExampleSeedWithDefaults() throws IOException {
        Seed seed = exampleSeed();

        assertEquals(2, seed.accounts().size());
        Seed.Account acme = seed.accounts().get(0);
        assertEquals("acme-prod", acme.alias());
        assertEquals("o-acme1example", acme.organization());
        assertEquals("arn:aws:organizations::111111111111:organization/o-acme1example", seed.organizations().get(0).arn());
        Seed.User alice = acme.users().get(0);
        assertEquals("arn:aws:iam::111111111111:user/engineering/alice", alice.arn(acme.id()));
        assertTrue(alice.id().matches("AIDA[A-Z2-7]{17}"), alice.id());
        assertEquals(Seed.AccessKey.Status.Inactive, alice.accessKeys().get(1).status());
        assertEquals(Seed.AccessKey.Status.Active, alice.accessKeys().get(0).status());
        assertEquals(14400, acme.roles().get(0).maxSessionDurationSeconds());
        assertEquals(3600, acme.roles().get(1).maxSessionDurationSeconds());
        assertNull(seed.accounts().get(1).organization());
    }

    @Test
    void loadsDatabasesRegionByRegion() throws IOException {
        Seed.Account acme = exampleSeed().accounts().get(0);

        RegionSeed ireland = acme.region("eu-west-1");
        assertEquals(List.of("catalog-1", "documents-1", "orders"), ireland.dbInstances().stream()
                .map(RegionSeed.DbInstance::identifier).toList());
        RegionSeed.DbInstance orders = ireland.dbInstances().get(2);
        assertEquals(List.of("team", "env"), List.copyOf(orders.tags().keySet()));
        assertEquals("orders.", orders.address().substring(0, 7));
        RegionSeed.DbCluster catalog = ireland.dbClusters().get(0);
        assertEquals(List.of("catalog-1"), catalog.members());
        assertEquals(3306, catalog.port());
        assertTrue(catalog.storageEncrypted());
        assertEquals(false, ireland.dbClusters().get(1).storageEncrypted());
        assertEquals(4, ireland.redshiftClusters().get(0).numberOfNodes());
        RegionSeed.DynamoDbTable sessions = ireland.dynamoDbTables().get(1);
        assertEquals(new RegionSeed.KeyAttribute("started", "N"), sessions.sortKey());
        assertEquals(List.of("by-device"), sessions.globalSecondaryIndexes());
        assertEquals("PAY_PER_REQUEST", sessions.billingMode());
        assertEquals(1204L, sessions.itemCount());
        RegionSeed.DynamoDbTable carts = ireland.dynamoDbTables().get(0);
        assertEquals(2, carts.items().size());
        assertEquals(Map.of("S", "c-1001"), carts.items().getFirst().get("cart"));
        assertNull(carts.itemCount(), "without an estimate, DescribeTable counts the items the simulator holds");

        List<RegionSeed.DbInstance> generated = acme.region("us-east-1").dbInstances();
        assertEquals(2000, generated.size());
        assertEquals("bench-00001", generated.getFirst().identifier());
        assertEquals(List.of(), acme.region("ap-south-1").dbInstances());
    }

    @Test
    void explainsAnInvalidRegion() {
        assertInvalid("Region name Ireland is not of the form eu-west-1.", """
                {"accounts": [{"id": "111111111111", "regions": [{"name": "Ireland"}]}]}
                """);
        assertInvalid("DynamoDB table sessions has local secondary indexes, which need a sort key.", """
                {"accounts": [{"id": "111111111111", "regions": [{"name": "eu-west-1",
                  "dynamoDbTables": [{"name": "sessions", "localSecondaryIndexes": ["by-expiry"]}]}]}]}
                """);
        assertInvalid("Duplicate DB instance identifier in eu-west-1: orders", """
                {"accounts": [{"id": "111111111111", "regions": [{"name": "eu-west-1",
                  "dbInstances": [{"identifier": "orders"}, {"identifier": "orders", "engine": "mysql"}]}]}]}
                """);
        assertInvalid("DB instance orders-1 is a member of cluster orders, which region eu-west-1 does not define.", """
                {"accounts": [{"id": "111111111111", "regions": [{"name": "eu-west-1",
                  "dbInstances": [{"identifier": "orders-1", "clusterIdentifier": "orders"}]}]}]}
                """);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Seed.builder()
                .account("111111111111", account -> account.region("eu-west-1", region -> region
                        .dbInstance("ledger", db -> db.engine("db2"))))
                .build());
        assertTrue(error.getMessage().startsWith("ledger: the engine db2 has no default version and port"),
                error.getMessage());
    }

    @Test
    void theExampleSeedServesTheRealSdk() throws IOException {
        AwsBasicCredentials bob = AwsBasicCredentials.create("AKIABOB1111111111111", "bob+secret+0000000000000000000000000000");
        AwsBasicCredentials carol = AwsBasicCredentials.create("AKIACAROL22222222222", "carol+secret+000000000000000000000000000");
        try (TestAwsSimulator simulator = TestAwsSimulator.start(exampleSeed())) {
            assertEquals("AIDABOB1EXAMPLE1234", sts(simulator, bob).getCallerIdentity().userId());

            // Admin trusts account 222222222222 as a whole, so its users may assume it across accounts.
            Credentials admin = sts(simulator, carol).assumeRole(r -> r
                    .roleArn("arn:aws:iam::111111111111:role/Admin").roleSessionName("carol")).credentials();
            assertEquals("arn:aws:sts::111111111111:assumed-role/Admin/carol",
                    sts(simulator, sessionCredentials(admin)).getCallerIdentity().arn());

            AwsBasicCredentials root = AwsBasicCredentials.create("AKIAROOT111111111111",
                    "root+secret+of+account+111111111111+xxxx");
            DynamoDbClient dynamoDb = dynamoDb(simulator, Region.EU_WEST_1, root);
            Map<String, AttributeValue> cart = dynamoDb.getItem(r -> r.tableName("carts")
                    .key(Map.of("cart", AttributeValue.fromS("c-1001")))).item();
            assertEquals("42.5", cart.get("total").n());
            assertEquals("B-7", cart.get("lines").l().getFirst().m().get("sku").s());
            assertEquals(2L, dynamoDb.describeTable(r -> r.tableName("carts")).table().itemCount());
        }
    }

    @Test
    void theDemoSeedsTablesHoldItemsAndItHasAServerlessWorkgroup() throws IOException {
        AwsBasicCredentials ada = AwsBasicCredentials.create("AKIADEMOADA000000001", "demo/ada/secret/000000000000000000000001");
        try (InputStream json = AwsSimulator.class.getResourceAsStream("/seeds/demo.json");
                TestAwsSimulator simulator = TestAwsSimulator.start(Seed.fromJson(json))) {
            DynamoDbClient dynamoDb = dynamoDb(simulator, Region.EU_WEST_1, ada);
            assertEquals(3, dynamoDb.scan(r -> r.tableName("carts")).count());
            assertEquals(3L, dynamoDb.describeTable(r -> r.tableName("carts")).table().itemCount());
            assertEquals(2, dynamoDb.query(r -> r.tableName("sessions").keyConditionExpression("#u = :ada")
                    .expressionAttributeNames(Map.of("#u", "user"))
                    .expressionAttributeValues(Map.of(":ada", AttributeValue.fromS("ada")))).count());
            RegionSeed.RedshiftWorkgroup reporting = Seed.fromJson(AwsSimulator.class.getResourceAsStream("/seeds/demo.json"))
                    .accounts().getFirst().region("eu-west-1").redshiftWorkgroups().getFirst();
            assertEquals("reporting", reporting.name());
            assertEquals("reports", reporting.dbName());
            assertEquals(32, reporting.baseCapacity());
        }
    }

    @Test
    void refusesASeedItemDynamoDbWouldRefuse() throws IOException {
        Seed missingKey = parse("""
                {"accounts": [{"id": "111111111111", "regions": [{"name": "eu-west-1", "dynamoDbTables": [
                  {"name": "carts", "partitionKey": {"name": "cart", "type": "S"},
                   "items": [{"cart": {"S": "c-1"}}, {"owner": {"S": "ada"}}]}]}]}]}
                """);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AwsSimulator.start(missingKey));
        assertEquals("Invalid seed: DynamoDB table carts of account 111111111111 in eu-west-1, item 2: "
                + "One or more parameter values were invalid: Missing the key cart in the item", error.getMessage());

        Seed duplicate = Seed.builder().account("111111111111", account -> account.region("eu-west-1", region -> region
                .dynamoDbTable("carts", table -> table.partitionKey("cart", "N")
                        .item("{\"cart\": {\"N\": \"1.0\"}}").item("{\"cart\": {\"N\": \"1\"}}"))))
                .build();
        error = assertThrows(IllegalArgumentException.class, () -> AwsSimulator.start(duplicate));
        assertTrue(error.getMessage().contains("item 2: Another item of the seed has the same key"), error.getMessage());
        error = assertThrows(IllegalArgumentException.class, () -> Seed.builder().account("111111111111", account -> account
                .region("eu-west-1", region -> region.dynamoDbTable("carts", table -> table.item("not json")))));
        assertTrue(error.getMessage().startsWith("A DynamoDB item of the seed is not a JSON object"), error.getMessage());
    }

    @Test
    void rejectsAnUnknownField() {
        IOException error = assertThrows(IOException.class, () -> parse("""
                {"accounts": [{"id": "111111111111", "user": []}]}
                """));
        assertTrue(error.getMessage().contains("\"user\""), error.getMessage());
    }

    @Test
    void explainsAnInvalidSeed() {
        assertInvalid("Account id 1234 is not 12 digits.", """
                {"accounts": [{"id": "1234"}]}
                """);
        assertInvalid("Account 111111111111 names organization o-missing00000, which the seed does not define.", """
                {"accounts": [{"id": "111111111111", "organization": "o-missing00000"}]}
                """);
        assertInvalid("Duplicate access key id: AKIASAME000000000000", """
                {"accounts": [{"id": "111111111111", "users": [
                  {"name": "a", "accessKeys": [{"id": "AKIASAME000000000000", "secret": "x"}]},
                  {"name": "b", "accessKeys": [{"id": "AKIASAME000000000000", "secret": "y"}]}]}]}
                """);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Seed.builder()
                .account("111111111111", account -> account.role("Admin", role -> role.trustedBy("nobody")))
                .build());
        assertTrue(error.getMessage().contains("trusts nobody"), error.getMessage());
    }

    private static void assertInvalid(String message, String json) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> parse(json));
        assertEquals("Invalid seed: " + message, error.getMessage());
    }

    private static Seed exampleSeed() throws IOException {
        try (InputStream json = AwsSimulator.class.getResourceAsStream("/seeds/example.json")) {
            return Seed.fromJson(json);
        }
    }

    private static Seed parse(String json) throws IOException {
        return Seed.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
