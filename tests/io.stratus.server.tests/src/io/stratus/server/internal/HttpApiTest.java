package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.core.access.Action;
import io.stratus.core.access.Permission;
import io.stratus.explorer.ExplorerConfiguration;
import io.stratus.testing.StratusServices;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

/**
 * The API as a browser or script sees it: real HTTP on loopback, the services behind it wired by
 * DS and ConfigAdmin as in the server product, AWS played by the simulator.
 */
class HttpApiTest {

    static final String ACCOUNT = "123456789012";
    static final Map<String, String> ALICE = keys("AKIAALICE00000000001", "alice+secret+0000000000000000000000000001");
    static final Map<String, String> ALICE_TWIN = keys("AKIAALICETWIN0000001", "alice+twin+secret+00000000000000000000001");
    /** bob may not describe RDS databases. */
    static final Map<String, String> BOB = keys("AKIABOB0000000000002", "bob+secret+00000000000000000000000000002");
    /** carol belongs to another AWS account. */
    static final Map<String, String> CAROL = keys("AKIACAROL00000000003", "carol+secret+000000000000000000000000003");
    static final String CANARY_SECRET = "CANARY+canary+canary+canary+canary+canary";
    static final Map<String, String> CANARY = keys("AKIACANARY0000000004", CANARY_SECRET);
    private static final int MAX_FAILURES = 5;
    private static final long WINDOW_SECONDS = 2;

    private static final Seed SEED = Seed.builder()
            .account(ACCOUNT, account -> account
                    .user("alice", u -> u.accessKey(ALICE.get("accessKeyId"), ALICE.get("secretAccessKey")))
                    .user("alice-twin", u -> u.accessKey(ALICE_TWIN.get("accessKeyId"), ALICE_TWIN.get("secretAccessKey")))
                    .user("bob", u -> u.accessKey(BOB.get("accessKeyId"), BOB.get("secretAccessKey"))
                            .deny("rds:DescribeDBInstances", "rds:DescribeDBClusters"))
                    .user("canary", u -> u.accessKey(CANARY.get("accessKeyId"), CANARY_SECRET))
                    .region("eu-west-1", r -> r
                            .dbInstance("orders", db -> db.engine("postgres").iamAuthentication(true))
                            .redshiftCluster("warehouse", rs -> rs.nodeType("ra3.xlplus"))
                            .dynamoDbTable("carts", table -> table.partitionKey("cart", "S"))
                            .generatedDbInstances(100, "replica"))) // orders and these: two pages of DB instances
            .account("210987654321", account -> account
                    .user("carol", u -> u.accessKey(CAROL.get("accessKeyId"), CAROL.get("secretAccessKey"))))
            .build();

    private static TestAwsSimulator simulator;
    private static StratusServices stratus;
    private HttpApiServer server;
    private ApiClient anonymous;

    @BeforeAll
    static void start() {
        simulator = TestAwsSimulator.start(SEED);
        stratus = new StratusServices();
        stratus.useAws(simulator, Map.of("maxAttempts", 2));
        stratus.configure(ExplorerConfiguration.PID, new Hashtable<>(Map.of(ExplorerConfiguration.REGIONS, new String[] {"eu-west-1"})));
        stratus.configure(ApiDispatcher.PID, new Hashtable<>(Map.of("signInMaxFailures", MAX_FAILURES,
                "signInWindowSeconds", WINDOW_SECONDS, "maxBodyBytes", 4096)));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void freshInstanceBehindAListener() throws Exception {
        stratus.freshInstance("api");
        stratus.service(ApiDispatcher.class);
        server = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> stratus.currentService(ApiDispatcher.class),
                FrameworkUtil.getBundle(ApiDispatcher.class).getVersion().toString(), Optional.empty());
        anonymous = new ApiClient(server.start().getPort());
    }

    @AfterEach
    void stopListener() throws Exception {
        simulator.faults().clear();
        server.stop();
    }

