package io.stratus.server.internal;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.testing.StratusServices;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * The server under load, over real HTTP: 500 people sign in at once while STS answers after 50 ms
 * (errors, session mix-ups, p50 and p99; after one such round as warm-up), then the heap that
 * 10,000 idle sessions hold. Clients, server and simulator share this JVM and its two cores. Prints its
 * figures and asserts nothing: run it with {@code ./mvnw verify -DskipTests -Dbenchmarks}.
 */
class ServerLoadBenchmark {

    private static final String ACCOUNT = "123456789012";
    private static final int PEOPLE = 500;
    private static final Duration STS_LATENCY = Duration.ofMillis(50);
    private static final int IDLE_SESSIONS = 10_000;

    @Test
    void concurrentSignInsAndIdleSessionMemory() throws Exception {
        try (TestAwsSimulator simulator = TestAwsSimulator.start(seed())) {
            StratusServices stratus = new StratusServices();
            stratus.useAws(simulator, Map.of("maxAttempts", 3));
            stratus.freshInstance("load");
            stratus.service(ApiDispatcher.class);
            HttpApiServer server = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    () -> stratus.currentService(ApiDispatcher.class), "0", Optional.empty());
            int port = server.start().getPort();
            try {
                new ApiClient(port).post("/api/setup", keys(0));
                simulator.faults().latency("sts:*", STS_LATENCY);
                concurrentSignIns(port, false); // warm-up: a server that has run a while has its code compiled
                concurrentSignIns(port, true);
                simulator.faults().clear();
                idleSessionMemory(port);
            } finally {
                server.stop();
                stratus.stop();
            }
        }
    }

    private static void concurrentSignIns(int port, boolean report) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> attempts = new ArrayList<>();
        for (int i = 1; i <= PEOPLE; i++) {
            int person = i;
            attempts.add(pool.submit(() -> {
                // Ten people per address, as from offices of their own: the server limits what one address may hold.
                ApiClient client = new ApiClient(port, ApiClient.loopback(1 + person / 10));
                start.await();
                long began = System.nanoTime();
                HttpResponse<String> signIn = client.post("/api/session", keys(person));
                long nanos = System.nanoTime() - began;
                if (signIn.statusCode() != 201) {
                    throw new IllegalStateException("sign-in " + person + ": " + signIn.statusCode() + " " + signIn.body());
                }
                JsonNode me = ApiClient.json(client.get("/api/session"));
                if (!me.get("arn").asText().endsWith(":user/person-" + person)) {
                    throw new IllegalStateException("person " + person + " got the session of " + me.get("arn"));
                }
                return nanos;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        long[] nanos = new long[PEOPLE];
        int errors = 0;
        for (int i = 0; i < PEOPLE; i++) {
            try {
                nanos[i] = attempts.get(i).get();
            } catch (java.util.concurrent.ExecutionException e) {
                errors++;
                System.out.println("[benchmark]   " + e.getCause().getMessage());
            }
        }
        long wall = System.nanoTime() - began;
        pool.shutdown();
        if (!report) {
            return;
        }
        Arrays.sort(nanos);
        System.out.printf("%n[benchmark] %d concurrent sign-ins over HTTP, STS latency %d ms (simulator): %d errors or mix-ups"
                + " (target 0), p50 %.1f ms, p99 %.1f ms, wall %d ms%n", PEOPLE, STS_LATENCY.toMillis(), errors,
                nanos[PEOPLE / 2] / 1e6, nanos[PEOPLE * 99 / 100] / 1e6, wall / 1_000_000);
    }

    /**
     * The heap that signing the sessions out again frees: measured this way round, what the sign-ins before
     * still hold and let go meanwhile (their idle HTTP connections, closed after the client's keep-alive time,
     * some 70 KB each on both sides) cannot count for or against the sessions.
     */
    private static void idleSessionMemory(int port) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Fewer at once than the sign-in throttle lets one address have in flight (it counts them towards 10 failures).
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ApiClient>> opened = new ArrayList<>();
        for (int i = 0; i < IDLE_SESSIONS; i++) {
            int person = 1 + i % PEOPLE;
            opened.add(pool.submit(() -> {
                ApiClient client = new ApiClient(port);
                HttpResponse<String> signIn = client.post("/api/session", keys(person));
                if (signIn.statusCode() != 201) {
                    throw new IllegalStateException("sign-in failed: " + signIn.statusCode() + " " + signIn.body());
                }
                return client;
            }));
        }
        List<ApiClient> sessions = new ArrayList<>(IDLE_SESSIONS);
        for (Future<ApiClient> session : opened) {
            sessions.add(session.get());
        }
        long held = usedHeapAfterGc(memory);
        List<Future<?>> signedOut = new ArrayList<>();
        for (ApiClient session : sessions) {
            signedOut.add(pool.submit(() -> {
                HttpResponse<String> signOut = session.send("DELETE", "/api/session", null);
                if (signOut.statusCode() != 204) {
                    throw new IllegalStateException("sign-out failed: " + signOut.statusCode() + " " + signOut.body());
                }
                return null;
            }));
        }
        for (Future<?> signOut : signedOut) {
            signOut.get();
        }
        pool.shutdown();
        long freed = held - usedHeapAfterGc(memory);
        System.out.printf("[benchmark] %d idle sessions hold %.1f KB of heap each (target at most 20 KB): %d KB in all,"
                + " freed when they sign out%n", sessions.size(), freed / 1024.0 / sessions.size(), freed / 1024);
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static Map<String, String> keys(int person) {
        return HttpApiTest.keys("AKIAPERSON%012d".formatted(person), "secret+of+person+%024d".formatted(person));
    }

    private static Seed seed() {
        return Seed.builder().account(ACCOUNT, account -> {
            for (int i = 0; i <= PEOPLE; i++) {
                Map<String, String> keys = keys(i);
                account.user("person-" + i, u -> u.accessKey(keys.get("accessKeyId"), keys.get("secretAccessKey")));
            }
        }).build();
    }
}
