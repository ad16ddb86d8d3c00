package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.testing.PostgresServer;
import io.stratus.testing.StratusServices;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opening a discovered database over the API and working in it, against a real PostgreSQL that
 * the simulator's RDS instance points at: pages and streams of rows, read-only Viewers, one
 * person's connections invisible to another, cancel, and connections closed at sign-out.
 */
class DatabaseApiTest {

    private static final Map<String, String> DAVE = Map.of("accessKeyId", "AKIADAVE000000000005",
            "secretAccessKey", "dave+secret+00000000000000000000000000005");
    private static final Map<String, String> ALICE = LocalDatabaseInstance.ALICE;
    private static final String RESOURCE = LocalDatabaseInstance.RESOURCE;
    private static final int ROWS = 2_500;

    private static LocalDatabaseInstance instance;
    private static PostgresServer postgres;
    private static String database;
    private static ApiClient alice;
    private static ApiClient dave;

    @BeforeAll
    static void start() throws Exception {
        instance = LocalDatabaseInstance.start("databases", List.of(
                "CREATE TABLE numbers (n bigint PRIMARY KEY, label text, price numeric(10,2), seen timestamptz, raw bytea)",
                "INSERT INTO numbers SELECT n, 'n' || n, n * 0.5, timestamptz '2026-01-01 00:00:00+00', decode('00ff', 'hex')"
                        + " FROM generate_series(1, " + ROWS + ") AS n"),
                Map.of("dave", DAVE));
        postgres = instance.postgres;
        database = instance.database;
        alice = instance.alice;
        dave = new ApiClient(instance.port());
        assertEquals(201, dave.post("/api/session", DAVE).statusCode());
        String daveId = ApiClient.json(dave.get("/api/session")).get("principalId").asText();
        assertEquals(200, alice.put("/api/users/" + daveId + "/roles", Map.of("roles", List.of("viewer"))).statusCode());
    }

    @AfterAll
    static void stop() throws Exception {
        instance.close();
    }

    @Test
    void rowsArriveInPagesWithTheirTypes() throws Exception {
        String id = open(alice, postgres.password());
        JsonNode first = ApiClient.json(alice.post("/api/databases/" + id + "/statements",
                Map.of("statement", "SELECT * FROM numbers ORDER BY n", "pageSize", 1_000)));
        assertEquals(List.of("n", "label", "price", "seen", "raw"), first.get("columns").findValuesAsText("name"));
        assertEquals(1_000, first.get("rows").size());
        assertTrue(first.get("more").asBoolean());
        JsonNode row = first.at("/rows/0");
        assertEquals(1, row.get(0).asLong());
        assertEquals("n1", row.get(1).asText());
        assertEquals("0.50", row.get(2).asText(), "decimals travel exactly, as text");
        assertEquals("2026-01-01T00:00Z", row.get(3).asText());
        assertEquals("AP8=", row.get(4).get("base64").asText());
        int read = first.get("rows").size();
        String next = "/api/databases/" + id + "/rows?pageSize=1000&statement=" + first.get("statement").asLong();
        JsonNode page;
        do {
            page = ApiClient.json(alice.get(next));
            read += page.get("rows").size();
        } while (page.get("more").asBoolean());
        assertEquals(ROWS, read);
        ApiClient.assertError(alice.get(next), 404, "not_found");

        // Rows belong to their statement: after another one ran, the first one's are gone.
        long earlier = ApiClient.json(alice.post("/api/databases/" + id + "/statements",
                Map.of("statement", "SELECT n FROM numbers", "pageSize", 10))).get("statement").asLong();
        alice.post("/api/databases/" + id + "/statements", Map.of("statement", "SELECT 1"));
        ApiClient.assertError(alice.get("/api/databases/" + id + "/rows?statement=" + earlier), 409, "conflict");
        close(alice, id);
    }

