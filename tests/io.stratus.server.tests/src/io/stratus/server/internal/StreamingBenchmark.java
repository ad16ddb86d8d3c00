package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.database.AccessMode;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.connector.DatabaseTrust;
import io.stratus.core.connector.StatementResult;
import io.stratus.core.identity.Secret;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.LongConsumer;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

/**
 * Streams 1,000,000 rows of 5 columns from a real PostgreSQL three ways: raw JDBC (the same
 * driver, TLS and fetch size, typed getters), through the connector interface, and through the
 * HTTP API as NDJSON; each once to warm up, then timed in five rounds, each starting with the next
 * way (the median counts), then once more to measure memory. Prints rows per second (median and
 * range), the ratios to raw JDBC, this JVM's CPU time per row (which a busy machine does not
 * inflate, unlike the wall time), the machine's load average, and the peak heap growth: the most
 * live heap (after a full collection, every 100,000 rows of the memory run) above what was live
 * before it. Run it with
 * {@code ./mvnw verify -DskipTests -Dbenchmarks}; it asserts only that every row arrived.
 */
class StreamingBenchmark {

    private static final int ROWS = 1_000_000;
    private static final String QUERY = "SELECT id, label, amount, at, flag FROM wide ORDER BY id";
    /** Rows per round trip for raw JDBC, and rows per page through the connector: the connector fetches 500. */
    private static final int FETCH = 500;
    private static final long SAMPLE_EVERY_ROWS = 100_000;
    private static final int ROUNDS = 5;

