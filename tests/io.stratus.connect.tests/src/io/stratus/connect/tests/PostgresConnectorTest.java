package io.stratus.connect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stratus.testing.DatabaseServer;
import io.stratus.testing.PostgresServer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

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
                "COMMENT ON TABLE orders IS 'what people bought'");
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
}
