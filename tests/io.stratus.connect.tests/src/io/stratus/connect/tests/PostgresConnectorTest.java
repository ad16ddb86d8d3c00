package io.stratus.connect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.stratus.core.database.AccessMode;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.connector.StatementResult;

import io.stratus.testing.DatabaseServer;
import io.stratus.testing.PostgresServer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The PostgreSQL connector against a real PostgreSQL on loopback. */
class PostgresConnectorTest extends ConnectorContract {

    @Override
    DatabaseServer startServer() throws Exception {
        return PostgresServer.start();
    }

    @Override
    String engine() {
        return "postgres";
    }

    @Override
    String schema() {
        return "public";
    }

    @Override
    String timestampType() {
        return "timestamptz";
    }

    @Override
    void assertPlaced(Object placed) {
        assertEquals(OffsetDateTime.of(2026, 1, 1, 8, 1, 0, 0, ZoneOffset.UTC),
                ((OffsetDateTime) placed).withOffsetSameInstant(ZoneOffset.UTC), "timestamptz keeps its instant");
    }

    @Override
    String slowStatement() {
        return "SELECT pg_sleep(30)";
    }

    @Override
    String slowStatementRunning() {
        return "SELECT 1 FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'";
    }

    @Override
    List<String> fixture() {
        return List.of(
                "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL, placed timestamptz, day date,"
                        + " note text, payload bytea, details jsonb)",
                "INSERT INTO orders SELECT n, n * 1.25, timestamptz '2026-01-01 10:00:00+02' + n * interval '1 minute',"
                        + " date '2026-01-01', 'order ' || n, decode('cafe', 'hex'), jsonb_build_object('n', n)"
                        + " FROM generate_series(1, " + ROWS + ") AS n",
                "INSERT INTO orders (id, total) VALUES (0, 0)",
                "COMMENT ON TABLE orders IS 'what people bought'",
                "CREATE FUNCTION erase_order(n bigint) RETURNS bigint LANGUAGE sql"
                        + " AS 'DELETE FROM orders WHERE id = n RETURNING id'");
    }

    @Override
    List<String> createLoginUser(String user, String database) {
        return List.of("CREATE ROLE " + user + " LOGIN", "GRANT SELECT ON orders TO " + user);
    }

    @Override
    String setPassword(String user, String password) {
        return "ALTER ROLE " + user + " PASSWORD '" + password + "'";
    }

    @Override
    String tlsCipher() {
        return "SELECT cipher FROM pg_stat_ssl WHERE pid = pg_backend_pid()";
    }

    /** The outside review's escapes (E'' strings, # as an operator, nested comments) and side effects. */
    @Override
    List<String> refusedBeforeSending() {
        return List.of("SELECT E'\\'';COMMIT;DELETE FROM orders WHERE id=15;--'",
                "SELECT E'\\'';END;INSERT INTO orders (id, total) VALUES (-1, 0);--'",
                "SELECT 2 #1;COMMIT;DELETE FROM orders WHERE id=20;",
                "SELECT $a$;$a$; DELETE FROM orders WHERE id = 21",
                "/* /* */ SELECT */ DELETE FROM orders WHERE id = 22",
                "COMMIT", "SET TRANSACTION READ WRITE",
                "SELECT lo_import('/etc/hostname')",
                "SELECT pg_catalog.\"lo_import\"('/etc/hostname')",
                "SELECT U&\"l\\006f_import\"('/etc/hostname')",
                "SELECT pg_advisory_lock(42)",
                "SELECT pg_try_advisory_lock(42)",
                "SELECT pg_reload_conf()",
                "SELECT pg_read_file('/etc/hostname')",
                "SELECT query_to_xml('SELECT pg_' || 'advisory_lock(42)', true, false, '')");
    }

    @Override
    List<String> refusedByTheDatabase() {
        return List.of("WITH gone AS (DELETE FROM orders WHERE id = 23 RETURNING id) SELECT * FROM gone",
                "SELECT * INTO copied FROM orders", "SELECT erase_order(24)");
    }

    @Override
    List<String> stateOutsideTheRows() {
        return List.of("SELECT COUNT(*) FROM pg_largeobject_metadata",
                "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'",
                "SELECT COUNT(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace");
    }

    /** A read-only statement's transaction ends with a rollback: nothing it did inside persists. */
    @Test
    void readOnlyStatementsAreRolledBack() throws Exception {
        // A function the name checks cannot see into, with an effect a read-only transaction allows.
        administer("CREATE FUNCTION new_object() RETURNS oid LANGUAGE sql AS 'SELECT lo_create(0)'");
        try (DatabaseLink viewer = open(AccessMode.READ_ONLY)) {
            try (StatementResult created = viewer.execute("SELECT new_object()")) {
                assertNotNull(created.nextPage(1).get(0).get(0));
            }
            try (StatementResult objects = viewer.execute("SELECT COUNT(*) FROM pg_largeobject_metadata")) {
                assertEquals(0L, objects.nextPage(1).get(0).get(0), "the large object was rolled back");
            }
        } finally {
            administer("DROP FUNCTION new_object()");
        }
    }
}
