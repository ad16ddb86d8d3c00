package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.testing.StratusServices;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/**
 * A node as a load balancer sees it: the client addresses its proxies name (believed only from
 * trusted proxies), liveness and readiness, and the drain that SIGTERM begins.
 */
class NodeBehindBalancerTest {

    private static final int MAX_FAILURES = 3;
    /** The balancer: 127.0.0.1, trusted; 127.0.0.2 is a client that talks to the node directly. */
    private static final String PROXIES = "127.0.0.1, 10.0.0.0/8";
    private static final Map<String, String> WRONG = HttpApiTest.keys(HttpApiTest.BOB.get("accessKeyId"),
            "wrong+secret+000000000000000000000000");
    private static final Seed SEED = Seed.builder()
            .account(HttpApiTest.ACCOUNT, account -> account
                    .user("alice", u -> u.accessKey(HttpApiTest.ALICE.get("accessKeyId"),
                            HttpApiTest.ALICE.get("secretAccessKey")))
                    .user("bob", u -> u.accessKey(HttpApiTest.BOB.get("accessKeyId"),
                            HttpApiTest.BOB.get("secretAccessKey"))))
            .build();

    private static TestAwsSimulator simulator;
    private static StratusServices stratus;
    private HttpApiServer server;
    private int port;

    @BeforeAll
    static void start() {
        simulator = TestAwsSimulator.start(SEED);
        stratus = new StratusServices();
        stratus.useAws(simulator, Map.of("maxAttempts", 1));
        stratus.configure(ApiDispatcher.PID, new Hashtable<>(Map.of("signInMaxFailures", MAX_FAILURES,
                "signInWindowSeconds", 60L)));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void freshInstanceBehindAListener() throws Exception {
        stratus.freshInstance("balanced");
        stratus.service(ApiDispatcher.class);
        server = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> stratus.currentService(ApiDispatcher.class),
                FrameworkUtil.getBundle(ApiDispatcher.class).getVersion().toString(), Optional.empty(),
                TrustedProxies.parse(PROXIES), MetricsAccess.LOOPBACK_ONLY);
        port = server.start().getPort();
        assertEquals(201, new ApiClient(port).post("/api/setup", HttpApiTest.ALICE).statusCode());
    }

    @AfterEach
    void stopListener() throws Exception {
        server.stop();
    }

    private ApiClient viaBalancer(String forwardedFor) {
        return new ApiClient(port).withHeader("X-Forwarded-For", forwardedFor);
    }

    @Test
    void clientsBehindTheBalancerAreThrottledEachOnTheirOwn() throws Exception {
        for (int i = 0; i < MAX_FAILURES; i++) {
            ApiClient.assertError(viaBalancer("203.0.113.7").post("/api/session", WRONG), 401, "not_signed_in");
        }
        ApiClient.assertError(viaBalancer("203.0.113.7").post("/api/session", WRONG), 429, "too_many_requests");
        ApiClient.assertError(viaBalancer("203.0.113.8").post("/api/session", WRONG), 401, "not_signed_in");
        assertEquals(201, viaBalancer("203.0.113.9").post("/api/session", HttpApiTest.BOB).statusCode(),
                "one client's mistakes do not throttle everyone behind the balancer");
    }

    @Test
    void theChainIsWalkedFromTheRightToTheFirstUntrustedHop() throws Exception {
        for (int i = 0; i < MAX_FAILURES; i++) {
            // each time the client claims another origin on the left: only the hop the balancer saw counts
            ApiClient.assertError(viaBalancer("198.51.100." + i + ", 203.0.113.7, 10.1.2.3").post("/api/session", WRONG),
                    401, "not_signed_in");
        }
        ApiClient.assertError(viaBalancer("203.0.113.7").post("/api/session", WRONG), 429, "too_many_requests");
        ApiClient forwarded = new ApiClient(port).withHeader("Forwarded", "for=\"[2001:db8::17]:4711\";proto=http");
        ApiClient.assertError(forwarded.post("/api/session", WRONG), 401, "not_signed_in");
    }

    @Test
    void headersFromAnUntrustedPeerAreIgnored() throws Exception {
        for (int i = 0; i < MAX_FAILURES; i++) {
            ApiClient direct = new ApiClient(port, ApiClient.loopback(2)).withHeader("X-Forwarded-For", "192.0.2." + i);
            ApiClient.assertError(direct.post("/api/session", WRONG), 401, "not_signed_in");
        }
        ApiClient.assertError(new ApiClient(port, ApiClient.loopback(2)).withHeader("X-Forwarded-For", "192.0.2.99")
                .post("/api/session", WRONG), 429, "too_many_requests");
    }

    @Test
    void aCookieOfASessionThisNodeDoesNotHoldIsSignedOut() throws Exception {
        // as when the node that held the session stopped and the balancer sent its person here
        HttpResponse<String> elsewhere = new ApiClient(port).withCookie("a-session-of-another-node").get("/api/session");
        ApiClient.assertError(elsewhere, 401, "not_signed_in");
        assertTrue(ApiClient.json(elsewhere).at("/error/message").asText().startsWith("You were signed out"),
                elsewhere.body());
        assertTrue(ApiClient.json(new ApiClient(port).get("/api/session")).at("/error/message").asText()
                .startsWith("You are not signed in"));
    }

