package io.stratus.release.tests;

import io.stratus.release.tests.ServerProcesses.Server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time-to-healthy of the server product: from starting the process ({@code java} with the
 * product's JVM options) to the first 200 from {@code /api/health}, over several cold starts of
 * fresh copies. Target: within 3 s on the 2-core build machine. Prints its figures; run it with
 * {@code ./mvnw verify -DskipTests -Dbenchmarks}.
 */
class ServerStartupBenchmark {

    private static final int COLD_STARTS = 7;
    private static final long TARGET_MILLIS = 3_000;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final ProductLauncher launcher = new ProductLauncher();

    @TempDir
    Path temp;

    @Test
    void timeToHealthy() throws Exception {
        ServerProcesses servers = new ServerProcesses(launcher, temp);
        servers.warmUpHttpClient();
        List<Long> healthy = new ArrayList<>();
        List<Long> ready = new ArrayList<>();
        for (int i = 0; i < COLD_STARTS; i++) {
            long started = System.nanoTime();
            Server server = servers.start();
            servers.awaitHealthy(server, PATIENCE);
            healthy.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            servers.awaitReady(server, PATIENCE);
            ready.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            ServerProcesses.stop(server, PATIENCE); // one server at a time: they must not compete
        }
        print("time-to-healthy (answers /api/health)", healthy, "target " + TARGET_MILLIS + " ms");
        print("time-to-ready (API services and store up)", ready, "no target");
    }

    private static void print(String what, List<Long> millis, String target) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("[benchmark] server %s over %d cold starts: min %d ms, median %d ms, max %d ms (%s); all: %s%n",
                what, millis.size(), sorted.getFirst(), sorted.get(sorted.size() / 2), sorted.getLast(), target, millis);
    }
}
