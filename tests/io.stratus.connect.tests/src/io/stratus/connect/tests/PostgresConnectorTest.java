package io.stratus.connect.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.connect.AccessMode;
import io.stratus.core.connect.DatabaseConnector;
import io.stratus.core.connect.DatabaseLogin;
import io.stratus.core.connect.DatabaseSession;
import io.stratus.core.connect.DatabaseSession.CatalogItem;
import io.stratus.core.connect.StatementResult;
import io.stratus.core.identity.Secret;
import io.stratus.testing.PostgresServer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The PostgreSQL connector, found as a DS component, against a real PostgreSQL on loopback. */
class PostgresConnectorTest {

    private static final int ROWS = 2_500;

    private static PostgresServer server;
    private static String database;
    private static DatabaseConnector connector;

    @BeforeAll
    static void startPostgres() throws Exception {
        server = PostgresServer.start();
        database = server.createDatabase();
        try (Connection admin = server.connect(database); Statement sql = admin.createStatement()) {
            sql.execute("CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL, placed timestamptz,"
                    + " day date, note text, payload bytea, details jsonb)");
            sql.execute("INSERT INTO orders SELECT n, n * 1.25, timestamptz '2026-01-01 10:00:00+02' + n * interval '1 minute',"
                    + " date '2026-01-01', 'order ' || n, decode('cafe', 'hex'), jsonb_build_object('n', n)"
                    + " FROM generate_series(1, " + ROWS + ") AS n");
            sql.execute("INSERT INTO orders (id, total) VALUES (0, 0)");
            sql.execute("COMMENT ON TABLE orders IS 'what people bought'");
        }
        ServiceTracker<DatabaseConnector, DatabaseConnector> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(PostgresConnectorTest.class).getBundleContext(), DatabaseConnector.class, null);
        tracker.open();
        connector = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertTrue(connector != null && connector.engines().contains("postgres"), "the PostgreSQL connector is a DS component");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        server.close();
    }

    @Test
    void browsesSchemasTablesAndColumns() {
        try (DatabaseSession session = open(AccessMode.READ_ONLY)) {
            session.test();
            assertTrue(names(session.browse(List.of())).contains("public"));
            List<CatalogItem> tables = session.browse(List.of("public"));
            assertEquals(List.of(new CatalogItem("orders", "table", "what people bought")), tables);
            List<CatalogItem> columns = session.browse(List.of("public", "orders"));
            assertEquals(List.of("id", "total", "placed", "day", "note", "payload", "details"), names(columns));
            assertEquals("numeric not null", columns.get(1).detail());
        }
    }

    @Test
    void streamsManyRowsPageByPageWithTheirTypes() {
        try (DatabaseSession session = open(AccessMode.READ_ONLY);
                StatementResult result = session.execute("SELECT * FROM orders ORDER BY id")) {
            assertEquals("timestamptz", result.columns().get(2).type());
            List<List<Object>> first = result.nextPage(1_000);
            assertEquals(1_000, first.size());
            List<Object> empty = first.get(0);
            assertEquals(0L, empty.get(0));
            assertEquals(new BigDecimal("0.00"), empty.get(1));
            assertNull(empty.get(2), "SQL null stays null");
            List<Object> one = first.get(1);
            assertEquals(OffsetDateTime.of(2026, 1, 1, 8, 1, 0, 0, ZoneOffset.UTC),
                    ((OffsetDateTime) one.get(2)).withOffsetSameInstant(ZoneOffset.UTC), "timestamptz keeps its instant");
            assertEquals(LocalDate.of(2026, 1, 1), one.get(3));
            assertEquals("order 1", one.get(4));
            assertArrayEquals(new byte[] {(byte) 0xca, (byte) 0xfe}, (byte[]) one.get(5));
            assertEquals("{\"n\": 1}", one.get(6), "JSON as the database prints it");
            int read = first.size();
            for (List<List<Object>> page = result.nextPage(1_000); !page.isEmpty(); page = result.nextPage(1_000)) {
                read += page.size();
            }
            assertEquals(ROWS + 1, read);
        }
    }

    @Test
    void readOnlySessionsCannotWriteAndOthersCan() {
        try (DatabaseSession viewer = open(AccessMode.READ_ONLY)) {
            StratusException refused = assertThrows(StratusException.class,
                    () -> viewer.execute("UPDATE orders SET note = 'x' WHERE id = 1"));
            assertEquals(Problem.FORBIDDEN, refused.problem(), refused.getMessage());
            assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
        }
        try (DatabaseSession user = open(AccessMode.READ_WRITE)) {
            assertEquals(1L, user.execute("UPDATE orders SET note = 'changed' WHERE id = 2").updateCount().orElseThrow());
        }
        try (DatabaseSession viewer = open(AccessMode.READ_ONLY);
                StatementResult note = viewer.execute("SELECT note FROM orders WHERE id = 2")) {
            assertEquals("changed", note.nextPage(1).get(0).get(0), "the write was committed");
        }
    }

    @Test
    void databaseErrorsAreShownClearly() {
        try (DatabaseSession session = open(AccessMode.READ_ONLY)) {
            StratusException e = assertThrows(StratusException.class, () -> session.execute("SELECT nope FROM orders"));
            assertEquals(Problem.INVALID_INPUT, e.problem());
            assertTrue(e.getMessage().contains("column \"nope\" does not exist") && e.getMessage().contains("42703"),
                    e.getMessage());
            session.test(); // the session goes on after a failed statement
        }
        StratusException login = assertThrows(StratusException.class, () -> connector.open(spec(),
                new DatabaseLogin(PostgresServer.USER, Optional.of(Secret.of("wrong-password"))), AccessMode.READ_ONLY));
        assertTrue(login.getMessage().startsWith("The database refused the login"), login.getMessage());
        assertFalse(login.getMessage().contains(server.password()));
    }

    @Test
    void aRunningStatementCanBeCancelled() throws Exception {
        try (DatabaseSession session = open(AccessMode.READ_ONLY)) {
            CompletableFuture<StratusException> slow = CompletableFuture.supplyAsync(
                    () -> assertThrows(StratusException.class, () -> session.execute("SELECT pg_sleep(30)")));
            // Cancel once the database shows the statement running.
            try (Connection admin = server.connect(database); Statement sql = admin.createStatement()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!sql.executeQuery("SELECT 1 FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)'"
                        + " AND state = 'active'").next()) {
                    assertTrue(System.nanoTime() < deadline, "the statement never started");
                    Thread.sleep(50);
                }
            }
            long cancelledAt = System.nanoTime();
            session.cancel();
            StratusException cancelled = slow.get(10, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - cancelledAt < TimeUnit.SECONDS.toNanos(5), "it stopped at once, not after 30 s");
            assertEquals(Problem.CONFLICT, cancelled.problem(), cancelled.getMessage());
            assertTrue(cancelled.getMessage().contains("cancelled"), cancelled.getMessage());
            session.test();
        }
    }

    private static DatabaseSession open(AccessMode mode) {
        return connector.open(spec(), new DatabaseLogin(PostgresServer.USER, Optional.of(Secret.of(server.password()))), mode);
    }

    private static ConnectionSpec spec() {
        return new ConnectionSpec("test-postgres", "postgres", "eu-west-1", "127.0.0.1", server.port(), Optional.of(database),
                false, false);
    }

    private static List<String> names(List<CatalogItem> items) {
        return items.stream().map(CatalogItem::name).toList();
    }
}