    @Test
    void healthReportsStatusVersionAndReadiness() throws Exception {
        HttpResponse<String> response = anonymous.get("/api/health");
        assertEquals(200, response.statusCode());
        JsonNode body = ApiClient.json(response);
        assertEquals("ok", body.get("status").asText());
        assertEquals(FrameworkUtil.getBundle(ApiDispatcher.class).getVersion().toString(), body.get("version").asText());
        assertTrue(body.get("ready").asBoolean());
    }

    @Test
    void unknownRoutesAndWrongMethodsAreJsonErrors() throws Exception {
        ApiClient.assertError(anonymous.get("/api/nothing-here"), 404, "not_found");
        HttpResponse<String> wrongMethod = anonymous.send("DELETE", "/api/instance", null);
        ApiClient.assertError(wrongMethod, 405, "method_not_allowed");
        assertTrue(ApiClient.json(wrongMethod).at("/error/message").asText().contains("use GET"));
    }

    @Test
    void firstSetupMakesAnAdministratorAndSetsAGuardedCookie() throws Exception {
        assertFalse(ApiClient.json(anonymous.get("/api/instance")).get("configured").asBoolean());
        ApiClient alice = new ApiClient(anonymous.port());
        HttpResponse<String> setup = alice.post("/api/setup", ALICE);

        assertEquals(201, setup.statusCode(), setup.body());
        String cookie = setup.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(ApiDispatcher.SESSION_COOKIE + "="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "no Secure flag without TLS: " + cookie);
        assertTrue(alice.sessionCookie().length() >= 32, "at least 128 random bits, encoded");
        JsonNode me = ApiClient.json(setup);
        assertEquals("arn:aws:iam::" + ACCOUNT + ":user/alice", me.get("arn").asText());
        assertEquals(List.of("administrator"), strings(me.get("roles")));
        assertTrue(strings(me.get("permissions")).contains("manage-users"));
        assertFalse(setup.body().contains(ALICE.get("secretAccessKey")));

        JsonNode instance = ApiClient.json(alice.get("/api/instance"));
        assertTrue(instance.get("configured").asBoolean());
        assertEquals(ACCOUNT, instance.get("accountId").asText());
        assertFalse(ApiClient.json(anonymous.get("/api/instance")).has("accountId"), "the account only for the signed-in");

        ApiClient.assertError(new ApiClient(anonymous.port()).post("/api/setup", BOB), 409, "conflict");
    }