    @Test
    void allRowsStreamAsNdjson() throws Exception {
        String id = open(alice, postgres.password());
        HttpResponse<String> streamed = alice.post("/api/databases/" + id + "/statements",
                Map.of("statement", "SELECT n, label FROM numbers ORDER BY n", "stream", true));
        assertEquals(200, streamed.statusCode(), streamed.body());
        assertEquals("application/x-ndjson", streamed.headers().firstValue("Content-Type").orElseThrow());
        List<String> lines = streamed.body().lines().toList();
        assertEquals(ROWS + 2, lines.size());
        assertEquals(List.of("n", "label"), ApiClient.JSON.readTree(lines.get(0)).get("columns").findValuesAsText("name"));
        assertEquals("[2500,\"n2500\"]", lines.get(ROWS));
        assertEquals(ROWS, ApiClient.JSON.readTree(lines.get(ROWS + 1)).at("/end/rows").asInt());
        close(alice, id);
    }

    @Test
    void viewersReadButCannotWrite() throws Exception {
        JsonNode opened = ApiClient.json(dave.post("/api/databases", login(postgres.password())));
        assertTrue(opened.get("readOnly").asBoolean());
        String id = opened.get("id").asText();
        HttpResponse<String> update = dave.post("/api/databases/" + id + "/statements",
                Map.of("statement", "UPDATE numbers SET label = 'x' WHERE n = 1"));
        ApiClient.assertError(update, 403, "forbidden");
        assertTrue(ApiClient.json(update).at("/error/message").asText().contains("read-only"));
        JsonNode count = ApiClient.json(dave.post("/api/databases/" + id + "/statements",
                Map.of("statement", "SELECT count(*) FROM numbers")));
        assertEquals(ROWS, count.at("/rows/0/0").asInt());
        close(dave, id);

        String writer = open(alice, postgres.password());
        JsonNode changed = ApiClient.json(alice.post("/api/databases/" + writer + "/statements",
                Map.of("statement", "UPDATE numbers SET label = label WHERE n <= 3")));
        assertEquals(3, changed.get("updateCount").asInt());
        close(alice, writer);
    }

    @Test
    void withAutoCommitOffChangesWaitForCommitOrRollbackWhichViewersAndDynamoDbRefuse() throws Exception {
        String id = open(alice, postgres.password());
        String path = "/api/databases/" + id;
        ApiClient.assertError(alice.put(path + "/autoCommit", Map.of("on", "no")), 400, "bad_request");
        assertEquals(204, alice.put(path + "/autoCommit", Map.of("on", false)).statusCode());
        alice.post(path + "/statements", Map.of("statement", "UPDATE numbers SET label = 'pending' WHERE n = 9"));
        assertEquals("n9", labelOf(9), "others do not see what is not committed");
        assertEquals(204, alice.post(path + "/rollback", Map.of()).statusCode());
        alice.post(path + "/statements", Map.of("statement", "UPDATE numbers SET label = 'kept' WHERE n = 9"));
        assertEquals(204, alice.post(path + "/commit", Map.of()).statusCode());
        assertEquals("kept", labelOf(9));
        assertEquals(204, alice.put(path + "/autoCommit", Map.of("on", true)).statusCode());
        alice.post(path + "/statements", Map.of("statement", "UPDATE numbers SET label = 'n9' WHERE n = 9"));
        assertEquals("n9", labelOf(9));
        close(alice, id);

        String viewing = ApiClient.json(dave.post("/api/databases", login(postgres.password()))).get("id").asText();
        HttpResponse<String> refused = dave.put("/api/databases/" + viewing + "/autoCommit", Map.of("on", false));
        ApiClient.assertError(refused, 403, "forbidden");
        assertTrue(ApiClient.json(refused).at("/error/message").asText().contains("read-only"), refused.body());
        close(dave, viewing);

        String table = ApiClient.json(alice.post("/api/databases", Map.of("resourceId", LocalDatabaseInstance.CARTS)))
                .get("id").asText();
        HttpResponse<String> noTransactions = alice.post("/api/databases/" + table + "/commit", Map.of());
        ApiClient.assertError(noTransactions, 400, "bad_request");
        assertTrue(ApiClient.json(noTransactions).at("/error/message").asText().contains("no transactions"),
                noTransactions.body());
        close(alice, table);
    }

