package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.testing.StratusServices;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server under a crowd that holds on: connections that send a request body one byte now and
 * then, and sign-ins that wait on a slow STS. Health and signed-in people must still be answered at
 * once. Clients come from loopback addresses of their own (127.0.0.x), as from other machines.
 */
class SlowClientsTest {

    private static final String ACCOUNT = "123456789012";
    private static final Map<String, String> ALICE = HttpApiTest.keys("AKIAALICE00000000001",
            "alice+secret+0000000000000000000000000001");
    private static final int SLOW_BODIES = 240;
    private static final int SLOW_BODY_ADDRESSES = 8;
    private static final int SLOW_SIGN_INS = 200;
    private static final int SIGN_IN_ADDRESSES = 20;
    private static final long BODY_TIMEOUT_SECONDS = 6;
    /** What "at once" means here, on a shared two-core machine. */
    private static final Duration FAST = Duration.ofSeconds(2);

    private static TestAwsSimulator simulator;
    private static StratusServices stratus;

    @BeforeAll
    static void start() throws Exception {
        simulator = TestAwsSimulator.start(Seed.builder().account(ACCOUNT, account -> account
                .user("alice", u -> u.accessKey(ALICE.get("accessKeyId"), ALICE.get("secretAccessKey")))).build());
        stratus = new StratusServices();
        stratus.useAws(simulator, Map.of("maxAttempts", 1, "callTimeoutMillis", 30_000L));
        stratus.configure(ApiDispatcher.PID, new Hashtable<>(Map.of("bodyTimeoutSeconds", BODY_TIMEOUT_SECONDS)));
        stratus.freshInstance("slow");
    }

    @AfterAll
    static void stop() throws IOException {
        simulator.close();
        stratus.stop();
    }

    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    private final List<Socket> slow = new ArrayList<>();
    private final List<HttpClient> signInClients = new ArrayList<>();
    private HttpApiServer server;

    /** Here, so that a failure of the test is reported rather than one of stopping a server that is stuck. */
    @AfterEach
    void letGo() throws Exception {
        trickle.shutdownNow();
        slow.forEach(SlowClientsTest::close);
        signInClients.forEach(HttpClient::shutdownNow);
        simulator.faults().clear();
        try {
            server.stop();
        } catch (TimeoutException e) {
            // the sign-ins still waiting on the slow STS: stopping lets requests finish for a bounded time only
        }
    }

    @Test
    void slowBodiesAndASlowStsLeaveHealthAndSignedInPeopleAnswered() throws Exception {
        stratus.awaitServiceProperty(ApiDispatcher.class, "bodyTimeoutSeconds", BODY_TIMEOUT_SECONDS);
        server = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> stratus.currentService(ApiDispatcher.class), "0", Optional.empty());
        int port = server.start().getPort();
        ApiClient alice = new ApiClient(port);
        assertEquals(201, alice.post("/api/setup", ALICE).statusCode());

        for (int i = 0; i < SLOW_BODIES; i++) {
            slow.add(slowBody(port, ApiClient.loopback(2 + i % SLOW_BODY_ADDRESSES)));
        }
        trickle.scheduleAtFixedRate(() -> slow.forEach(SlowClientsTest::oneMoreByte), 1, 1, TimeUnit.SECONDS);

        simulator.faults().latency("sts:*", Duration.ofSeconds(20));
        List<CompletableFuture<HttpResponse<String>>> signIns = new ArrayList<>();
        for (int a = 0; a < SIGN_IN_ADDRESSES; a++) {
            HttpClient client = HttpClient.newBuilder().localAddress(ApiClient.loopback(100 + a)).build();
            signInClients.add(client);
            for (int i = 0; i < SLOW_SIGN_INS / SIGN_IN_ADDRESSES; i++) {
                signIns.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/session"))
                        .header("Content-Type", "application/json").header(ApiDispatcher.ANTI_FORGERY_HEADER, "1")
                        .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(ALICE))).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
        }
        Thread.sleep(2_000); // every slow body and sign-in is in by now

        for (int round = 0; round < 3; round++) {
            long began = System.nanoTime();
            HttpResponse<String> health = alice.get("/api/health");
            HttpResponse<String> me = alice.get("/api/session");
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            assertEquals(200, health.statusCode(), health.body());
            assertEquals(200, me.statusCode(), me.body());
            assertTrue(took.compareTo(FAST) < 0, "health and a signed-in request took " + took.toMillis() + " ms");
            Thread.sleep(500);
        }
        assertTrue(signIns.stream().noneMatch(CompletableFuture::isDone)
                || signIns.stream().filter(CompletableFuture::isDone).allMatch(f -> f.join().statusCode() == 503),
                "the sign-ins wait on STS, or are told to come back");

        // One address holds at most MAX_CONNECTIONS_PER_ADDRESS connections; the next one is closed at once.
        List<Socket> crowd = new ArrayList<>();
        try {
            for (int i = 0; i < HttpApiServer.MAX_CONNECTIONS_PER_ADDRESS; i++) {
                crowd.add(connect(port, ApiClient.loopback(50)));
            }
            Thread.sleep(500);
            try (Socket extra = connect(port, ApiClient.loopback(50))) {
                extra.setSoTimeout(5_000);
                assertEquals(-1, extra.getInputStream().read(), "a connection over the address's limit is closed");
            }
        } finally {
            crowd.forEach(SlowClientsTest::close);
        }

        // A body that has not arrived by the body timeout is refused, and its connection closed.
        Socket first = slow.get(0);
        first.setSoTimeout((int) Duration.ofSeconds(BODY_TIMEOUT_SECONDS + 10).toMillis());
        String answer = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
        assertTrue(answer.contains("\"request_timeout\""), answer);
    }

    /** A sign-in whose headers promise 60,000 bytes of body, of which it has sent one. */
    private static Socket slowBody(int port, InetAddress from) throws IOException {
        Socket socket = connect(port, from);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + ApiDispatcher.ANTI_FORGERY_HEADER + ": 1\r\nContent-Length: 60000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static Socket connect(int port, InetAddress from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
        return socket;
    }

    private static void oneMoreByte(Socket socket) {
        try {
            socket.getOutputStream().write(' ');
            socket.getOutputStream().flush();
        } catch (IOException e) {
            // closed by the server: what it does to bodies that take too long
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // going anyway
        }
    }
}
