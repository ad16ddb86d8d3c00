package io.stratus.connect.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.AwsClients;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.ManualClock;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.database.AccessMode;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.database.CatalogEntry;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.connector.StatementResult;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.identity.Secret;
import io.stratus.testing.DatabaseServer;
import io.stratus.testing.StratusServices;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every JDBC connector must do, against a real server of its engine started by the
 * subclass: browse, stream many rows with their types, stay read-only for Viewers, explain the
 * database's errors, and cancel a running statement. A table {@code orders} holds {@link #ROWS}
 * rows (ids 1 to ROWS) and a row 0 whose optional columns are null.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one server and one fixture per engine
abstract class ConnectorContract {

    static final int ROWS = 2_500;
    private static final String IAM_USER = "iam_reader";
    private static final String DANA_KEY = "AKIADANA000000000001";
    private static final String DANA_SECRET = "dana+secret+0000000000000000000000000001";
    private static final Seed SEED = Seed.builder().account("123456789012", account -> account
            .user("dana", u -> u.accessKey(DANA_KEY, DANA_SECRET))).build();
    private static final AwsCredentials DANA = new AwsCredentials(DANA_KEY, Secret.of(DANA_SECRET), null);

    private final ManualClock clock = ManualClock.startingNow();
    private TestAwsSimulator simulator;
    private StratusServices stratus;
    private DatabaseServer server;
    private String database;
    private DatabaseConnector connector;

    /** Starts a server of the engine. */
    abstract DatabaseServer startServer() throws Exception;

    abstract String engine();

    /** The schema (or database) the table is in. */
    abstract String schema();

    /** The type name the driver reports for the {@code placed} timestamp column. */
    abstract String timestampType();

    /** Checks that order 1's {@code placed} is 2026-01-01 10:01 (+02:00 where the type keeps zones). */
    abstract void assertPlaced(Object placed);

    /** A statement that runs for half a minute, and a query that finds it running. */
    abstract String slowStatement();

    abstract String slowStatementRunning();

    /** The table, with the same columns on every engine; see the class comment. */
    abstract List<String> fixture();

    /** Statements that create a user who may log in and read the database, with no password yet. */
    abstract List<String> createLoginUser(String user, String database);

    /** The statement that sets a user's password. */
    abstract String setPassword(String user, String password);

    /** A query whose one value is the TLS cipher of the link's own connection. */
    abstract String tlsCipher();

    /**
     * Texts a Viewer might send to change something, which Stratus must refuse before sending them:
     * the engine's tricks for hiding a second statement or a write, and calls that act outside the
     * transaction.
     */
    abstract List<String> refusedBeforeSending();

    /** Single statements that pass Stratus's checks but write, which the read-only transaction must refuse. */
    abstract List<String> refusedByTheDatabase();

    /** Queries, run as the test's administrator, over what lives outside the tables (locks, objects, tables). */
    abstract List<String> stateOutsideTheRows();

    @BeforeAll
    void startServerWithTheTable() throws Exception {
        simulator = TestAwsSimulator.start(SEED, clock);
        stratus = new StratusServices();
        stratus.trustTheTestAuthority();
        server = startServer();
        database = server.createDatabase();
        try (Connection admin = server.connect(database); Statement sql = admin.createStatement()) {
            for (String statement : fixture()) {
                sql.execute(statement);
            }
            for (String statement : createLoginUser(IAM_USER, database)) {
                sql.execute(statement);
            }
        }
        connector = stratus.connector(engine());
    }

    @AfterAll
    void stopServer() throws Exception {
        simulator.close();
        if (server != null) {
            server.close();
        }
    }

    /** The database the fixture is in. */
    String database() {
        return database;
    }

    @Test
    void browsesSchemasTablesAndColumns() {
        try (DatabaseLink link = open(AccessMode.READ_ONLY)) {
            link.test();
            assertTrue(names(link.browse(List.of())).contains(schema()));
            List<CatalogEntry> tables = link.browse(List.of(schema()));
            assertEquals(List.of(new CatalogEntry("orders", "table", "what people bought")), tables);
            List<CatalogEntry> columns = link.browse(List.of(schema(), "orders"));
            assertEquals(List.of("id", "total", "placed", "day", "note", "payload", "details"), names(columns));
            assertTrue(columns.get(1).detail().toLowerCase(java.util.Locale.ROOT).matches("(numeric|decimal).* not null"),
                    columns.get(1).detail());
            // Names, not LIKE patterns: a wildcard or a look-alike name matches nothing.
            assertEquals(List.of(), link.browse(List.of("_" + schema().substring(1))));
            assertEquals(List.of(), link.browse(List.of(schema(), "%")));
            assertEquals(List.of(), link.browse(List.of("%", "%")));
            assertEquals(List.of(), link.browse(List.of(schema(), "order_")));
        }
    }

