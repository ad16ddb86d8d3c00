package io.stratus.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.store.ConfigStore;
import io.stratus.store.StoreConfiguration;
import io.stratus.testing.PostgresServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

/**
 * The store contract on a real PostgreSQL server (one per test run, a new database per test),
 * plus what only a server does: check a password, hold other tables, go away and come back.
 */
class PostgresStoreTest extends ConfigStoreContract {

    private static PostgresServer server;

    /** The store's settings for a database of the test server. */
    private static Map<String, Object> storeIn(String database) {
        return Map.of(StoreConfiguration.JDBC_URL, server.jdbcUrl(database), StoreConfiguration.USER, PostgresServer.USER,
                StoreConfiguration.PASSWORD, server.password());
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    Map<String, Object> newStore() throws SQLException {
        return storeIn(server.createDatabase());
    }

    @Override
    Connection connectToNewDatabase(Map<String, Object> storeProperties) throws SQLException {
        return Database.open(StoreSettings.from(storeProperties)).connect();
    }

    @Test
    void aWrongPasswordFailsClosedWithoutShowingAnyPassword() {
        String wrongPassword = "wrong-" + UUID.randomUUID();
        Map<String, Object> wrong = new HashMap<>(properties);
        wrong.put(StoreConfiguration.PASSWORD, wrongPassword);

        String failure = runtime.openExpectingFailure(wrong);
        assertTrue(failure.contains("password authentication failed for user \"" + PostgresServer.USER + "\""), failure);
        assertTrue(failure.contains("Check jdbcUrl, user and password"), failure);
        assertFalse(failure.contains(wrongPassword), failure);
        assertFalse(failure.contains(server.password()), failure);
    }

    @Test
    void thePasswordIsNoServicePropertyAndIsNeverPrinted() {
        ServiceReference<ConfigStore> reference = runtime.reference();
        for (String key : reference.getPropertyKeys()) {
            assertFalse(String.valueOf(reference.getProperty(key)).contains(server.password()), key);
        }
        assertFalse(StoreSettings.from(properties).toString().contains(server.password()));
    }

    @Test
    void aDatabaseHoldingOtherTablesIsRefusedAndLeftAlone() throws SQLException {
        Map<String, Object> foreign = storeIn(server.createDatabase());
        sql(foreign, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)");

        String failure = runtime.openExpectingFailure(foreign);
        assertTrue(failure.contains("holds tables that are not a Stratus store: invoices."), failure);
        try (Connection connection = server.connect(databaseOf(foreign)); Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT string_agg(table_name, ', ') FROM information_schema.tables WHERE table_schema = 'public'")) {
            tables.next();
            assertEquals("invoices", tables.getString(1), "Stratus created nothing there");
        }
    }

    @Test
    void aDatabaseThatGoesAwayIsReportedAndTheStoreRecoversWhenItReturns() throws SQLException {
        write(writer -> writer.identity().putSetting("console.theme", "dark")); // leaves a connection in the pool
        String database = databaseOf(properties);
        try (Connection admin = server.connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            statement.execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = '" + database + "'");
        }
        StratusException unavailable = assertProblem(Problem.UNAVAILABLE,
                () -> store.read(reader -> reader.identity().setting("console.theme")));
        // What people see says what happened and what to do; where the store is and why goes to the log only.
        assertEquals("The configuration store cannot be reached. Try again in a moment; if this keeps happening, tell"
                + " the administrator: the server's log says why.", unavailable.getMessage());

        try (Connection admin = server.connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
        assertEquals(Optional.of("dark"), store.read(reader -> reader.identity().setting("console.theme")));
    }

    @Test
    void nodesStartingAtOnceOnAnEmptyDatabaseAllOpenIt() throws Exception {
        Map<String, Object> empty = newStore();
        ExecutorService starting = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch together = new CountDownLatch(1);
            List<Future<JdbcConfigStore>> nodes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                nodes.add(starting.submit(() -> {
                    together.await();
                    return new JdbcConfigStore(empty);
                }));
            }
            together.countDown();
            for (Future<JdbcConfigStore> node : nodes) {
                try (JdbcConfigStore store = node.get(60, TimeUnit.SECONDS)) {
                    assertEquals(Optional.empty(), store.read(reader -> reader.identity().binding()));
                }
            }
        } finally {
            starting.shutdownNow();
        }
    }

    @Test
    void twoNodesOnOneDatabaseCountAgainstOneLimit() throws Exception {
        try (JdbcConfigStore otherNode = new JdbcConfigStore(properties)) {
            List<Integer> counted = countAtOnce(List.of(runtime.sharedCounts(), otherNode.sharedCounts()),
                    "sign-in as AKIAEXAMPLE", 10, 60);
            assertEquals(IntStream.rangeClosed(1, 10).boxed().toList(), counted,
                    "ten attempts counted in all, each once, whichever node counted them");
        }
    }

    private static String databaseOf(Map<String, Object> storeProperties) {
        return storeProperties.get(StoreConfiguration.JDBC_URL).toString().replaceAll(".*/", "");
    }
}
