package io.stratus.connect.tests;

import io.stratus.core.database.ResultColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.database.AccessMode;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.database.CatalogEntry;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.connector.StatementResult;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.testing.StratusServices;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The DynamoDB connector through the real AWS SDK against the AWS simulator's DynamoDB: the
 * person's own keys sign every request, statements are PartiQL or DynamoDB API requests in JSON,
 * many items stream page by page, read-only sessions send no write, and a connection reaches its
 * own table only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbConnectorTest {

    private static final String ACCOUNT = "123456789012";
    private static final String DANA_KEY = "AKIADANA000000000002";
    private static final String DANA_SECRET = "dana+secret+0000000000000000000000000002";
    private static final String ERIN_KEY = "AKIAERIN000000000002";
    private static final String ERIN_SECRET = "erin+secret+0000000000000000000000000002";
    /** Enough items for several 1 MB-free pages of {@code Limit} 100 and several result pages. */
    private static final int ORDERS = 1_200;
    private static final Seed SEED = Seed.builder().account(ACCOUNT, account -> account
            .user("dana", u -> u.accessKey(DANA_KEY, DANA_SECRET))
            .user("erin", u -> u.accessKey(ERIN_KEY, ERIN_SECRET).deny("dynamodb:PutItem"))
            .region("eu-west-1", region -> region
                    .dynamoDbTable("orders", t -> t.partitionKey("customer", "S").sortKey("placed", "N")
                            .globalSecondaryIndex("state"))
                    .dynamoDbTable("secrets", t -> t.partitionKey("id", "S"))))
            .build();

    private TestAwsSimulator simulator;
    private StratusServices stratus;
    private DatabaseConnector connector;

    @BeforeAll
    void startTheSimulatorWithOrders() throws Exception {
        simulator = TestAwsSimulator.start(SEED);
        stratus = new StratusServices();
        stratus.useAws(simulator, Map.of());
        connector = stratus.connector("dynamodb");
        try (DatabaseLink link = open(DANA_KEY, DANA_SECRET, AccessMode.READ_WRITE)) {
            for (int i = 1; i <= ORDERS; i++) {
                run(link, "{\"PutItem\": {\"Item\": {\"customer\": {\"S\": \"c" + (i % 10) + "\"}, \"placed\": {\"N\": \""
                        + i + "\"}, \"state\": {\"S\": \"" + (i % 3 == 0 ? "open" : "shipped") + "\"}, \"total\": {\"N\": \""
                        + i + ".25\"}}}}");
            }
        }
    }

    @AfterAll
    void stopTheSimulator() {
        simulator.close();
    }

    @Test
    void browsesTheTableItsKeyAndIndexesAndTheirKeys() {
        try (DatabaseLink link = open(DANA_KEY, DANA_SECRET, AccessMode.READ_ONLY)) {
            assertEquals(List.of("orders"), link.browse(List.of()).stream().map(CatalogEntry::name).toList());
            List<CatalogEntry> below = link.browse(List.of("orders"));
            assertEquals(List.of("customer key partition key, S", "placed key sort key, N", "state index global, keyed on state"),
                    below.stream().map(i -> i.name() + " " + i.kind() + " " + i.detail()).toList());
            assertEquals(List.of("state key partition key, S"), link.browse(List.of("orders", "state")).stream()
                    .map(i -> i.name() + " " + i.kind() + " " + i.detail()).toList(), "an index's key, as editors query it");
            assertEquals(Problem.INVALID_INPUT, assertThrows(StratusException.class,
                    () -> link.browse(List.of("orders", "nothing"))).problem());
            assertEquals(Problem.INVALID_INPUT, assertThrows(StratusException.class,
                    () -> link.browse(List.of("secrets"))).problem());
        }
    }

    @Test
    void scansEveryItemOncePageByPageWithKeysAsColumns() {
        try (DatabaseLink link = open(DANA_KEY, DANA_SECRET, AccessMode.READ_ONLY);
                StatementResult scan = link.execute("{\"Scan\": {\"Limit\": 100}}")) {
            assertEquals(List.of("customer", "placed", "item"), scan.columns().stream().map(ResultColumn::name).toList());
            assertEquals(List.of("string", "number", "json"), scan.columns().stream().map(ResultColumn::type).toList());
            long scansBefore = simulator.calls().count("dynamodb:Scan");
            Set<String> seen = new HashSet<>();
            List<List<Object>> page;
            int pages = 0;
            while (!(page = scan.nextPage(500)).isEmpty()) {
                pages++;
                for (List<Object> row : page) {
                    assertTrue(row.get(0) instanceof String && row.get(1) instanceof BigDecimal, row.toString());
                    assertTrue(seen.add(row.get(0) + "/" + row.get(1)), "seen once: " + row);
                }
            }
            assertEquals(ORDERS, seen.size());
            assertEquals(3, pages);
            assertTrue(simulator.calls().count("dynamodb:Scan") - scansBefore >= 11,
                    "DynamoDB was asked page by page, not all at once");
        }
    }

    @Test
    void getsAnItemInDynamoDbJsonWithItsKeyFirst() {
        try (DatabaseLink link = open(DANA_KEY, DANA_SECRET, AccessMode.READ_ONLY)) {
            List<List<Object>> rows = rows(link, "{\"GetItem\": {\"Key\": {\"customer\": {\"S\": \"c7\"}, \"placed\": {\"N\": \"7\"}}}}");
            assertEquals(1, rows.size());
            assertEquals("c7", rows.getFirst().get(0));
            assertEquals(new BigDecimal("7"), rows.getFirst().get(1));
            String item = (String) rows.getFirst().get(2);
            assertTrue(item.startsWith("{\"customer\":{\"S\":\"c7\"},\"placed\":{\"N\":\"7\"}"), item);
            assertTrue(item.contains("\"total\":{\"N\":\"7.25\"}") && item.contains("\"state\":{\"S\":\"shipped\"}"), item);
            assertEquals(List.of(), rows(link, "{\"GetItem\": {\"Key\": {\"customer\": {\"S\": \"nobody\"}, \"placed\": {\"N\": \"1\"}}}}"));
        }
    }

    /** Quotes, backslashes and control characters are escaped where they stand; the text between them is kept. */
    @Test
    void writesTextThatNeedsEscapingAsJson() {
        String escaped = "say \\\"hi\\\" a\\\\b \\t \\n \\r \\u0007 é";
        String key = "\"Key\": {\"customer\": {\"S\": \"esc\"}, \"placed\": {\"N\": \"1\"}}";
        try (DatabaseLink link = open(DANA_KEY, DANA_SECRET, AccessMode.READ_WRITE)) {
            run(link, "{\"PutItem\": {\"Item\": {\"customer\": {\"S\": \"esc\"}, \"placed\": {\"N\": \"1\"},"
                    + " \"note\": {\"S\": \"" + escaped + "\"}}}}");
            try {
                String item = (String) rows(link, "{\"GetItem\": {" + key + "}}").getFirst().get(2);
                assertTrue(item.contains("\"note\":{\"S\":\"" + escaped + "\"}"), item);
            } finally {
                run(link, "{\"DeleteItem\": {" + key + "}}");
            }
        }
    }

    @Test
    void queriesAKeyAndAnIndexWithPlaceholders() {
        try (DatabaseLink link = open(DANA_KEY, DANA_SECRET, AccessMode.READ_ONLY)) {
            List<List<Object>> newestFirst = rows(link, "{\"Query\": {\"KeyConditionExpression\": \"customer = :c AND #p BETWEEN :from AND :to\","
                    + " \"ExpressionAttributeNames\": {\"#p\": \"placed\"}, \"ExpressionAttributeValues\": {\":c\": {\"S\": \"c3\"},"
                    + " \":from\": {\"N\": \"1\"}, \":to\": {\"N\": \"100\"}}, \"ScanIndexForward\": false}}");
            assertEquals(List.of(93, 83, 73, 63, 53, 43, 33, 23, 13, 3),
                    newestFirst.stream().map(row -> ((BigDecimal) row.get(1)).intValueExact()).toList());

            List<List<Object>> open = rows(link, "{\"Query\": {\"IndexName\": \"state\", \"KeyConditionExpression\": \"#s = :open\","
                    + " \"FilterExpression\": \"customer = :c\", \"ExpressionAttributeNames\": {\"#s\": \"state\"},"
                    + " \"ExpressionAttributeValues\": {\":open\": {\"S\": \"open\"}, \":c\": {\"S\": \"c0\"}}}}");
            assertEquals(ORDERS / 30, open.size(), "every 30th order is customer c0's and open");
        }
    }

    @Test
    void runsPartiqlReadsAndWrites() {
        try (DatabaseLink link = open(DANA_KEY, DANA_SECRET, AccessMode.READ_WRITE)) {
            assertEquals(10, rows(link, "SELECT * FROM \"orders\" WHERE customer = 'c5' AND placed < 100").size());
            try (StatementResult insert = link.execute("INSERT INTO \"orders\" VALUE {'customer': 'p1', 'placed': 1, 'note': 'it''s new'}")) {
                assertTrue(insert.columns().isEmpty());
            }
            String item = (String) rows(link, "SELECT * FROM orders WHERE customer = 'p1'").getFirst().get(2);
            assertTrue(item.contains("\"note\":{\"S\":\"it's new\"}"), item);
            run(link, "UPDATE \"orders\" SET note = 'changed' WHERE customer = 'p1' AND placed = 1");
            assertTrue(((String) rows(link, "SELECT * FROM orders WHERE customer = 'p1'").getFirst().get(2))
                    .contains("\"note\":{\"S\":\"changed\"}"));
            run(link, "{\"ExecuteStatement\": {\"Statement\": \"DELETE FROM \\\"orders\\\" WHERE customer = ? AND placed = ?\","
                    + " \"Parameters\": [{\"S\": \"p1\"}, {\"N\": \"1\"}]}}");
            assertEquals(List.of(), rows(link, "SELECT * FROM orders WHERE customer = 'p1'"));
        }
    }

    @Test
    void aReadOnlySessionSendsNoWrite() {
        long writesBefore = writeCalls();
        try (DatabaseLink link = open(DANA_KEY, DANA_SECRET, AccessMode.READ_ONLY)) {
            for (String write : List.of(
                    "{\"PutItem\": {\"Item\": {\"customer\": {\"S\": \"x\"}, \"placed\": {\"N\": \"1\"}}}}",
                    "{\"DeleteItem\": {\"Key\": {\"customer\": {\"S\": \"c1\"}, \"placed\": {\"N\": \"1\"}}}}",
                    "INSERT INTO \"orders\" VALUE {'customer': 'x', 'placed': 1}",
                    "update orders SET total = 0 WHERE customer = 'c1' AND placed = 1",
                    "DELETE FROM orders WHERE customer = 'c1' AND placed = 1",
                    "{\"ExecuteStatement\": {\"Statement\": \"DELETE FROM orders WHERE customer = 'c1' AND placed = 1\"}}")) {
                StratusException refused = assertThrows(StratusException.class, () -> link.execute(write), write);
                assertEquals(Problem.FORBIDDEN, refused.problem(), write);
                assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
            }
        }
        assertEquals(writesBefore, writeCalls(), "nothing reached DynamoDB");
    }

    @Test
    void reachesItsOwnTableOnly() {
        long readsBefore = simulator.calls().count("dynamodb:Scan") + simulator.calls().count("dynamodb:ExecuteStatement");
        try (DatabaseLink link = open(DANA_KEY, DANA_SECRET, AccessMode.READ_WRITE)) {
            for (String other : List.of("{\"Scan\": {\"TableName\": \"secrets\"}}",
                    "SELECT * FROM \"secrets\"",
                    "SELECT \"x FROM orders\" FROM secrets",
                    "INSERT INTO secrets VALUE {'id': 'x'}",
                    "{\"ExecuteStatement\": {\"Statement\": \"SELECT * FROM secrets\"}}")) {
                StratusException refused = assertThrows(StratusException.class, () -> link.execute(other), other);
                assertEquals(Problem.INVALID_INPUT, refused.problem(), other);
                assertTrue(refused.getMessage().contains("only that one"), refused.getMessage());
            }
            // Where this reader could misread a statement, it refuses it rather than guess.
            for (String hidden : List.of("SELECT * --'\nFROM \"secrets\" --' FROM \"orders\"",
                    "SELECT * /*'*/ FROM \"secrets\" /*' FROM \"orders\" */",
                    "SELECT * FROM \"orders\", \"secrets\"",
                    "SELECT * FROM \"orders\" WHERE customer IN (SELECT id FROM secrets)",
                    "SELECT * FROM \"orders\".'x'")) {
                assertEquals(Problem.INVALID_INPUT, assertThrows(StratusException.class, () -> link.execute(hidden), hidden)
                        .problem(), hidden);
            }
        }
        assertEquals(readsBefore, simulator.calls().count("dynamodb:Scan") + simulator.calls().count("dynamodb:ExecuteStatement"),
                "nothing was sent");
        StratusException otherTable = assertThrows(StratusException.class, () -> connector.open(spec().withDatabase("secrets"),
                DatabaseLogin.withAwsIdentity(arn("dana"), keys(DANA_KEY, DANA_SECRET, new AtomicInteger())), AccessMode.READ_ONLY));
        assertEquals(Problem.INVALID_INPUT, otherTable.problem());
        assertTrue(otherTable.getMessage().contains("the table the explorer found (orders)"), otherTable.getMessage());
    }

    @Test
    void explainsWhatDynamoDbAndIamRefuse() {
        try (DatabaseLink link = open(DANA_KEY, DANA_SECRET, AccessMode.READ_WRITE)) {
            StratusException badFilter = assertThrows(StratusException.class,
                    () -> link.execute("{\"Scan\": {\"FilterExpression\": \"placed > :missing\"}}"));
            assertEquals(Problem.INVALID_INPUT, badFilter.problem());
            assertTrue(badFilter.getMessage().contains("ValidationException") && badFilter.getMessage().contains(":missing"),
                    badFilter.getMessage());
            StratusException typo = assertThrows(StratusException.class, () -> link.execute("{\"Scan\": {\"Filter\": \"a = b\"}}"));
            assertTrue(typo.getMessage().contains("not Filter"), typo.getMessage());
            StratusException notJson = assertThrows(StratusException.class, () -> link.execute("{\"Scan\": "));
            assertTrue(notJson.getMessage().contains("not valid JSON"), notJson.getMessage());
            StratusException badValue = assertThrows(StratusException.class, () -> link.execute(
                    "{\"GetItem\": {\"Key\": {\"customer\": \"c1\"}}}"));
            assertTrue(badValue.getMessage().contains("GetItem.Key.customer must be a value in DynamoDB JSON"), badValue.getMessage());
        }
        try (DatabaseLink erin = open(ERIN_KEY, ERIN_SECRET, AccessMode.READ_WRITE)) {
            StratusException denied = assertThrows(StratusException.class, () -> erin.execute(
                    "{\"PutItem\": {\"Item\": {\"customer\": {\"S\": \"e\"}, \"placed\": {\"N\": \"1\"}}}}"));
            assertEquals(Problem.FORBIDDEN, denied.problem());
            assertTrue(denied.getMessage().contains("dynamodb:PutItem"), denied.getMessage());
            assertFalse(denied.getMessage().contains(ERIN_SECRET));
        }
    }

    @Test
    void cancelStopsReadingBeforeTheNextResponse() {
        try (DatabaseLink link = open(DANA_KEY, DANA_SECRET, AccessMode.READ_ONLY);
                StatementResult scan = link.execute("{\"Scan\": {\"Limit\": 50}}")) {
            assertEquals(50, scan.nextPage(50).size());
            long scans = simulator.calls().count("dynamodb:Scan");
            link.cancel();
            StratusException cancelled = assertThrows(StratusException.class, () -> scan.nextPage(50));
            assertEquals(Problem.CONFLICT, cancelled.problem());
            assertEquals(scans, simulator.calls().count("dynamodb:Scan"), "no further page was asked for");
        }
    }

    @Test
    void signsWithThePersonsKeysForEachRequestAndNeedsNoDatabaseUser() {
        AtomicInteger lent = new AtomicInteger();
        AwsKeys keys = keys(DANA_KEY, DANA_SECRET, lent);
        try (DatabaseLink link = connector.open(spec(), DatabaseLogin.withAwsIdentity(arn("dana"), keys), AccessMode.READ_ONLY)) {
            int before = lent.get();
            // customer c1 has 120 orders: pages of 50, 50 and 20
            rows(link, "{\"Query\": {\"KeyConditionExpression\": \"customer = :c\", \"Limit\": 50,"
                    + " \"ExpressionAttributeValues\": {\":c\": {\"S\": \"c1\"}}}}");
            assertEquals(before + 3, lent.get(), "keys lent for each of the 3 requests");
        }
        StratusException password = assertThrows(StratusException.class, () -> connector.open(spec(),
                DatabaseLogin.withPassword("admin", Secret.of("pw")), AccessMode.READ_ONLY));
        assertEquals(Problem.INVALID_INPUT, password.problem());
        assertTrue(password.getMessage().contains("leave the user name and password empty"), password.getMessage());
    }

    private DatabaseLink open(String key, String secret, AccessMode mode) {
        return connector.open(spec(), DatabaseLogin.withAwsIdentity(arn(key.equals(DANA_KEY) ? "dana" : "erin"),
                keys(key, secret, new AtomicInteger())), mode);
    }

    /** Keys lent as the session vault lends them, counting each loan. */
    private static AwsKeys keys(String key, String secret, AtomicInteger loans) {
        AwsCredentials credentials = new AwsCredentials(key, Secret.of(secret), null);
        return new AwsKeys() {
            @Override
            public <T> T use(Function<AwsCredentials, T> call) {
                loans.incrementAndGet();
                return call.apply(credentials);
            }
        };
    }

    private static ConnectionSpec spec() {
        return new ConnectionSpec("arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/orders", "dynamodb", "eu-west-1",
                "dynamodb.eu-west-1.amazonaws.com", 443, Optional.of("orders"), true, false);
    }

    private static String arn(String user) {
        return "arn:aws:iam::" + ACCOUNT + ":user/" + user;
    }

    private long writeCalls() {
        return simulator.calls().count("dynamodb:PutItem") + simulator.calls().count("dynamodb:DeleteItem")
                + simulator.calls().count("dynamodb:ExecuteStatement");
    }

    private static List<List<Object>> rows(DatabaseLink link, String statement) {
        try (StatementResult result = link.execute(statement)) {
            List<List<Object>> rows = new ArrayList<>();
            List<List<Object>> page;
            while (!(page = result.nextPage(1_000)).isEmpty()) {
                rows.addAll(page);
            }
            return rows;
        }
    }

    private static void run(DatabaseLink link, String statement) {
        link.execute(statement).close();
    }
}