    @Test
    void streamsManyRowsPageByPageWithTheirTypes() {
        try (DatabaseLink link = open(AccessMode.READ_ONLY);
                StatementResult result = link.execute("SELECT * FROM orders ORDER BY id")) {
            assertEquals(timestampType(), result.columns().get(2).type());
            List<List<Object>> first = result.nextPage(1_000);
            assertEquals(1_000, first.size());
            List<Object> empty = first.get(0);
            assertEquals(0L, empty.get(0));
            assertEquals(new BigDecimal("0.00"), empty.get(1));
            assertNull(empty.get(2), "SQL null stays null");
            List<Object> one = first.get(1);
            assertPlaced(one.get(2));
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
        try (DatabaseLink viewer = open(AccessMode.READ_ONLY)) {
            StratusException refused = assertThrows(StratusException.class,
                    () -> viewer.execute("UPDATE orders SET note = 'x' WHERE id = 1"));
            assertEquals(Problem.FORBIDDEN, refused.problem(), refused.getMessage());
            assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
        }
        try (DatabaseLink viewer = open(AccessMode.READ_ONLY)) {
            // SQL that would turn the transaction writable never reaches the database.
            for (String around : List.of("COMMIT; UPDATE orders SET note = 'x' WHERE id = 1",
                    "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE", "SET SESSION TRANSACTION READ WRITE",
                    "SELECT 1; UPDATE orders SET note = 'x' WHERE id = 1", "/* a comment */ DELETE FROM orders")) {
                StratusException refused = assertThrows(StratusException.class, () -> viewer.execute(around));
                assertEquals(Problem.FORBIDDEN, refused.problem(), around);
            }
            try (StatementResult quoted = viewer.execute("SELECT 'a;b' AS text -- one statement; still\n")) {
                assertEquals("a;b", quoted.nextPage(1).get(0).get(0));
            }
        }
        try (DatabaseLink user = open(AccessMode.READ_WRITE)) {
            assertEquals(1L, user.execute("UPDATE orders SET note = 'changed' WHERE id = 2").updateCount().orElseThrow());
        }
        try (DatabaseLink viewer = open(AccessMode.READ_ONLY);
                StatementResult note = viewer.execute("SELECT note FROM orders WHERE id = 2")) {
            assertEquals("changed", note.nextPage(1).get(0).get(0), "the write was committed");
        }
    }

    @Test
    void withAutoCommitOffChangesWaitForCommitOrRollbackAndReadersMayNotTurnItOff() throws SQLException {
        try (DatabaseLink user = open(AccessMode.READ_WRITE)) {
            assertTrue(user.transactional());
            user.autoCommit(false);
            user.execute("UPDATE orders SET note = 'pending' WHERE id = 7").close();
            assertNotEquals("pending", noteOf(7), "others do not see what is not committed");
            user.rollback();
            user.execute("UPDATE orders SET note = 'kept' WHERE id = 7").close();
            assertNotEquals("kept", noteOf(7));
            user.commit();
            assertEquals("kept", noteOf(7));
            user.execute("UPDATE orders SET note = 'on again' WHERE id = 7").close();
            user.autoCommit(true);
            assertEquals("on again", noteOf(7), "turning auto-commit on commits the open transaction");
            user.execute("UPDATE orders SET note = 'auto' WHERE id = 7").close();
            assertEquals("auto", noteOf(7));
        }
        try (DatabaseLink viewer = open(AccessMode.READ_ONLY)) {
            for (Runnable transaction : List.<Runnable>of(() -> viewer.autoCommit(false), viewer::commit, viewer::rollback)) {
                StratusException refused = assertThrows(StratusException.class, transaction::run);
                assertEquals(Problem.FORBIDDEN, refused.problem(), refused.getMessage());
                assertTrue(refused.getMessage().startsWith("This connection is read-only"), refused.getMessage());
            }
        }
    }

    /** The note of an order as the test's administrator reads it, on a connection of its own. */
    private Object noteOf(int order) throws SQLException {
        try (Connection admin = server.connect(database); Statement sql = admin.createStatement();
                java.sql.ResultSet rows = sql.executeQuery("SELECT note FROM orders WHERE id = " + order)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void noTextLetsAReadOnlySessionChangeAnything() throws SQLException {
        List<List<Object>> before = databaseState();
        try (DatabaseLink viewer = open(AccessMode.READ_ONLY)) {
            for (String escape : refusedBeforeSending()) {
                StratusException refused = assertThrows(StratusException.class, () -> viewer.execute(escape).close(), escape);
                assertEquals(Problem.FORBIDDEN, refused.problem(), escape + ": " + refused.getMessage());
                assertTrue(refused.getMessage().startsWith("This connection is read-only"), refused.getMessage());
                assertEquals(before, databaseState(), escape);
            }
            for (String write : refusedByTheDatabase()) {
                assertThrows(StratusException.class, () -> viewer.execute(write).close(), write);
                assertEquals(before, databaseState(), write);
            }
            StratusException update = assertThrows(StratusException.class,
                    () -> viewer.execute("UPDATE orders SET note = 'x' WHERE id = 1"));
            assertEquals(Problem.FORBIDDEN, update.problem(), "the connection stays read-only: " + update.getMessage());
        }
        assertEquals(before, databaseState(), "nothing changed once the connection closed");
    }

    /** The rows' fingerprint and the engine's state outside them, as the test's administrator sees them. */
    private List<List<Object>> databaseState() throws SQLException {
        List<List<Object>> state = new java.util.ArrayList<>();
        try (Connection admin = server.connect(database); Statement sql = admin.createStatement()) {
            for (String query : Stream.concat(Stream.of("SELECT COUNT(*), SUM(id), "
                    + "SUM(LENGTH(COALESCE(note, ''))) FROM orders"), stateOutsideTheRows().stream()).toList()) {
                try (java.sql.ResultSet rows = sql.executeQuery(query)) {
                    while (rows.next()) {
                        List<Object> row = new java.util.ArrayList<>();
                        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                            row.add(String.valueOf(rows.getObject(column)));
                        }
                        state.add(row);
                    }
                }
            }
        }
        return state;
    }

    /** Runs statements as the test's administrator, in the fixture's database. */
    void administer(String... statements) throws SQLException {
        try (Connection admin = server.connect(database); Statement sql = admin.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    @Test
    void databaseErrorsAreShownClearly() {
        try (DatabaseLink link = open(AccessMode.READ_ONLY)) {
            StratusException e = assertThrows(StratusException.class, () -> link.execute("SELECT nope FROM orders"));
            assertEquals(Problem.INVALID_INPUT, e.problem());
            assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("nope") && e.getMessage().contains("SQLSTATE 42"),
                    e.getMessage());
            link.test(); // the link goes on after a failed statement
        }
        StratusException login = assertThrows(StratusException.class, () -> connector.open(spec(),
                DatabaseLogin.withPassword(server.user(), Secret.of("wrong-password")), AccessMode.READ_ONLY));
        assertTrue(login.getMessage().startsWith("The database refused the login"), login.getMessage());
        assertFalse(login.getMessage().contains(server.password()));
    }

    @Test
    void aRunningStatementCanBeCancelled() throws Exception {
        try (DatabaseLink link = open(AccessMode.READ_ONLY)) {
            // Depending on the driver the wait is in execute or in reading the first row.
            CompletableFuture<StratusException> slow = CompletableFuture.supplyAsync(
                    () -> assertThrows(StratusException.class, () -> link.execute(slowStatement()).nextPage(1)));
            try (Connection admin = server.connect(database); Statement sql = admin.createStatement()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!sql.executeQuery(slowStatementRunning()).next()) {
                    assertTrue(System.nanoTime() < deadline, "the statement never started");
                    Thread.sleep(50);
                }
            }
            long cancelledAt = System.nanoTime();
            link.cancel();
            StratusException cancelled = slow.get(10, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - cancelledAt < TimeUnit.SECONDS.toNanos(5), "it stopped at once, not after 30 s");
            assertEquals(Problem.CONFLICT, cancelled.problem(), cancelled.getMessage());
            assertTrue(cancelled.getMessage().contains("cancelled"), cancelled.getMessage());
            link.test();
        }
    }

    @Test
    void aStatementCancelledOnItsWayToTheDatabaseIsNotRunOrNotKept() throws Exception {
        administer("CREATE TABLE cancel_marks (n int)");
        try (DatabaseLink link = open(AccessMode.READ_WRITE)) {
            long started = System.nanoTime();
            StratusException before = assertThrows(StratusException.class, () -> link.execute(slowStatement(), () -> true));
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "not sent, so not waited for");
            assertEquals(Problem.CONFLICT, before.problem(), before.getMessage());
            assertTrue(before.getMessage().contains("cancelled"), before.getMessage());

            // cancelled while the driver sent it, where the driver's own cancel does not reach
            AtomicInteger asked = new AtomicInteger();
            StratusException sending = assertThrows(StratusException.class,
                    () -> link.execute("INSERT INTO cancel_marks VALUES (1)", () -> asked.incrementAndGet() > 1));
            assertEquals(Problem.CONFLICT, sending.problem(), sending.getMessage());
            try (StatementResult count = link.execute("SELECT count(*) FROM cancel_marks")) {
                assertEquals(0L, count.nextPage(1).get(0).get(0), "nothing of the cancelled statement was kept");
            }
            try (StatementResult inserted = link.execute("INSERT INTO cancel_marks VALUES (2)", () -> false)) {
                assertEquals(1L, inserted.updateCount().orElseThrow(), "the link goes on");
            }
        } finally {
            administer("DROP TABLE cancel_marks");
        }
    }

    @Test
    void iamLoginSendsAFreshTokenAsThePasswordOverVerifiedTls() throws Exception {
        AwsClients aws = stratus.service(AwsClients.class);
        List<String> issued = new CopyOnWriteArrayList<>();
        DatabaseLogin login = DatabaseLogin.withIam(IAM_USER, (spec, user) -> {
            Secret token = aws.iamToken(AwsKeys.of(DANA), spec.region(), connector.iamToken(spec, user), clock.instant());
            // Stands in for RDS at login: it checks the token's signature with AWS, and only then lets the user in.
            assertEquals("arn:aws:iam::123456789012:user/dana",
                    simulator.verifyRdsAuthToken(token.reveal(), "127.0.0.1", server.port(), "eu-west-1", IAM_USER));
            try (Connection admin = server.connect(database); Statement sql = admin.createStatement()) {
                sql.execute(setPassword(IAM_USER, token.reveal()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            issued.add(token.reveal());
            return token;
        });
        ConnectionSpec iamEnabled = spec(true); // the database does not require TLS, but an IAM login must use it
        try (DatabaseLink first = connector.open(iamEnabled, login, AccessMode.READ_ONLY);
                StatementResult cipher = first.execute(tlsCipher())) {
            Object name = cipher.nextPage(1).get(0).get(0);
            assertTrue(name instanceof String text && !text.isBlank(), "the link's connection uses TLS: " + name);
        }
        assertEquals(1, issued.size());
        assertTrue(issued.get(0).startsWith("127.0.0.1:" + server.port() + "/?Action=connect&DBUser=" + IAM_USER),
                issued.get(0).substring(0, 60));

        clock.advance(Duration.ofMinutes(16));
        IllegalArgumentException expired = assertThrows(IllegalArgumentException.class, () -> simulator.verifyRdsAuthToken(
                issued.get(0), "127.0.0.1", server.port(), "eu-west-1", IAM_USER));
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
        try (DatabaseLink later = connector.open(iamEnabled, login, AccessMode.READ_ONLY)) {
            later.test();
        }
        assertEquals(2, issued.size(), "a new connection gets a new token");
        assertNotEquals(issued.get(0), issued.get(1));
    }

    DatabaseLink open(AccessMode mode) {
        return connector.open(spec(), DatabaseLogin.withPassword(server.user(), Secret.of(server.password())), mode);
    }

    private ConnectionSpec spec() {
        return spec(false);
    }

    private ConnectionSpec spec(boolean iamAuthentication) {
        return new ConnectionSpec("test-" + engine(), engine(), "eu-west-1", "127.0.0.1", server.port(), Optional.of(database),
                false, iamAuthentication);
    }

    private static List<String> names(List<CatalogEntry> items) {
        return items.stream().map(CatalogEntry::name).toList();
    }
}
