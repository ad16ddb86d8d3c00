package io.stratus.release.tests;

import io.stratus.release.tests.ServerProcesses.Server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time-to-healthy of the server product: from starting the process ({@code java} with the
 * product's JVM options) to the first 200 from {@code /api/health}, then to {@code ready}. Each
 * round starts a fresh copy of the product, stops it, and starts it again in the same folder on
 * the same data, as every start after the first one is. Target: within 3 s on the 2-core build
 * machine, for both. Prints its figures; run it with {@code ./mvnw verify -DskipTests -Dbenchmarks}.
 */
class ServerStartupBenchmark {

    private static final int ROUNDS = 7;
    private static final long TARGET_MILLIS = 3_000;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final ProductLauncher launcher = new ProductLauncher();

    @TempDir
    Path temp;

    /** Time to healthy and to ready of one kind of start. */
    private record Starts(String kind, List<Long> healthy, List<Long> ready) {
        Starts(String kind) {
            this(kind, new ArrayList<>(), new ArrayList<>());
        }
    }

    @Test
    void timeToHealthy() throws Exception {
        ServerProcesses servers = new ServerProcesses(launcher, temp);
        servers.warmUpHttpClient();
        Starts fresh = new Starts("fresh copies");
        Starts again = new Starts("copies started before");
        for (int i = 0; i < ROUNDS; i++) {
            EclipseInstallation installation = servers.freshCopy();
            Path data = temp.resolve("data-" + i);
            measure(servers, installation, data, fresh);
            measure(servers, installation, data, again);
        }
        for (Starts starts : List.of(fresh, again)) {
            print("time-to-healthy (answers /api/health), " + starts.kind(), starts.healthy(), "target " + TARGET_MILLIS + " ms");
            print("time-to-ready (API services and store up), " + starts.kind(), starts.ready(), "no target");
        }
    }

    /** One start, measured and then stopped: one server at a time, so they do not compete. */
    private static void measure(ServerProcesses servers, EclipseInstallation installation, Path data, Starts into)
            throws Exception {
        long started = System.nanoTime();
        Server server = servers.startIn(installation, data, Map.of());
        servers.awaitHealthy(server, PATIENCE);
        into.healthy().add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        servers.awaitReady(server, PATIENCE);
        into.ready().add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        ServerProcesses.stop(server, PATIENCE);
    }

    private static void print(String what, List<Long> millis, String target) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("[benchmark] server %s, %d starts: min %d ms, median %d ms, max %d ms (%s); all: %s%n",
                what, millis.size(), sorted.getFirst(), sorted.get(sorted.size() / 2), sorted.getLast(), target, millis);
    }
}