    @Test
    void livenessAndReadinessAnswerBalancers() throws Exception {
        ApiClient balancer = new ApiClient(port);
        assertEquals(200, balancer.get("/api/health/live").statusCode());
        HttpResponse<String> ready = balancer.get("/api/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ApiClient.json(ready).get("ready").asBoolean());
        ApiClient.assertError(balancer.post("/api/health/ready", Map.of()), 405, "method_not_allowed");
    }

    @Test
    void aDrainRefusesNewSignInsButAnswersThePeopleStillThere() throws Exception {
        ApiClient alice = new ApiClient(port);
        assertEquals(201, alice.post("/api/session", HttpApiTest.ALICE).statusCode());
        CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> {
            try {
                server.drain(Duration.ofSeconds(2), Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        StratusServices.awaitTrue("readiness turns 503", () -> status(new ApiClient(port), "/api/health/ready") == 503);

        HttpResponse<String> ready = new ApiClient(port).get("/api/health/ready");
        ApiClient.assertError(ready, 503, "unavailable");
        assertTrue(ApiClient.json(ready).at("/error/message").asText().contains("stopping"), ready.body());
        assertTrue(ready.headers().firstValue("Retry-After").isPresent());
        HttpResponse<String> signIn = new ApiClient(port).post("/api/session", HttpApiTest.BOB);
        ApiClient.assertError(signIn, 503, "unavailable");
        assertTrue(ApiClient.json(signIn).at("/error/message").asText().contains("Sign in again"), signIn.body());
        assertEquals(200, alice.get("/api/session").statusCode(), "the people still there are answered");
        assertEquals(200, new ApiClient(port).get("/api/health/live").statusCode());
        JsonNode health = ApiClient.json(new ApiClient(port).get("/api/health"));
        assertFalse(health.get("ready").asBoolean());
        assertTrue(health.get("draining").asBoolean());
        drained.get();
    }

    @Test
    void metricsAreForThisMachineOrTheOperatorsToken() throws Exception {
        String before = new ApiClient(port).get("/metrics").body();
        ApiClient bob = new ApiClient(port);
        assertEquals(201, bob.post("/api/session", HttpApiTest.BOB).statusCode());
        ApiClient.assertError(new ApiClient(port).post("/api/session", WRONG), 401, "not_signed_in");
        // An answer is counted once its last byte went out, which may be just after the client read it.
        String refused = "stratus_sign_ins_total{outcome=\"refused\"}";
        StratusServices.awaitTrue("the refused sign-in counted", () -> value(scrape(), refused) == value(before, refused) + 1);
        HttpResponse<String> scraped = new ApiClient(port).get("/metrics");
        assertEquals(200, scraped.statusCode(), scraped.body());
        assertTrue(scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String metrics = scraped.body();
        assertEquals(value(before, "stratus_sessions") + 1, value(metrics, "stratus_sessions"), metrics);
        assertEquals(value(before, "stratus_sign_ins_total{outcome=\"refused\"}") + 1,
                value(metrics, "stratus_sign_ins_total{outcome=\"refused\"}"), metrics);
        assertEquals(value(before, "stratus_sign_ins_total{outcome=\"success\"}") + 1,
                value(metrics, "stratus_sign_ins_total{outcome=\"success\"}"), metrics);
        assertTrue(value(metrics, "stratus_aws_call_seconds_count{service=\"sts\"}")
                >= value(before, "stratus_aws_call_seconds_count{service=\"sts\"}") + 2, metrics);
        assertEquals(1, value(metrics, "stratus_store_up"), metrics);
        assertTrue(value(metrics, "stratus_store_round_trip_seconds_count") >= 1, metrics);
        assertFalse(metrics.contains("AKIA") || metrics.contains("arn:"), "no key id or identity in the metrics");
        assertEquals(204, bob.send("DELETE", "/api/session", null).statusCode());
        assertEquals(value(before, "stratus_sessions"), value(new ApiClient(port).get("/metrics").body(),
                "stratus_sessions"), "bob signed out");

        ApiClient.assertError(viaBalancer("203.0.113.7").get("/metrics"), 403, "forbidden");
        ApiClient.assertError(new ApiClient(port, ApiClient.loopback(2)).post("/metrics", Map.of()), 405,
                "method_not_allowed");

        HttpApiServer withToken = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> stratus.currentService(ApiDispatcher.class), "test", Optional.empty(), TrustedProxies.NONE,
                MetricsAccess.withToken("operators-token"));
        int tokenPort = withToken.start().getPort();
        try {
            HttpResponse<String> without = new ApiClient(tokenPort).get("/metrics");
            ApiClient.assertError(without, 401, "not_signed_in");
            assertEquals("Bearer", without.headers().firstValue("WWW-Authenticate").orElse(""));
            ApiClient.assertError(new ApiClient(tokenPort).withHeader("Authorization", "Bearer guess").get("/metrics"),
                    401, "not_signed_in");
            assertEquals(200, new ApiClient(tokenPort, ApiClient.loopback(2))
                    .withHeader("Authorization", "Bearer operators-token").get("/metrics").statusCode());
        } finally {
            withToken.stop();
        }
    }

    /** The value of one sample in Prometheus's text format; 0 for a counter not counted yet. */
    private String scrape() {
        try {
            return new ApiClient(port).get("/metrics").body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("/metrics did not answer", e);
        }
    }

    private static long value(String metrics, String sample) {
        return metrics.lines().filter(line -> line.startsWith(sample + " ")).findFirst()
                .map(line -> Long.parseLong(line.substring(sample.length() + 1).strip())).orElse(0L);
    }

    private static int status(ApiClient client, String path) {
        try {
            return client.get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