    @Test
    void concurrentFirstSetupsHaveExactlyOneWinner() throws Exception {
        List<Map<String, String>> people = List.of(ALICE, ALICE_TWIN, BOB, CANARY);
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        List<Future<Integer>> statuses = new ArrayList<>();
        for (Map<String, String> keys : people) {
            statuses.add(pool.submit((Callable<Integer>) () -> new ApiClient(anonymous.port()).post("/api/setup", keys).statusCode()));
        }
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answers.add(status.get());
        }
        pool.shutdown();
        assertEquals(1, answers.stream().filter(s -> s == 201).count(), "answers: " + answers);
        assertEquals(people.size() - 1, answers.stream().filter(s -> s == 409).count(), "answers: " + answers);
    }

    @Test
    void signInSignOutAndANewCookieEachTime() throws Exception {
        new ApiClient(anonymous.port()).post("/api/setup", ALICE);
        ApiClient bob = new ApiClient(anonymous.port());
        ApiClient.assertError(bob.get("/api/session"), 401, "not_signed_in");

        assertEquals(201, bob.post("/api/session", BOB).statusCode());
        String first = bob.sessionCookie();
        JsonNode me = ApiClient.json(bob.get("/api/session"));
        assertEquals(List.of("user"), strings(me.get("roles")));
        assertEquals(201, bob.post("/api/session", BOB).statusCode());
        assertNotEquals(first, bob.sessionCookie(), "every sign-in gets a new session id");

        ApiClient stolen = new ApiClient(anonymous.port()).withCookie(bob.sessionCookie());
        HttpResponse<String> signOut = bob.send("DELETE", "/api/session", null);
        assertEquals(204, signOut.statusCode());
        String cleared = signOut.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cleared.startsWith(ApiDispatcher.SESSION_COOKIE + "=;") && cleared.contains("Expires=Thu, 01 Jan 1970"), cleared);
        ApiClient.assertError(stolen.get("/api/session"), 401, "not_signed_in");
    }

    @Test
    void wrongKeysAndAnotherAccountAreRefusedClearly() throws Exception {
        new ApiClient(anonymous.port()).post("/api/setup", ALICE);
        ApiClient.assertError(anonymous.post("/api/session", CAROL), 403, "forbidden");
        ApiClient.assertError(anonymous.post("/api/session", keys(BOB.get("accessKeyId"), "wrong+secret+000000000000000000000000")),
                401, "not_signed_in");
        ApiClient.assertError(anonymous.post("/api/session", keys("short", "x")), 400, "bad_request");
        ApiClient.assertError(anonymous.post("/api/session", Map.of("accessKeyId", BOB.get("accessKeyId"))), 400, "bad_request");
    }

    @Test
    void thePermissionTableAndTheActionsOfTheSessionComeFromTheServer() throws Exception {
        signedIn("/api/setup", ALICE);
        ApiClient bob = signedIn("/api/session", BOB);
        ApiClient.assertError(anonymous.get("/api/permissions"), 401, "not_signed_in");

        JsonNode table = ApiClient.json(bob.get("/api/permissions"));
        assertEquals(Stream.of(Permission.values()).map(Permission::id).toList(), table.get("permissions").findValuesAsText("id"));
        assertEquals(Stream.of(Action.values()).map(Action::id).toList(), table.get("actions").findValuesAsText("id"));
        JsonNode open = table.get("actions").findParents("id").stream()
                .filter(action -> action.get("id").asText().equals("open-database")).findFirst().orElseThrow();
        assertEquals("connect", open.get("permission").asText(), "opening a database needs connect, not explore as well");

        List<String> actions = strings(ApiClient.json(bob.get("/api/session")).get("actions"));
        assertTrue(actions.containsAll(List.of("explore", "open-database", "write-data")), actions.toString());
        assertFalse(actions.contains("list-users"), "a User does not administer: " + actions);
    }

    @Test
    void administratorRoutesRefuseOthers() throws Exception {
        ApiClient alice = signedIn("/api/setup", ALICE);
        ApiClient bob = signedIn("/api/session", BOB);
        String bobId = ApiClient.json(bob.get("/api/session")).get("principalId").asText();

        ApiClient.assertError(bob.get("/api/users"), 403, "forbidden");
        ApiClient.assertError(bob.put("/api/users/" + bobId + "/roles", Map.of("roles", List.of("administrator"))), 403, "forbidden");
        ApiClient.assertError(bob.post("/api/roles", Map.of("id", "auditor", "name", "Auditor", "permissions", List.of("read-audit"))),
                403, "forbidden");
        ApiClient.assertError(bob.put("/api/roles/auditor", Map.of("id", "auditor", "name", "A", "permissions", List.of())),
                403, "forbidden");
        ApiClient.assertError(bob.send("DELETE", "/api/roles/auditor", null), 403, "forbidden");
        ApiClient.assertError(bob.get("/api/audit"), 403, "forbidden");
        ApiClient.assertError(bob.get("/api/roles"), 403, "forbidden");
        ApiClient.assertError(anonymous.get("/api/users"), 401, "not_signed_in");

        assertEquals(201, alice.post("/api/roles", Map.of("id", "auditor", "name", "Auditor",
                "permissions", List.of("explore", "read-audit"))).statusCode());
        ApiClient.assertError(alice.post("/api/roles", Map.of("id", "auditor", "name", "Again", "permissions", List.of())),
                409, "conflict");
        HttpResponse<String> changed = alice.put("/api/roles/auditor", Map.of("id", "auditor", "name", "Auditors",
                "permissions", List.of("explore", "read-audit")));
        assertEquals("Auditors", ApiClient.json(changed).get("name").asText(), changed.body());
        ApiClient.assertError(alice.put("/api/roles/nobody", Map.of("id", "nobody", "name", "N", "permissions", List.of())),
                404, "not_found");
        JsonNode roles = ApiClient.json(alice.get("/api/roles"));
        assertEquals("user", roles.get("defaultRole").asText());
        List<String> roleIds = new ArrayList<>();
        roles.get("roles").forEach(role -> roleIds.add(role.get("id").asText()));
        assertEquals(List.of("administrator", "user", "viewer", "auditor"), roleIds);
        HttpResponse<String> granted = alice.put("/api/users/" + bobId + "/roles", Map.of("roles", List.of("auditor")));
        assertEquals(200, granted.statusCode(), granted.body());
        assertTrue(strings(ApiClient.json(bob.get("/api/session")).get("permissions")).contains("read-audit"),
                "the grant reaches bob's live session");
        assertEquals(200, bob.get("/api/audit").statusCode());
        ApiClient.assertError(alice.put("/api/users/" + bobId + "/roles", Map.of("roles", List.of("no-such-role"))),
                400, "bad_request");
        assertEquals(200, alice.put("/api/users/" + bobId + "/roles", Map.of("roles", List.of("user"))).statusCode());
        assertEquals(204, alice.send("DELETE", "/api/roles/auditor", null).statusCode());
        ApiClient.assertError(alice.send("DELETE", "/api/roles/auditor", null), 404, "not_found");
        assertEquals("viewer", ApiClient.json(alice.put("/api/instance/default-role", Map.of("role", "viewer")))
                .get("defaultRole").asText());
        ApiClient.assertError(bob.put("/api/instance/default-role", Map.of("role", "administrator")), 403, "forbidden");
        JsonNode users = ApiClient.json(alice.get("/api/users")).get("users");
        assertEquals(2, users.size());
    }

    @Test
    void stateChangesNeedJsonAndTheAntiForgeryHeader() throws Exception {
        HttpResponse<String> noHeader = anonymous.sendRaw("POST", "/api/session", ApiClient.JSON.writeValueAsString(ALICE),
                "application/json", false);
        ApiClient.assertError(noHeader, 403, "forbidden");
        assertTrue(ApiClient.json(noHeader).at("/error/message").asText().contains(ApiDispatcher.ANTI_FORGERY_HEADER));
        assertEquals("close", noHeader.headers().firstValue("Connection").orElse(""),
                "a refusal before the body is read closes the connection, and says so");
        HttpResponse<String> form = anonymous.sendRaw("POST", "/api/session", "accessKeyId=a&secretAccessKey=b",
                "application/x-www-form-urlencoded", true);
        ApiClient.assertError(form, 415, "unsupported_media_type");
        ApiClient.assertError(anonymous.sendRaw("POST", "/api/session", "{not json", "application/json", true), 400, "bad_request");
    }

    @Test
    void oversizedBodiesAreRefused() throws Exception {
        String big = "{\"accessKeyId\": \"" + "A".repeat(5000) + "\"}";
        ApiClient.assertError(anonymous.sendRaw("POST", "/api/session", big, "application/json", true), 413, "request_too_large");
    }

    @Test
    void failedSignInsAreThrottledThenForgotten() throws Exception {
        new ApiClient(anonymous.port()).post("/api/setup", ALICE);
        Map<String, String> wrong = keys(BOB.get("accessKeyId"), "wrong+secret+000000000000000000000000");
        for (int i = 0; i < MAX_FAILURES; i++) {
            ApiClient.assertError(anonymous.post("/api/session", wrong), 401, "not_signed_in");
        }
        HttpResponse<String> throttled = anonymous.post("/api/session", BOB);
        ApiClient.assertError(throttled, 429, "too_many_requests");
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= WINDOW_SECONDS, "Retry-After " + retryAfter);

        Thread.sleep(WINDOW_SECONDS * 1000 + 100);
        assertEquals(201, anonymous.post("/api/session", BOB).statusCode(), "after the window the right keys work");
        for (int i = 0; i < MAX_FAILURES + 2; i++) {
            ApiClient person = new ApiClient(anonymous.port());
            assertEquals(201, person.post("/api/session", BOB).statusCode(), "normal sign-ins are never throttled");
            assertEquals(204, person.send("DELETE", "/api/session", null).statusCode());
        }
    }

    @Test
    void wrongSignInsForSomeonesKeyDoNotLockThemOutElsewhere() throws Exception {
        new ApiClient(anonymous.port()).post("/api/setup", ALICE);
        Map<String, String> wrong = keys(BOB.get("accessKeyId"), "wrong+secret+000000000000000000000000");
        ApiClient attacker = new ApiClient(anonymous.port(), ApiClient.loopback(2));
        for (int i = 0; i < MAX_FAILURES; i++) {
            ApiClient.assertError(attacker.post("/api/session", wrong), 401, "not_signed_in");
        }
        ApiClient.assertError(attacker.post("/api/session", wrong), 429, "too_many_requests");

        assertEquals(201, new ApiClient(anonymous.port()).post("/api/session", BOB).statusCode(),
                "bob, from an address that never failed, still gets in");
        ApiClient.assertError(attacker.post("/api/session", wrong), 429, "too_many_requests");
        assertEquals(201, new ApiClient(anonymous.port()).post("/api/session", BOB).statusCode(),
                "the attacker trying on renews nothing for bob");
    }

    @Test
    void aKeyLockedByFailuresStillSlowsEveryAddressThatFailed() throws Exception {
        new ApiClient(anonymous.port()).post("/api/setup", ALICE);
        Map<String, String> wrong = keys(BOB.get("accessKeyId"), "wrong+secret+000000000000000000000000");
        for (int i = 0; i < MAX_FAILURES; i++) { // spread over addresses, each under its own limit
            ApiClient.assertError(new ApiClient(anonymous.port(), ApiClient.loopback(10 + i)).post("/api/session", wrong),
                    401, "not_signed_in");
        }
        ApiClient fresh = new ApiClient(anonymous.port(), ApiClient.loopback(20));
        ApiClient.assertError(fresh.post("/api/session", wrong), 401, "not_signed_in");
        HttpResponse<String> again = fresh.post("/api/session", wrong);
        ApiClient.assertError(again, 429, "too_many_requests");
        assertTrue(again.headers().firstValue("Retry-After").isPresent());
        assertEquals(201, new ApiClient(anonymous.port(), ApiClient.loopback(21)).post("/api/session", BOB).statusCode());
    }

    @Test
    void parallelWrongSignInsReachStsNoMoreThanTheLimit() throws Exception {
        new ApiClient(anonymous.port()).post("/api/setup", ALICE);
        simulator.calls().clear();
        simulator.faults().latency("sts:*", java.time.Duration.ofMillis(300));
        Map<String, String> wrong = keys(BOB.get("accessKeyId"), "wrong+secret+000000000000000000000000");
        ApiClient attacker = new ApiClient(anonymous.port(), ApiClient.loopback(3));
        ExecutorService pool = Executors.newFixedThreadPool(60);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            statuses.add(pool.submit(() -> attacker.post("/api/session", wrong).statusCode()));
        }
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answers.add(status.get());
        }
        pool.shutdown();
        assertTrue(answers.stream().filter(s -> s == 401).count() <= MAX_FAILURES, "answers: " + answers);
        assertEquals(60, answers.stream().filter(s -> s == 401 || s == 429).count(), "answers: " + answers);
        assertTrue(simulator.calls().count("sts:GetCallerIdentity") <= MAX_FAILURES,
                simulator.calls().count("sts:GetCallerIdentity") + " calls reached STS");
    }

    @Test
    void stsThrottlingAtSignInIs429WithRetryAfter() throws Exception {
        new ApiClient(anonymous.port()).post("/api/setup", ALICE);
        simulator.faults().failNext(2, io.stratus.aws.simulator.testing.Fault.THROTTLING, "sts:GetCallerIdentity");
        HttpResponse<String> throttled = anonymous.post("/api/session", BOB);
        ApiClient.assertError(throttled, 429, "too_many_requests");
        assertTrue(throttled.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L) >= 1, "Retry-After");
        assertEquals(201, anonymous.post("/api/session", BOB).statusCode(), "AWS's throttling counted as no failure");
    }

    @Test
    void stsAnswersThatSayNothingAre502() throws Exception {
        new ApiClient(anonymous.port()).post("/api/setup", ALICE);
        for (io.stratus.aws.simulator.testing.Fault fault : List.of(io.stratus.aws.simulator.testing.Fault.EMPTY_RESULT,
                io.stratus.aws.simulator.testing.Fault.EMPTY_BODY, io.stratus.aws.simulator.testing.Fault.HTML_PAGE)) {
            simulator.faults().failNext(2, fault, "sts:GetCallerIdentity");
            HttpResponse<String> answer = new ApiClient(anonymous.port()).post("/api/session", BOB);
            ApiClient.assertError(answer, 502, "remote_unreachable");
            assertTrue(answer.body().contains("STS"), fault + ": " + answer.body());
            simulator.faults().clear();
        }
    }

    @Test
    void keysRefusedDuringARefreshAreA401KeysExpiredAndTheSessionWaitsForNewOnes() throws Exception {
        new ApiClient(anonymous.port()).post("/api/setup", ALICE);
        ApiClient twin = signedIn("/api/session", ALICE_TWIN);
        // DynamoDB refuses the keys at once; RDS asks for its second page of DB instances only after that.
        simulator.faults().failNext(1, io.stratus.aws.simulator.testing.Fault.KEYS_REJECTED, "dynamodb:ListTables")
                .latency("rds:DescribeDBInstances", java.time.Duration.ofMillis(500));
        HttpResponse<String> refresh = twin.post("/api/explorer/refresh", Map.of());
        ApiClient.assertError(refresh, 401, "keys_expired");
        JsonNode waiting = ApiClient.json(twin.get("/api/session"));
        assertTrue(waiting.path("keysExpired").asBoolean(), waiting.toString());
        assertEquals("keys-rejected", waiting.path("keysLapse").asText());
        ApiClient.assertError(twin.post("/api/explorer/refresh", Map.of()), 401, "keys_expired");

        assertEquals(200, twin.post("/api/session/renew", ALICE_TWIN).statusCode());
        assertEquals(200, twin.post("/api/explorer/refresh", Map.of()).statusCode());
    }

    @Test
    void signingOutWithAFailingStoreStillEndsTheSessionAndClearsTheCookie() throws Exception {
        new ApiClient(anonymous.port()).post("/api/setup", ALICE);
        ApiClient bob = signedIn("/api/session", BOB);
        String cookie = bob.sessionCookie();
        breakTheStore();
        HttpResponse<String> signOut = bob.send("DELETE", "/api/session", null);
        assertEquals(204, signOut.statusCode(), signOut.body());
        assertTrue(signOut.headers().firstValue("Set-Cookie").orElse("").startsWith(ApiDispatcher.SESSION_COOKIE + "=;"),
                signOut.headers().map().toString());
        ApiClient.assertError(new ApiClient(anonymous.port()).withCookie(cookie).get("/api/session"), 401, "not_signed_in");
    }

    /** As a full disk does: the store's database goes away under the running services, and cannot be opened again. */
    private static void breakTheStore() throws Exception {
        Path store = stratus.dataDirectory().resolve("store");
        try (java.sql.Connection h2 = new org.h2.Driver().connect("jdbc:h2:file:" + store.resolve("config")
                + ";IFEXISTS=TRUE", new java.util.Properties())) {
            h2.createStatement().execute("SHUTDOWN");
        }
        Files.move(store, store.resolveSibling("store-gone"));
    }

    @Test
    void aNewSignInFromABrowserEndsItsPreviousSession() throws Exception {
        new ApiClient(anonymous.port()).post("/api/setup", ALICE);
        ApiClient browser = signedIn("/api/session", BOB);
        String first = browser.sessionCookie();
        assertEquals(201, browser.post("/api/session", ALICE_TWIN).statusCode());
        ApiClient.assertError(new ApiClient(anonymous.port()).withCookie(first).get("/api/session"), 401, "not_signed_in");
        assertEquals(200, browser.get("/api/session").statusCode());
    }

    @Test
    void onlyApplicationJsonIsJson() throws Exception {
        String body = ApiClient.JSON.writeValueAsString(BOB);
        ApiClient.assertError(anonymous.sendRaw("POST", "/api/session", body, "application/jsonp", true), 415,
                "unsupported_media_type");
        ApiClient.assertError(anonymous.sendRaw("POST", "/api/session", body, "application/json-seq", true), 415,
                "unsupported_media_type");
        ApiClient.assertError(anonymous.sendRaw("POST", "/api/session", "{}", "Application/JSON; charset=utf-8", true),
                400, "bad_request");
    }

    @Test
    void jettysOwnRefusalsAreJsonErrorsAndNameNoServer() throws Exception {
        for (String target : List.of("/api/a%2Fb", "/api/%2e%2e/session", "/../etc/passwd")) {
            String answer = rawRequest("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
            assertTrue(head.startsWith("HTTP/1.1 400"), target + ": " + answer);
            assertFalse(head.toLowerCase(java.util.Locale.ROOT).contains("server:"), target + ": " + head);
            assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json"), head);
            JsonNode error = ApiClient.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertEquals("bad_request", error.at("/error/code").asText(), answer);
        }
        assertTrue(anonymous.get("/api/health").headers().firstValue("Server").isEmpty(), "no Server header");
    }

    private String rawRequest(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), anonymous.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void eachPersonSeesOnlyTheirOwnExplorer() throws Exception {
        ApiClient alice = signedIn("/api/setup", ALICE);
        ApiClient bob = signedIn("/api/session", BOB);

        JsonNode alices = ApiClient.json(alice.get("/api/explorer"));
        JsonNode bobs = ApiClient.json(bob.get("/api/explorer"));
        assertEquals("OK", rds(alices).at("/status/outcome").asText());
        assertEquals("orders", rds(alices).at("/resources/0/name").asText());
        assertEquals("ACCESS_DENIED", rds(bobs).at("/status/outcome").asText());
        assertTrue(rds(bobs).at("/status/detail").asText().contains("rds:DescribeDBInstances"));
        assertEquals(0, rds(bobs).get("resources").size());

        JsonNode refreshed = ApiClient.json(alice.post("/api/explorer/refresh", Map.of("service", "REDSHIFT", "region", "eu-west-1")));
        assertEquals("warehouse", firstRegion(refreshed, "REDSHIFT").at("/resources/0/name").asText());
        String orders = rds(alices).at("/resources/0/id").asText();
        JsonNode connection = ApiClient.json(alice.get("/api/explorer/connection?resource=" + java.net.URLEncoder.encode(orders,
                StandardCharsets.UTF_8)));
        assertTrue(connection.get("iamAuthentication").asBoolean());
        ApiClient.assertError(bob.get("/api/explorer/connection?resource=" + java.net.URLEncoder.encode(orders,
                StandardCharsets.UTF_8)), 404, "not_found");
        ApiClient.assertError(anonymous.get("/api/explorer"), 401, "not_signed_in");
    }

    @Test
    void openApiDocumentsEveryRoute() throws Exception {
        JsonNode paths = ApiClient.json(anonymous.get("/api/openapi.json")).get("paths");
        List<Router.Route> routes = stratus.currentService(ApiDispatcher.class).routes();
        assertTrue(routes.size() > 20, "the dispatcher's routes: " + routes.size());
        for (Router.Route route : routes) {
            assertTrue(paths.path(route.template()).has(route.method().toLowerCase(java.util.Locale.ROOT)),
                    route.method() + " " + route.template() + " is documented");
        }
        assertTrue(paths.path("/api/health").has("get"), "health is answered by the listener itself, and documented");
    }

    @Test
    void theCanarySecretIsNowhereAfterTheWholeFlow() throws Exception {
        ApiClient alice = signedIn("/api/setup", ALICE);
        ApiClient canary = new ApiClient(anonymous.port());
        ApiClient.assertError(canary.post("/api/session", keys(CANARY.get("accessKeyId"), CANARY_SECRET + "x")), 401,
                "not_signed_in");
        HttpResponse<String> signedIn = canary.post("/api/session", CANARY);
        assertEquals(201, signedIn.statusCode());
        assertFalse(signedIn.body().contains(CANARY_SECRET));
        canary.get("/api/explorer");
        canary.send("DELETE", "/api/session", null);
        alice.get("/api/audit");
        stratus.stop();

        Map<Path, String> written = WrittenFiles.of(stratus.dataDirectory());
        written.forEach((file, text) -> assertFalse(text.contains(CANARY_SECRET.substring(0, 20)),
                "the canary secret is in " + file));
        assertTrue(written.size() >= 2, "searched " + written.keySet());
        assertTrue(Files.readString(Path.of(System.getProperty("stratus.test.log"))).contains("POST /api/session 201"),
                "the access log is part of what was searched");
    }

    @Test
    void overTlsTheCookieIsSecure(@TempDir Path keys) throws Exception {
        Path keystore = keys.resolve("server.p12");
        char[] password = "keystore-password".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "stratus", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "2",
                "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(password)).redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        HttpApiServer tls = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> stratus.currentService(ApiDispatcher.class), "0",
                Optional.of(new ServerSettings.Tls(keystore, password)));
        int port = tls.start().getPort();
        try {
            KeyStore trusted = KeyStore.getInstance(keystore.toFile(), password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(context).build();
            HttpResponse<String> setup = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/setup"))
                    .header("Content-Type", "application/json").header(ApiDispatcher.ANTI_FORGERY_HEADER, "1")
                    .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(ALICE))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, setup.statusCode(), setup.body());
            String cookie = setup.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly"), cookie);
            assertTrue(tls.secure());
        } finally {
            tls.stop();
        }
    }

    /** A new browser, signed in through setup or sign-in. */
    private ApiClient signedIn(String path, Map<String, String> keys) throws Exception {
        ApiClient client = new ApiClient(anonymous.port());
        assertEquals(201, client.post(path, keys).statusCode(), path);
        return client;
    }

    private static JsonNode rds(JsonNode tree) {
        return firstRegion(tree, "RDS");
    }

    /** The first region of the service with that id, wherever the service sits among the others. */
    private static JsonNode firstRegion(JsonNode tree, String service) {
        for (JsonNode node : tree.get("services")) {
            if (node.get("service").asText().equals(service)) {
                return node.at("/regions/0");
            }
        }
        throw new AssertionError("no service " + service + " in " + tree);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static Map<String, String> keys(String id, String secret) {
        return Map.of("accessKeyId", id, "secretAccessKey", secret);
    }

    @Test
    void awsOutOfReachIs502AndServicesNotUpAre503() throws Exception {
        new ApiClient(anonymous.port()).post("/api/setup", ALICE);
        int nothingListens;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            nothingListens = probe.getLocalPort();
        }
        stratus.useAws(URI.create("http://127.0.0.1:" + nothingListens), Map.of("maxAttempts", 1));
        try {
            ApiClient.assertError(new ApiClient(anonymous.port()).post("/api/session", BOB), 502, "remote_unreachable");
        } finally {
            stratus.useAws(simulator, Map.of("maxAttempts", 2));
        }

        HttpApiServer starting = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> null, "0", Optional.empty());
        ApiClient early = new ApiClient(starting.start().getPort());
        try {
            ApiClient.assertError(early.get("/api/instance"), 503, "unavailable");
            JsonNode health = ApiClient.json(early.get("/api/health"));
            assertEquals("ok", health.get("status").asText());
            assertFalse(health.get("ready").asBoolean(), "listening, but the services are not up yet");
        } finally {
            starting.stop();
        }
    }

    @Test
    void aPortInUseFailsToStart() {
        HttpApiServer second = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), anonymous.port()),
                () -> null, "0", Optional.empty());
        assertThrows(IOException.class, second::start);
    }
}