    @Test
    void oneMillionRowsThreeWays() throws Exception {
        try (LocalDatabaseInstance instance = LocalDatabaseInstance.start("streaming", List.of(
                "CREATE TABLE wide (id bigint PRIMARY KEY, label text, amount numeric(12,2), at timestamptz, flag boolean)",
                "INSERT INTO wide SELECT n, 'row number ' || n, n * 0.01, timestamptz '2026-01-01 00:00:00+00'"
                        + " + n * interval '1 second', n % 2 = 0 FROM generate_series(1, " + ROWS + ") AS n"),
                Map.of())) {
            Path trust = instance.stratus.service(DatabaseTrust.class).certificateAuthorities();
            Map<String, Reader> ways = new LinkedHashMap<>();
            ways.put("raw JDBC", progress -> rawJdbc(instance, trust, progress));
            ways.put("connector", progress -> throughConnector(instance, progress));
            ways.put("HTTP API (NDJSON)", progress -> throughHttp(instance, progress));
            List<String> names = List.copyOf(ways.keySet());
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            for (Map.Entry<String, Reader> way : ways.entrySet()) {
                assertEquals(ROWS, way.getValue().readAll(rows -> { }), way.getKey() + " warm-up");
                rates.put(way.getKey(), new ArrayList<>());
                cpu.put(way.getKey(), new ArrayList<>());
            }
            String loadBefore = loadAverage();
            for (int round = 0; round < ROUNDS; round++) {
                // each round starts with another way, so that none always follows the same one (its garbage, its JIT work)
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get((round + i) % names.size());
                    long cpuStarted = processCpuNanos();
                    long started = System.nanoTime();
                    assertEquals(ROWS, ways.get(name).readAll(rows -> { }), name);
                    rates.get(name).add(ROWS / ((System.nanoTime() - started) / 1e9));
                    cpu.get(name).add((processCpuNanos() - cpuStarted) / 1e3 / (ROWS / 1_000.0));
                }
            }
            String loadAfter = loadAverage();
            List<Run> runs = new ArrayList<>();
            for (Map.Entry<String, Reader> way : ways.entrySet()) {
                LiveHeap heap = new LiveHeap();
                assertEquals(ROWS, way.getValue().readAll(heap), way.getKey() + " for memory");
                runs.add(new Run(way.getKey(), rates.get(way.getKey()), median(cpu.get(way.getKey())), heap.peakGrowth()));
            }
            Run raw = runs.get(0);
            System.out.printf("%n[benchmark] streaming %,d rows of 5 columns from PostgreSQL on loopback over TLS (median of %d"
                    + " rounds after a warm-up, each round starting with the next way; load average %s before, %s after)%n",
                    ROWS, ROUNDS, loadBefore, loadAfter);
            for (Run run : runs) {
                System.out.printf("[benchmark]   %-18s %,10.0f rows/s (%,.0f to %,.0f)  %5.0f%% of raw JDBC  this JVM's CPU"
                        + " %,5.0f us per 1,000 rows (raw JDBC's is %3.0f%% of it)  peak heap growth %5.1f MB%n", run.name,
                        run.rowsPerSecond(), run.slowest(), run.fastest(), 100 * run.rowsPerSecond() / raw.rowsPerSecond(),
                        run.cpuMicrosPerThousandRows, 100 * raw.cpuMicrosPerThousandRows / run.cpuMicrosPerThousandRows,
                        run.peakGrowthBytes / 1e6);
            }
            System.out.printf("[benchmark]   targets: connector >= 80%%, HTTP API >= 60%% of raw JDBC; peak heap growth <= 64 MB%n%n");
        }
    }

    private record Run(String name, List<Double> rates, double cpuMicrosPerThousandRows, long peakGrowthBytes) {

        double rowsPerSecond() {
            return median(rates);
        }

        double slowest() {
            return rates.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        }

        double fastest() {
            return rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        }
    }

    /** CPU time of this whole JVM (every thread: the client, the server, the collector, the compilers). */
    private static long processCpuNanos() throws Exception {
        return (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName("java.lang:type=OperatingSystem"),
                "ProcessCpuTime");
    }

    /** The machine's load average over 1, 5 and 15 minutes: two cores are shared with other work. */
    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    /** Reads every row, telling {@code progress} the rows read so far at least every few thousand rows. */
    @FunctionalInterface
    private interface Reader {
        long readAll(LongConsumer progress) throws Exception;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Live heap sampled after a full collection every {@link #SAMPLE_EVERY_ROWS} rows. */
    private static final class LiveHeap implements LongConsumer {

        private final long baseline = live();
        private long nextSample = SAMPLE_EVERY_ROWS;
        private long peak = baseline;

        @Override
        public void accept(long rows) {
            if (rows >= nextSample) {
                nextSample += SAMPLE_EVERY_ROWS;
                peak = Math.max(peak, live());
            }
        }

        long peakGrowth() {
            return Math.max(0, peak - baseline);
        }

        private static long live() {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }

    private static long rawJdbc(LocalDatabaseInstance instance, Path trust, LongConsumer progress) throws Exception {
        Properties settings = new Properties();
        settings.setProperty("user", instance.postgres.user());
        settings.setProperty("password", instance.postgres.password());
        settings.setProperty("sslmode", "verify-full");
        settings.setProperty("sslrootcert", trust.toString());
        try (Connection connection = new org.postgresql.Driver().connect(
                "jdbc:postgresql://127.0.0.1:" + instance.postgres.port() + "/" + instance.database, settings)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(FETCH);
                long rows = 0;
                long checksum = 0;
                try (ResultSet result = statement.executeQuery(QUERY)) {
                    while (result.next()) {
                        checksum += result.getLong(1) + result.getString(2).length() + result.getBigDecimal(3).scale()
                                + result.getObject(4, OffsetDateTime.class).getSecond() + (result.getBoolean(5) ? 1 : 0);
                        if (++rows % FETCH == 0) {
                            progress.accept(rows);
                        }
                    }
                }
                connection.commit();
                return checksum == 0 ? -1 : rows;
            }
        }
    }

    private static long throughConnector(LocalDatabaseInstance instance, LongConsumer progress) {
        DatabaseConnector connector = instance.stratus.connector("postgres");
        ConnectionSpec spec = new ConnectionSpec(LocalDatabaseInstance.RESOURCE, "postgres", "eu-west-1", "127.0.0.1",
                instance.postgres.port(), Optional.of(instance.database), true, false);
        try (DatabaseLink link = connector.open(spec,
                DatabaseLogin.withPassword(instance.postgres.user(), Secret.of(instance.postgres.password())), AccessMode.READ_ONLY);
                StatementResult result = link.execute(QUERY)) {
            long rows = 0;
            for (List<List<Object>> page = result.nextPage(FETCH); !page.isEmpty(); page = result.nextPage(FETCH)) {
                rows += page.size();
                progress.accept(rows);
            }
            return rows;
        }
    }

    /** Counts the row lines of the NDJSON answer (every line but the columns and the end). */
    private static long throughHttp(LocalDatabaseInstance instance, LongConsumer progress) throws Exception {
        String id = ApiClient.json(instance.alice.post("/api/databases", Map.of("resourceId", LocalDatabaseInstance.RESOURCE,
                "username", instance.postgres.user(), "password", instance.postgres.password()))).get("id").asText();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + "/api/databases/"
                + id + "/statements"))
                .header("Content-Type", "application/json").header(ApiDispatcher.ANTI_FORGERY_HEADER, "1")
                .header("Cookie", ApiDispatcher.SESSION_COOKIE + "=" + instance.alice.sessionCookie())
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(
                        Map.of("statement", QUERY, "stream", true)))).build();
        long lines = 0;
        try (InputStream body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream()).body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                progress.accept(lines);
            }
        }
        instance.alice.send("DELETE", "/api/databases/" + id, null);
        return lines - 2;
    }
}
