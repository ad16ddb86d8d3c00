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
import io.stratus.testing.PairedRounds;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.Test;

/**
 * Streams 1,000,000 rows of 5 columns from a real PostgreSQL three ways: raw JDBC (the same
 * driver, TLS and fetch size, typed getters), through the connector interface, and through the
 * HTTP API as NDJSON. Raw JDBC and the connector both read every value and sum the same checksum
 * of them (which must agree); the HTTP client reads every byte of the answer and counts its lines.
 * Each way opens its connection once (raw JDBC its own, the connector a link, the API an open
 * database) and runs the query on it every time, so that what is compared is reading rows, not
 * logging in. The rounds are {@link PairedRounds}: warm-up runs, then pairs of raw JDBC and each other way back
 * to back, alternately first, whose median pair ratio counts. The table is vacuumed, frozen and
 * analyzed, and a checkpoint taken, before anything is measured, so that no autovacuum or
 * checkpoint of the freshly loaded table runs during the rounds. Then each way runs once more to
 * measure memory: the peak heap growth is the most live heap (after a full collection, every
 * 100,000 rows) above what was live before it. Run it with {@code ./mvnw verify -DskipTests
 * -Dbenchmarks}; it asserts that every row arrived with the same values.
 */
class StreamingBenchmark {

    private static final int ROWS = 1_000_000;
    private static final String QUERY = "SELECT id, label, amount, at, flag FROM wide ORDER BY id";
    /** Rows per round trip for raw JDBC, and rows per page through the connector: the connector fetches 500. */
    private static final int FETCH = 500;
    private static final long SAMPLE_EVERY_ROWS = 100_000;
    private static final int WARM_UPS = 2;
    private static final int PAIRS = 15;

    /** What raw JDBC read, which the connector must read too. */
    private long expectedChecksum;

    @Test
    void oneMillionRowsThreeWays() throws Exception {
        try (LocalDatabaseInstance instance = LocalDatabaseInstance.start("streaming", List.of(
                "CREATE TABLE wide (id bigint PRIMARY KEY, label text, amount numeric(12,2), at timestamptz, flag boolean)",
                "INSERT INTO wide SELECT n, 'row number ' || n, n * 0.01, timestamptz '2026-01-01 00:00:00+00'"
                        + " + n * interval '1 second', n % 2 = 0 FROM generate_series(1, " + ROWS + ") AS n",
                "VACUUM (FREEZE, ANALYZE) wide",
                "CHECKPOINT"),
                Map.of())) {
            Path trust = instance.stratus.service(DatabaseTrust.class).certificateAuthorities();
            String database = openOverHttp(instance);
            try (Connection raw = rawConnection(instance, trust); DatabaseLink link = connectorLink(instance)) {
                Map<String, Reader> ways = new LinkedHashMap<>();
                ways.put("raw JDBC", progress -> rawJdbc(raw, progress));
                ways.put("connector", progress -> throughConnector(link, progress));
                ways.put("HTTP API (NDJSON)", progress -> throughHttp(instance, database, progress));
                new PairedRounds("rows", ROWS, WARM_UPS, PAIRS).run(String.format("streaming %,d rows of 5 columns from"
                        + " PostgreSQL on loopback over TLS", ROWS), "raw JDBC", ways.get("raw JDBC").timed(), List.of(
                                new PairedRounds.Contender("connector", ways.get("connector").timed(), 0.80),
                                new PairedRounds.Contender("HTTP API (NDJSON)", ways.get("HTTP API (NDJSON)").timed(), 0.60)));
                for (Map.Entry<String, Reader> way : ways.entrySet()) {
                    LiveHeap heap = new LiveHeap();
                    assertEquals(ROWS, way.getValue().readAll(heap), way.getKey() + " for memory");
                    System.out.printf("[benchmark]   %-18s peak heap growth %5.1f MB (target: at most 64 MB)%n", way.getKey(),
                            heap.peakGrowth() / 1e6);
                }
            } finally {
                instance.alice.send("DELETE", "/api/databases/" + database, null);
            }
            System.out.println();
        }
    }

    /** Reads every row, telling {@code progress} the rows read so far at least every few thousand rows. */
    @FunctionalInterface
    private interface Reader {
        long readAll(LongConsumer progress) throws Exception;