    private static String labelOf(int n) throws SQLException {
        try (Connection admin = postgres.connect(database); Statement sql = admin.createStatement();
                ResultSet rows = sql.executeQuery("SELECT label FROM numbers WHERE n = " + n)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void dynamoDbTablesOpenWithThePersonsOwnAwsIdentity() throws Exception {
        JsonNode opened = ApiClient.json(alice.post("/api/databases", Map.of("resourceId", LocalDatabaseInstance.CARTS)));
        assertEquals("arn:aws:iam::" + HttpApiTest.ACCOUNT + ":user/alice", opened.get("username").asText());
        assertEquals("awsIdentity", opened.get("login").asText());
        assertFalse(opened.get("readOnly").asBoolean());
        String id = opened.get("id").asText();
        JsonNode put = ApiClient.json(alice.post("/api/databases/" + id + "/statements", Map.of("statement",
                "{\"PutItem\": {\"Item\": {\"cart\": {\"S\": \"c1\"}, \"total\": {\"N\": \"12.50\"},"
                        + " \"note\": {\"S\": \"say \\\"hi\\\"\\n\\\\ \\u0001\"}}}}")));
        assertEquals(1, put.get("updateCount").asInt());
        HttpResponse<String> scan = alice.post("/api/databases/" + id + "/statements",
                Map.of("statement", "SELECT * FROM carts", "stream", true));
        List<String> lines = scan.body().lines().toList();
        assertEquals(List.of("cart", "item"), ApiClient.JSON.readTree(lines.get(0)).get("columns").findValuesAsText("name"));
        JsonNode row = ApiClient.JSON.readTree(lines.get(1));
        assertEquals("c1", row.get(0).asText());
        JsonNode item = ApiClient.JSON.readTree(row.get(1).asText());
        assertEquals("c1", item.at("/cart/S").asText(), "the item in DynamoDB JSON, its key first");
        assertEquals(0, new BigDecimal("12.5").compareTo(new BigDecimal(item.at("/total/N").asText())));
        assertEquals("say \"hi\"\n\\ \u0001", item.at("/note/S").asText(), "quotes, line breaks and control characters survive");
        assertEquals(1, ApiClient.JSON.readTree(lines.get(2)).at("/end/rows").asInt());
        close(alice, id);

        JsonNode viewer = ApiClient.json(dave.post("/api/databases", Map.of("resourceId", LocalDatabaseInstance.CARTS)));
        assertTrue(viewer.get("readOnly").asBoolean());
        String viewing = viewer.get("id").asText();
        HttpResponse<String> delete = dave.post("/api/databases/" + viewing + "/statements",
                Map.of("statement", "DELETE FROM carts WHERE cart = 'c1'"));
        ApiClient.assertError(delete, 403, "forbidden");
        JsonNode get = ApiClient.json(dave.post("/api/databases/" + viewing + "/statements",
                Map.of("statement", "{\"GetItem\": {\"Key\": {\"cart\": {\"S\": \"c1\"}}}}")));
        assertEquals("c1", get.at("/rows/0/0").asText(), "the item is still there");
        close(dave, viewing);

        ApiClient.assertError(alice.post("/api/databases", Map.of("resourceId", LocalDatabaseInstance.CARTS, "database", "orders")),
                400, "bad_request"); // a table's limits and access are its own: no other table rides on its resource id

        JsonNode saved = ApiClient.json(alice.post("/api/connections", Map.of("name", "carts", "resourceId",
                LocalDatabaseInstance.CARTS)));
        assertEquals("awsIdentity", saved.get("login").asText());
        assertFalse(saved.has("username"), "the AWS identity is the session's own");
        assertEquals(204, alice.send("DELETE", "/api/connections/" + saved.get("id").asText(), null).statusCode());
    }

    @Test
    void oneSessionsConnectionsAreInvisibleToAnother() throws Exception {
        String mine = open(alice, postgres.password());
        assertEquals(List.of(mine), ApiClient.json(alice.get("/api/databases")).get("databases").findValuesAsText("id"));
        assertEquals(List.of(), ApiClient.json(dave.get("/api/databases")).get("databases").findValuesAsText("id"));
        ApiClient.assertError(dave.post("/api/databases/" + mine + "/statements", Map.of("statement", "SELECT 1")), 404, "not_found");
        ApiClient.assertError(dave.send("DELETE", "/api/databases/" + mine, null), 404, "not_found");
        assertEquals(200, alice.post("/api/databases/" + mine + "/statements", Map.of("statement", "SELECT 1")).statusCode(),
                "still open for its owner");
        close(alice, mine);
    }

    @Test
    void aStatementCancelledBeforeItReachesTheDatabaseDoesNotRun() throws Exception {
        try (Connection admin = postgres.connect(database); Statement sql = admin.createStatement()) {
            sql.execute("CREATE TABLE cancel_marks (n int)");
            // what the first statement inserts makes its commit take 3 s: the next request waits there
            sql.execute("CREATE TABLE slow_commits (n int)");
            sql.execute("CREATE FUNCTION sleep_at_commit() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN PERFORM pg_sleep(3); RETURN NULL; END $$");
            sql.execute("CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON slow_commits DEFERRABLE INITIALLY DEFERRED"
                    + " FOR EACH ROW EXECUTE FUNCTION sleep_at_commit()");
            sql.execute("CREATE FUNCTION commit_slowly() RETURNS int LANGUAGE sql AS"
                    + " $$ INSERT INTO slow_commits VALUES (1) RETURNING n $$");
        }
        String id = open(alice, postgres.password());
        JsonNode first = ApiClient.json(alice.post("/api/databases/" + id + "/statements", Map.of("statement",
                "SELECT CASE WHEN n = 1 THEN commit_slowly() END, n FROM generate_series(1, 1000) AS n", "pageSize", 10)));
        assertTrue(first.get("more").asBoolean(), "its rows are still being read");
        CompletableFuture<HttpResponse<String>> next = CompletableFuture.supplyAsync(() -> {
            try {
                return alice.post("/api/databases/" + id + "/statements", Map.of("statement",
                        "INSERT INTO cancel_marks VALUES (1)"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the request has arrived: it ends the first statement, whose commit runs the trigger
        StratusServices.awaitTrue("the first statement's commit", () -> running("COMMIT"));
        assertEquals(204, alice.post("/api/databases/" + id + "/cancel", Map.of()).statusCode());
        HttpResponse<String> cancelled = next.get(20, TimeUnit.SECONDS);
        ApiClient.assertError(cancelled, 409, "conflict");
        assertTrue(ApiClient.json(cancelled).at("/error/message").asText().contains("cancelled"), cancelled.body());
        try (Connection admin = postgres.connect(database); Statement sql = admin.createStatement();
                ResultSet marks = sql.executeQuery("SELECT count(*) FROM cancel_marks")) {
            marks.next();
            assertEquals(0, marks.getInt(1), "the cancelled statement never ran");
        }
        assertEquals(200, alice.post("/api/databases/" + id + "/statements", Map.of("statement",
                "INSERT INTO cancel_marks VALUES (2)")).statusCode(), "the next statement runs");
        close(alice, id);
    }

    @Test
    void aRunningStatementCanBeCancelled() throws Exception {
        String id = open(alice, postgres.password());
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return alice.post("/api/databases/" + id + "/statements", Map.of("statement", "SELECT pg_sleep(30)"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        StratusServices.awaitTrue("the statement runs", () -> running("SELECT pg_sleep(30)"));
        ApiClient.assertError(alice.post("/api/databases/" + id + "/statements", Map.of("statement", "SELECT 1")), 409, "conflict");
        assertEquals(204, alice.post("/api/databases/" + id + "/cancel", Map.of()).statusCode());
        HttpResponse<String> cancelled = slow.get(10, TimeUnit.SECONDS);
        ApiClient.assertError(cancelled, 409, "conflict");
        assertTrue(ApiClient.json(cancelled).at("/error/message").asText().contains("cancelled"), cancelled.body());
        assertEquals(204, alice.post("/api/databases/" + id + "/test", Map.of()).statusCode());

        // Between two pages nothing runs in the database: cancel drops the rest of the rows.
        JsonNode firstTen = ApiClient.json(alice.post("/api/databases/" + id + "/statements",
                Map.of("statement", "SELECT n FROM numbers", "pageSize", 10)));
        assertTrue(firstTen.get("more").asBoolean());
        assertEquals(204, alice.post("/api/databases/" + id + "/cancel", Map.of()).statusCode());
        HttpResponse<String> rest = alice.get("/api/databases/" + id + "/rows?statement=" + firstTen.get("statement").asLong());
        ApiClient.assertError(rest, 409, "conflict");
        assertTrue(ApiClient.json(rest).at("/error/message").asText().contains("cancelled"), rest.body());
        close(alice, id);
        String other = open(alice, postgres.password());

        CompletableFuture<HttpResponse<String>> closedUnder = CompletableFuture.supplyAsync(() -> {
            try {
                return alice.post("/api/databases/" + other + "/statements", Map.of("statement", "SELECT pg_sleep(30)"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        StratusServices.awaitTrue("the statement runs again", () -> running("SELECT pg_sleep(30)"));
        close(alice, other);
        HttpResponse<String> closed = closedUnder.get(10, TimeUnit.SECONDS);
        ApiClient.assertError(closed, 409, "conflict");
        assertTrue(ApiClient.json(closed).at("/error/message").asText().contains("closed while the statement ran"),
                closed.body());
    }

    @Test
    void loginFailuresSayWhatToDoAndNeverEchoThePassword() throws Exception {
        HttpResponse<String> wrong = alice.post("/api/databases", login("not-the-password"));
        ApiClient.assertError(wrong, 400, "bad_request");
        assertTrue(ApiClient.json(wrong).at("/error/message").asText().startsWith("The database refused the login"), wrong.body());
        assertFalse(wrong.body().contains("not-the-password"));

        Map<String, Object> iam = new HashMap<>(login(null));
        iam.remove("password");
        HttpResponse<String> token = alice.post("/api/databases", iam);
        ApiClient.assertError(token, 400, "bad_request");
        assertTrue(ApiClient.json(token).at("/error/message").asText().contains("rds-db:connect"),
                "an IAM login was tried with alice's own keys: " + token.body());

        HttpResponse<String> unknown = alice.post("/api/databases", Map.of("resourceId", RESOURCE + "-gone", "username", "x"));
        ApiClient.assertError(unknown, 404, "not_found");

        Map<String, Object> smuggled = new HashMap<>(login(postgres.password()));
        smuggled.put("database", database + "?readOnlyMode=ignore");
        HttpResponse<String> options = alice.post("/api/databases", smuggled);
        ApiClient.assertError(options, 400, "bad_request");
        assertTrue(ApiClient.json(options).at("/error/message").asText().contains("is not a database name"), options.body());

        String trail = alice.get("/api/audit?limit=50").body();
        assertTrue(trail.contains("\"action\":\"open-database\",\"outcome\":\"invalid_input\"") && trail.contains(RESOURCE
                + " as " + postgres.user()), "the refused opens are in the audit trail: " + trail);
        assertFalse(trail.contains("not-the-password"));
    }

    @Test
    void signingOutClosesThePersonsConnectionsOpenOrKeptForReuse() throws Exception {
        int before = stratusBackends();
        ApiClient erin = new ApiClient(alice.port());
        assertEquals(201, erin.post("/api/session", ALICE).statusCode());
        open(erin, postgres.password());
        close(erin, open(erin, postgres.password())); // kept for reuse
        assertEquals(before + 2, stratusBackends());
        assertEquals(204, erin.send("DELETE", "/api/session", null).statusCode());
        StratusServices.awaitTrue("both connections are closed", () -> stratusBackends() == before);
    }

    @Test
    void aClosedConnectionIsReusedOnlyByItsOwnerForTheSameLogin() throws Exception {
        String first = open(alice, postgres.password());
        int backend = backendOf(alice, first);
        close(alice, first);
        String again = open(alice, postgres.password());
        assertEquals(backend, backendOf(alice, again), "the same physical connection, without a new login");
        close(alice, again);

        ApiClient.assertError(alice.post("/api/databases", login("not-the-password")), 400, "bad_request");
        String davesOwn = ApiClient.json(dave.post("/api/databases", login(postgres.password()))).get("id").asText();
        assertTrue(backendOf(dave, davesOwn) != backend, "another person never gets alice's connection");
        close(dave, davesOwn);
        String alicesAgain = open(alice, postgres.password());
        assertEquals(backend, backendOf(alice, alicesAgain), "still kept for alice");
        close(alice, alicesAgain);
    }

    private static int backendOf(ApiClient client, String id) throws Exception {
        return ApiClient.json(client.post("/api/databases/" + id + "/statements", Map.of("statement", "SELECT pg_backend_pid()")))
                .at("/rows/0/0").asInt();
    }

    @Test
    void openingADatabaseNeedsConnectWithoutExplore() throws Exception {
        assertEquals(201, alice.post("/api/roles", Map.of("id", "opener", "name", "Opener",
                "permissions", List.of("connect"))).statusCode());
        String daveId = ApiClient.json(dave.get("/api/session")).get("principalId").asText();
        assertEquals(200, alice.put("/api/users/" + daveId + "/roles", Map.of("roles", List.of("opener"))).statusCode());
        try {
            ApiClient.assertError(dave.get("/api/explorer"), 403, "forbidden");
            ApiClient.assertError(dave.get("/api/explorer/connection?resource=" + LocalDatabaseInstance.CARTS), 403, "forbidden");
            HttpResponse<String> opened = dave.post("/api/databases", Map.of("resourceId", LocalDatabaseInstance.CARTS));
            assertEquals(201, opened.statusCode(), opened.body());
            close(dave, ApiClient.json(opened).get("id").asText());
        } finally {
            assertEquals(200, alice.put("/api/users/" + daveId + "/roles", Map.of("roles", List.of("viewer"))).statusCode());
            assertEquals(204, alice.send("DELETE", "/api/roles/opener", null).statusCode());
        }
    }

    @Test
    void anAdministratorLimitsWhichDatabasesARoleMayOpen() throws Exception {
        HttpResponse<String> limited = alice.put("/api/roles/viewer/databases",
                Map.of("patterns", List.of("arn:aws:rds:*:*:db:reporting-*")));
        assertEquals(200, limited.statusCode(), limited.body());
        assertEquals(List.of("arn:aws:rds:*:*:db:reporting-*"), strings(ApiClient.json(limited).get("databases")));
        try {
            HttpResponse<String> refused = dave.post("/api/databases", login(postgres.password()));
            ApiClient.assertError(refused, 403, "forbidden");
            assertTrue(ApiClient.json(refused).at("/error/message").asText().contains("(viewer) may not open " + RESOURCE),
                    refused.body());
            assertEquals(200, alice.put("/api/roles/viewer/databases", Map.of("patterns", List.of("*:db:reporting-*",
                    "arn:aws:rds:eu-west-1:*:db:orders"))).statusCode());
            String id = ApiClient.json(dave.post("/api/databases", login(postgres.password()))).get("id").asText();
            close(dave, id);
            JsonNode viewer = ApiClient.json(alice.get("/api/roles")).get("roles").findParents("id").stream()
                    .filter(role -> role.get("id").asText().equals("viewer")).findFirst().orElseThrow();
            assertEquals(2, viewer.get("databases").size());

            ApiClient.assertError(alice.put("/api/roles/administrator/databases", Map.of("patterns", List.of("x"))),
                    409, "conflict");

            // A role may write only in the databases it may open: dave's writing role is limited elsewhere.
            assertEquals(201, alice.post("/api/roles", Map.of("id", "reporter", "name", "Reporter",
                    "permissions", List.of("connect", "write-data"))).statusCode());
            assertEquals(200, alice.put("/api/roles/reporter/databases", Map.of("patterns", List.of("*:db:reporting-*")))
                    .statusCode());
            String daveId = ApiClient.json(dave.get("/api/session")).get("principalId").asText();
            assertEquals(200, alice.put("/api/users/" + daveId + "/roles", Map.of("roles", List.of("viewer", "reporter")))
                    .statusCode());
            JsonNode mixed = ApiClient.json(dave.post("/api/databases", login(postgres.password())));
            assertTrue(mixed.get("readOnly").asBoolean(), "write-data counts only through a role that may open it: " + mixed);
            close(dave, mixed.get("id").asText());
            assertEquals(200, alice.put("/api/users/" + daveId + "/roles", Map.of("roles", List.of("viewer"))).statusCode());
            assertEquals(204, alice.send("DELETE", "/api/roles/reporter", null).statusCode());
            ApiClient.assertError(dave.put("/api/roles/viewer/databases", Map.of("patterns", List.of())), 403, "forbidden");
        } finally {
            assertEquals(200, alice.put("/api/roles/viewer/databases", Map.of("patterns", List.of())).statusCode());
        }
        String id = ApiClient.json(dave.post("/api/databases", login(postgres.password()))).get("id").asText();
        close(dave, id);
    }

    @Test
    void changesOfRolesAndLimitsReachConnectionsAlreadyOpen() throws Exception {
        String daveId = ApiClient.json(dave.get("/api/session")).get("principalId").asText();
        try {
            assertEquals(200, alice.put("/api/users/" + daveId + "/roles", Map.of("roles", List.of("user"))).statusCode());
            JsonNode writable = ApiClient.json(dave.post("/api/databases", login(postgres.password())));
            assertFalse(writable.get("readOnly").asBoolean());
            String id = writable.get("id").asText();
            assertEquals(200, alice.put("/api/users/" + daveId + "/roles", Map.of("roles", List.of("viewer"))).statusCode());

            HttpResponse<String> write = dave.post("/api/databases/" + id + "/statements",
                    Map.of("statement", "UPDATE numbers SET label = 'demoted' WHERE n = 1"));
            ApiClient.assertError(write, 403, "forbidden");
            assertTrue(ApiClient.json(write).at("/error/message").asText().contains("roles changed"), write.body());
            assertEquals("n1", label(1), "nothing was written after the demotion");
            assertEquals(0, ApiClient.json(dave.get("/api/databases")).get("databases").size(), "the writing connection is closed");
            ApiClient.assertError(dave.post("/api/databases/" + id + "/statements", Map.of("statement", "SELECT 1")),
                    404, "not_found");

            JsonNode reading = ApiClient.json(dave.post("/api/databases", login(postgres.password())));
            assertTrue(reading.get("readOnly").asBoolean(), "reopened as the roles now allow: " + reading);
            assertEquals(200, alice.put("/api/roles/viewer/databases", Map.of("patterns", List.of("*:db:reporting-*")))
                    .statusCode());
            HttpResponse<String> read = dave.post("/api/databases/" + reading.get("id").asText() + "/statements",
                    Map.of("statement", "SELECT 1"));
            ApiClient.assertError(read, 403, "forbidden");
            assertTrue(ApiClient.json(read).at("/error/message").asText().contains("may not open " + RESOURCE), read.body());
            assertEquals(0, ApiClient.json(dave.get("/api/databases")).get("databases").size(),
                    "a database the role may no longer open is closed");
        } finally {
            assertEquals(200, alice.put("/api/roles/viewer/databases", Map.of("patterns", List.of())).statusCode());
            assertEquals(200, alice.put("/api/users/" + daveId + "/roles", Map.of("roles", List.of("viewer"))).statusCode());
        }
    }

    @Test
    void theCatalogTakesNamesAndComesInPages() throws Exception {
        String id = open(alice, postgres.password());
        try {
            String columns = "/api/databases/" + id + "/catalog?schema=public&table=numbers";
            JsonNode first = ApiClient.json(alice.get(columns + "&limit=2"));
            assertEquals(List.of("n", "label"), names(first.get("items")));
            assertTrue(first.get("more").asBoolean());
            JsonNode last = ApiClient.json(alice.get(columns + "&offset=4&limit=2"));
            assertEquals(List.of("raw"), names(last.get("items")));
            assertFalse(last.get("more").asBoolean());

            JsonNode wildcards = ApiClient.json(alice.get("/api/databases/" + id + "/catalog?schema=%25&table=%25"));
            assertEquals(0, wildcards.get("items").size(), "names are not patterns: " + wildcards);
            assertEquals(0, ApiClient.json(alice.get("/api/databases/" + id + "/catalog?schema=p_blic")).get("items").size());
            ApiClient.assertError(alice.get(columns + "&offset=-1"), 400, "bad_request");
            ApiClient.assertError(alice.get(columns + "&limit=0"), 400, "bad_request");
        } finally {
            close(alice, id);
        }
    }

    @Test
    void aDatabaseUserNameWithControlCharactersIsABadRequest() throws Exception {
        Map<String, Object> login = login(postgres.password());
        login.put("username", "post\u0000gres");
        HttpResponse<String> refused = alice.post("/api/databases", login);
        ApiClient.assertError(refused, 400, "bad_request");
        assertTrue(ApiClient.json(refused).at("/error/message").asText().contains("control characters"), refused.body());
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static String label(int n) throws Exception {
        try (Connection admin = postgres.connect(database); Statement sql = admin.createStatement();
                ResultSet row = sql.executeQuery("SELECT label FROM numbers WHERE n = " + n)) {
            row.next();
            return row.getString(1);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @Test
    void savedConnectionsAreEachPersonsOwnAndHoldNoPassword() throws Exception {
        Map<String, Object> orders = Map.of("name", "Orders (read)", "resourceId", RESOURCE, "username", "reporting",
                "iamAuthentication", true);
        HttpResponse<String> created = alice.post("/api/connections", orders);
        assertEquals(201, created.statusCode(), created.body());
        String id = ApiClient.json(created).get("id").asText();
        ApiClient.assertError(alice.post("/api/connections", orders), 409, "conflict");
        HttpResponse<String> withPassword = alice.post("/api/connections", Map.of("name", "x", "resourceId", RESOURCE,
                "username", "u", "password", "do-not-keep"));
        ApiClient.assertError(withPassword, 400, "bad_request");
        assertFalse(withPassword.body().contains("do-not-keep"));

        JsonNode mine = ApiClient.json(alice.get("/api/connections")).get("connections");
        assertEquals(1, mine.size());
        assertEquals("reporting", mine.get(0).get("username").asText());
        assertEquals("iamToken", mine.get(0).get("login").asText());
        assertFalse(mine.get(0).has("password"));
        assertEquals(0, ApiClient.json(dave.get("/api/connections")).get("connections").size(), "dave sees none of alice's");
        ApiClient.assertError(dave.put("/api/connections/" + id, Map.of("name", "mine now", "resourceId", RESOURCE,
                "username", "x")), 404, "not_found");
        ApiClient.assertError(dave.send("DELETE", "/api/connections/" + id, null), 404, "not_found");

        HttpResponse<String> renamed = alice.put("/api/connections/" + id, Map.of("name", "Orders", "resourceId", RESOURCE,
                "username", "reporting", "database", "orders", "iamAuthentication", true));
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("orders", ApiClient.json(alice.get("/api/connections")).at("/connections/0/database").asText());
        assertEquals(204, alice.send("DELETE", "/api/connections/" + id, null).statusCode());
        assertEquals(0, ApiClient.json(alice.get("/api/connections")).get("connections").size());
    }

    private static String open(ApiClient client, String password) throws Exception {
        HttpResponse<String> opened = client.post("/api/databases", login(password));
        assertEquals(201, opened.statusCode(), opened.body());
        JsonNode body = ApiClient.json(opened);
        assertFalse(opened.body().contains(postgres.password()), "no password in " + opened.body());
        return body.get("id").asText();
    }

    private static void close(ApiClient client, String id) throws Exception {
        assertEquals(204, client.send("DELETE", "/api/databases/" + id, null).statusCode());
    }

    private static Map<String, Object> login(String password) {
        Map<String, Object> login = new HashMap<>(Map.of("resourceId", RESOURCE, "username", postgres.user()));
        login.put("password", password);
        return login;
    }

    private static boolean running(String statement) {
        return count("SELECT count(*) FROM pg_stat_activity WHERE query = '" + statement + "' AND state = 'active'") > 0;
    }

    /** Connections Stratus holds to the test database right now. */
    private static int stratusBackends() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'Stratus' AND datname = '" + database + "'");
    }

    private static int count(String query) {
        try (Connection admin = postgres.connect("postgres"); Statement sql = admin.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
