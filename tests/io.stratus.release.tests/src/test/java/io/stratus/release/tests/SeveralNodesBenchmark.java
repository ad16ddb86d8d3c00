package io.stratus.release.tests;

import io.stratus.release.tests.ServerProcesses.Server;
import io.stratus.testing.PostgresServer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-ins through HAProxy (the repository's sample configuration) with one server node and with
 * two, on one PostgreSQL store, STS answering 50 ms late (the AWS simulator's {@code --latency}), so
 * that the figure measures Stratus rather than the simulator. {@value #PEOPLE} people, each from a
 * machine of its own among {@value #MACHINES}, sign in and out as fast as they are answered: after
 * {@value #WARM_UP_SECONDS} s of warm-up, {@value #MEASURED_SECONDS} s are measured. Prints sign-ins
 * per second, their p50 and p99, failures, and the store's transactions per sign-in (with its
 * sign-out; from PostgreSQL's own statistics, the nodes' readiness checks included). Run it with
 * {@code ./mvnw verify -DskipTests -Dbenchmarks -Dtest=SeveralNodesBenchmark}.
 */
class SeveralNodesBenchmark {

    private static final int PEOPLE = 48;
    private static final int MACHINES = 24;
    private static final int WARM_UP_SECONDS = 5;
    private static final int MEASURED_SECONDS = 20;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Counted as this status: the connection ended without an answer. */
    private static final int NO_ANSWER = 0;

    @RegisterExtension
    final ProductLauncher launcher = new ProductLauncher();

    @TempDir
    Path temp;

    @Test
    void signInsThroughHaproxyWithOneNodeAndWithTwo() throws Exception {
        ServerProcesses servers = new ServerProcesses(launcher, temp);
        EclipseInstallation installation = servers.freshCopy();
        try (PostgresServer postgres = PostgresServer.start();
                DemoAws aws = DemoAws.start(installation, temp, "--latency", "sts=50")) {
            String database = postgres.createDatabase();
            Map<String, String> environment = Map.of("STRATUS_STORE_PASSWORD", postgres.password());
            String[] flags = {"--store-url", postgres.jdbcUrl(database), "--store-user", postgres.user(),
                    "--aws-endpoint", aws.endpoint().toString(), "--aws-region", DemoAws.REGION, "--regions",
                    DemoAws.REGIONS, "--trusted-proxies", "127.0.0.1"};
            Server node1 = servers.startIn(installation, temp.resolve("node1"), environment, flags);
            Server node2 = servers.startIn(installation, temp.resolve("node2"), environment, flags);
            servers.awaitReady(node1, PATIENCE);
            servers.awaitReady(node2, PATIENCE);
            new Browser(node1.port(), 1).post("/api/setup", Browser.keys(aws.keyOf("ada")));
            List<Map<String, String>> keys = List.of(Browser.keys(aws.keyOf("ada")), Browser.keys(aws.keyOf("ben")),
                    Browser.keys(aws.keyOf("cleo")));
            for (int nodes : List.of(1, 2)) {
                Path work = Files.createDirectories(temp.resolve("haproxy-" + nodes));
                try (Haproxy haproxy = Haproxy.start(work, node1.port(), nodes == 1 ? node1.port() : node2.port())) {
                    run(nodes, haproxy.port(), keys, postgres, database);
                }
            }
        }
    }

    private static void run(int nodes, int lb, List<Map<String, String>> keys, PostgresServer postgres,
            String database) throws Exception {
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> failures = new java.util.concurrent.ConcurrentSkipListMap<>();
        long warmUpEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
        long ends = warmUpEnds + TimeUnit.SECONDS.toNanos(MEASURED_SECONDS);
        long[] transactions = new long[2];
        AtomicLong measuredFrom = new AtomicLong(Long.MAX_VALUE); // once the store's count is taken
        ExecutorService people = Executors.newFixedThreadPool(PEOPLE);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            Browser browser = new Browser(lb, 100 + i % MACHINES);
            Map<String, String> key = keys.get(i % keys.size());
            running.add(people.submit(() -> {
                while (System.nanoTime() < ends) {
                    long started = System.nanoTime();
                    HttpResponse<String> signedIn;
                    try {
                        signedIn = browser.post("/api/session", key);
                    } catch (IOException noAnswer) {
                        // A failure like any other, to be counted: the run goes on (status 0 in the figures).
                        failures.computeIfAbsent(NO_ANSWER, status -> new AtomicInteger()).incrementAndGet();
                        continue;
                    }
                    long took = System.nanoTime() - started;
                    if (signedIn.statusCode() != 201) {
                        failures.computeIfAbsent(signedIn.statusCode(), status -> new AtomicInteger()).incrementAndGet();
                    } else if (started > measuredFrom.get()) {
                        millis.add(TimeUnit.NANOSECONDS.toMillis(took));
                    }
                    browser.send("DELETE", "/api/session", null);
                }
                return null;
            }));
        }
        Thread.sleep(Duration.ofNanos(warmUpEnds - System.nanoTime()));
        transactions[0] = transactions(postgres, database);
        measuredFrom.set(System.nanoTime());
        for (Future<?> person : running) {
            person.get();
        }
        transactions[1] = transactions(postgres, database);
        people.shutdown();
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("[benchmark] sign-ins through HAProxy, %d node(s), STS 50 ms, %d people on %d machines: "
                + "%.1f sign-ins/s, p50 %d ms, p99 %d ms, failed by status (warm-up included; 0: no answer) %s, %.1f store transactions per "
                + "sign-in with its sign-out%n", nodes, PEOPLE, MACHINES,
                sorted.size() / ((ends - measuredFrom.get()) / 1e9),
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)), failures,
                (transactions[1] - transactions[0]) / (double) Math.max(1, sorted.size()));
    }

    /** PostgreSQL's count of the database's committed and rolled back transactions, once it has counted them all. */
    private static long transactions(PostgresServer postgres, String database) throws Exception {
        Thread.sleep(1_500); // backends report their counts at least once a second
        try (Connection connection = postgres.connect("postgres"); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT xact_commit + xact_rollback FROM pg_stat_database"
                        + " WHERE datname = '" + database + "'")) {
            row.next();
            return row.getLong(1);
        }
    }
}