        /** A run of the rounds, which nothing watches on the way. */
        default PairedRounds.Way timed() {
            return () -> readAll(rows -> { });
        }
    }

    /** What both ways that hand over values compute from every value of a row. */
    private static long checksum(long id, String label, BigDecimal amount, OffsetDateTime at, boolean flag) {
        return id + label.length() + amount.scale() + at.getSecond() + (flag ? 1 : 0);
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

    /** Raw JDBC as the connector connects: the same driver, verified TLS, a transaction to stream in. */
    private static Connection rawConnection(LocalDatabaseInstance instance, Path trust) throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("user", instance.postgres.user());
        settings.setProperty("password", instance.postgres.password());
        settings.setProperty("sslmode", "verify-full");
        settings.setProperty("sslrootcert", trust.toString());
        Connection connection = new org.postgresql.Driver().connect(
                "jdbc:postgresql://127.0.0.1:" + instance.postgres.port() + "/" + instance.database, settings);
        connection.setAutoCommit(false);
        return connection;
    }

    private long rawJdbc(Connection connection, LongConsumer progress) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH);
            long rows = 0;
            long checksum = 0;
            try (ResultSet result = statement.executeQuery(QUERY)) {
                while (result.next()) {
                    checksum += checksum(result.getLong(1), result.getString(2), result.getBigDecimal(3),
                            result.getObject(4, OffsetDateTime.class), result.getBoolean(5));
                    if (++rows % FETCH == 0) {
                        progress.accept(rows);
                    }
                }
            }
            connection.commit();
            expectedChecksum = checksum;
            return rows;
        }
    }

    private static DatabaseLink connectorLink(LocalDatabaseInstance instance) {
        DatabaseConnector connector = instance.stratus.connector("postgres");
        ConnectionSpec spec = new ConnectionSpec(LocalDatabaseInstance.RESOURCE, "postgres", "eu-west-1", "127.0.0.1",
                instance.postgres.port(), Optional.of(instance.database), true, false);
        return connector.open(spec, DatabaseLogin.withPassword(instance.postgres.user(),
                Secret.of(instance.postgres.password())), AccessMode.READ_ONLY);
    }

    private long throughConnector(DatabaseLink link, LongConsumer progress) {
        try (StatementResult result = link.execute(QUERY)) {
            long rows = 0;
            long checksum = 0;
            for (List<List<Object>> page = result.nextPage(FETCH); !page.isEmpty(); page = result.nextPage(FETCH)) {
                for (List<Object> row : page) {
                    checksum += checksum((Long) row.get(0), (String) row.get(1), (BigDecimal) row.get(2),
                            (OffsetDateTime) row.get(3), (Boolean) row.get(4));
                }
                rows += page.size();
                progress.accept(rows);
            }
            assertEquals(expectedChecksum, checksum, "the connector's values");
            return rows;
        }
    }

    /** Opens the database through the API as Alice; returns its id there. */
    private static String openOverHttp(LocalDatabaseInstance instance) throws Exception {
        return ApiClient.json(instance.alice.post("/api/databases", Map.of("resourceId", LocalDatabaseInstance.RESOURCE,
                "username", instance.postgres.user(), "password", instance.postgres.password()))).get("id").asText();
    }

    /**
     * Counts the row lines of the NDJSON answer (every line but the columns and the end), reading
     * every byte in this thread with a blocking client: the JDK's asynchronous HttpClient spent
     * more CPU in its selector and worker threads than raw JDBC's whole reading, on the two cores
     * the server under test shares with it.
     */
    private static long throughHttp(LocalDatabaseInstance instance, String database, LongConsumer progress)
            throws Exception {
        HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + instance.port() + "/api/databases/"
                + database + "/statements").toURL().openConnection();
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setRequestProperty("Content-Type", "application/json");
        http.setRequestProperty(ApiDispatcher.ANTI_FORGERY_HEADER, "1");
        http.setRequestProperty("Cookie", ApiDispatcher.SESSION_COOKIE + "=" + instance.alice.sessionCookie());
        try (OutputStream out = http.getOutputStream()) {
            out.write(ApiClient.JSON.writeValueAsBytes(Map.of("statement", QUERY, "stream", true)));
        }
        long lines = 0;
        try (InputStream in = http.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                progress.accept(lines);
            }
        }
        return lines - 2;
    }
}
