package io.stratus.release.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratus.release.tests.ServerProcesses.Server;
import io.stratus.testing.PostgresServer;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server products on one PostgreSQL store, behind HAProxy with the repository's sample
 * configuration, driven through HAProxy by several people, each from a machine of their own: setup
 * raced through both nodes, affinity, a grant on one node reaching a person on the other, the
 * throttle counted once across nodes, a node drained by SIGTERM, and a node killed with kill -9
 * whose people are signed out cleanly onto the other.
 */
class SeveralNodesTest {

    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final String SIGNED_OUT = "You were signed out";

    @RegisterExtension
    final ProductLauncher launcher = new ProductLauncher();

    @TempDir
    Path temp;

    private ServerProcesses servers;
    private final Map<String, Server> nodes = new java.util.HashMap<>();

    @Test
    @Timeout(600)
    void twoNodesBehindHaproxyServeSeveralPeopleAsOne() throws Exception {
        servers = new ServerProcesses(launcher, temp);
        EclipseInstallation installation = servers.freshCopy(); // one installation, two nodes
        try (PostgresServer postgres = PostgresServer.start(); DemoAws aws = DemoAws.start(installation, temp)) {
            Map<String, String> environment = Map.of("STRATUS_STORE_PASSWORD", postgres.password());
            String[] flags = {"--store-url", postgres.jdbcUrl(postgres.createDatabase()), "--store-user", postgres.user(),
                    "--aws-endpoint", aws.endpoint().toString(), "--aws-region", DemoAws.REGION, "--regions",
                    DemoAws.REGIONS, "--trusted-proxies", "127.0.0.1", "--drain-seconds", "3"};
            nodes.put("node1", servers.startIn(installation, temp.resolve("node1"), environment, flags));
            nodes.put("node2", servers.startIn(installation, temp.resolve("node2"), environment, flags));
            for (Server node : nodes.values()) {
                servers.awaitReady(node, GENEROUS);
            }
            try (Haproxy haproxy = Haproxy.start(temp, nodes.get("node1").port(), nodes.get("node2").port())) {
                int lb = haproxy.port();

                // Setup raced from two browsers that the balancer put on different nodes: one Administrator.
                Browser first = new Browser(lb, 11);
                Browser second = new Browser(lb, 12);
                first.get("/api/instance");
                second.get("/api/instance");
                assertNotEquals(first.node(), second.node(), "round robin put the two browsers on both nodes");
                CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(() -> post(first, "/api/setup",
                        Browser.keys(aws.keyOf("ada"))));
                CompletableFuture<HttpResponse<String>> other = CompletableFuture.supplyAsync(() -> post(second,
                        "/api/setup", Browser.keys(aws.keyOf("ada"))));
                List<Integer> statuses = new ArrayList<>(List.of(one.get().statusCode(), other.get().statusCode()));
                statuses.sort(null);
                assertEquals(List.of(201, 409), statuses, one.get().body() + " / " + other.get().body());
                Browser ada = one.get().statusCode() == 201 ? first : second;

                // Affinity: the session lives on one node, and every request of the person reaches it.
                String adasNode = ada.node();
                for (int i = 0; i < 20; i++) {
                    assertEquals(200, ada.get("/api/session").statusCode(), "request " + i + " reached ada's node");
                }
                assertEquals(adasNode, ada.node());

                // A grant made on ada's node reaches ben's live session on the other node at once.
                Browser ben = signInOnAnotherNode(lb, 21, Browser.keys(aws.keyOf("ben")), adasNode);
                assertEquals("[\"user\"]", Browser.json(ben.get("/api/session")).get("roles").toString());
                assertEquals(200, ada.put("/api/users/" + user(ada, "ben").get("id").asText() + "/roles",
                        Map.of("roles", List.of("viewer"))).statusCode());
                await("ben's session on the other node has the role at once", Duration.ofSeconds(2),
                        () -> roles(ben).equals("[\"viewer\"]"));

                // Wrong keys from one machine, spread over both nodes, meet one limit (10), not one per node.
                Map<String, String> wrong = Map.of("accessKeyId", aws.keyOf("ben").accessKeyId(),
                        "secretAccessKey", "wrong+wrong+wrong+wrong+wrong+wrong+wrong+0");
                Set<String> guessedOn = new HashSet<>();
                for (int i = 0; i < 10; i++) {
                    Browser guesser = new Browser(lb, 66); // no cookie: the balancer takes turns
                    assertEquals(401, post(guesser, "/api/session", wrong).statusCode(), "guess " + i);
                    guessedOn.add(guesser.node());
                }
                assertEquals(Set.of("node1", "node2"), guessedOn, "the guesses reached both nodes");
                for (int i = 0; i < 2; i++) {
                    Browser guesser = new Browser(lb, 66);
                    HttpResponse<String> throttled = post(guesser, "/api/session", wrong);
                    assertEquals(429, throttled.statusCode(), "on " + guesser.node() + ": " + throttled.body());
                }
                assertEquals(201, post(new Browser(lb, 67), "/api/session", Browser.keys(aws.keyOf("cleo")))
                        .statusCode(), "someone on another machine is not throttled");

                // SIGTERM drains ben's node: not ready at once, still answering ben, then it exits 0.
                String bensNode = ben.node();
                Server draining = nodes.get(bensNode);
                draining.process().terminate();
                await("the draining node says it is not ready", Duration.ofSeconds(5),
                        () -> status(servers, draining.port(), "/api/health/ready") == 503);
                assertEquals(200, servers.get(draining.port(), "/api/session", "stratus_session="
                        + ben.cookie("stratus_session")).statusCode(), "people still there are answered meanwhile");
                assertEquals(503, servers.post(draining.port(), "/api/session", "{}", null).statusCode(),
                        "no new sign-ins meanwhile");
                assertEquals(0, draining.process().awaitExit(GENEROUS), "exit status after the drain");
                HttpResponse<String> afterDrain = ben.get("/api/session");
                assertEquals(401, afterDrain.statusCode(), afterDrain.body());
                assertTrue(Browser.json(afterDrain).at("/error/message").asText().startsWith(SIGNED_OUT), afterDrain.body());
                assertTrue(Browser.json(ada.get("/api/audit?limit=200")).toString().contains("\"shut-down\""),
                        "the drained node ended ben's session in the audit trail");

                // The node comes back where the balancer expects it, and takes people again.
                nodes.put(bensNode, servers.startOn(draining.port(), installation, temp.resolve(bensNode), environment,
                        flags));
                servers.awaitReady(nodes.get(bensNode), GENEROUS);
                await("the balancer sends people to the node again", Duration.ofSeconds(20),
                        () -> nodeOfAFreshBrowser(lb).equals(bensNode));
                Browser benAgain = signInOnAnotherNode(lb, 31, Browser.keys(aws.keyOf("ben")), adasNode);
                assertEquals(bensNode, benAgain.node());

                // kill -9 ada's node: her next request is answered by the other node, "signed out", as JSON.
                nodes.get(adasNode).process().kill();
                HttpResponse<String> afterKill = ada.get("/api/session");
                assertEquals(401, afterKill.statusCode(), afterKill.body());
                assertTrue(afterKill.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
                assertTrue(Browser.json(afterKill).at("/error/message").asText().startsWith(SIGNED_OUT), afterKill.body());
                assertEquals(201, post(ada, "/api/session", Browser.keys(aws.keyOf("ada"))).statusCode(),
                        "she signs in again");
                assertEquals(bensNode, ada.node(), "on the node that runs");
                assertEquals("[\"viewer\"]", rolesOf(ada, "ben"), "nothing in the store was lost");
            }
        }
    }

    /** Signs in through the balancer from fresh browsers until one lands on another node than {@code node}. */
    private static Browser signInOnAnotherNode(int lb, int machine, Map<String, String> keys, String node)
            throws Exception {
        for (int attempt = 0; attempt < 6; attempt++) {
            Browser browser = new Browser(lb, machine);
            HttpResponse<String> signedIn = post(browser, "/api/session", keys);
            assertEquals(201, signedIn.statusCode(), signedIn.body());
            if (!browser.node().equals(node)) {
                return browser;
            }
        }
        throw new AssertionError("the balancer kept sending new browsers to " + node);
    }

    /** A user as an Administrator's browser lists them. */
    private static JsonNode user(Browser administrator, String name) throws Exception {
        for (JsonNode user : Browser.json(administrator.get("/api/users")).get("users")) {
            if (user.get("displayName").asText().equals(name)) {
                return user;
            }
        }
        throw new AssertionError("no user " + name);
    }

    private static String rolesOf(Browser administrator, String name) throws Exception {
        return user(administrator, name).get("roles").toString();
    }

    /** Where the balancer puts a browser that has no node yet. */
    private static String nodeOfAFreshBrowser(int lb) {
        try {
            Browser browser = new Browser(lb, 99);
            browser.get("/api/instance");
            return String.valueOf(browser.node());
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static HttpResponse<String> post(Browser browser, String path, Object body) {
        try {
            return browser.post(path, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String roles(Browser browser) {
        try {
            return Browser.json(browser.get("/api/session")).get("roles").toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static int status(ServerProcesses servers, int port, String path) {
        try {
            return servers.get(port, path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + timeout + ": " + what);
            }
            Thread.sleep(20);
        }
    }
}
