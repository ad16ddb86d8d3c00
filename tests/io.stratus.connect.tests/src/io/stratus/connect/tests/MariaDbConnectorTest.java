package io.stratus.connect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.StratusException;
import io.stratus.core.database.AccessMode;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.testing.DatabaseServer;
import io.stratus.testing.MariaDbServer;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The MySQL and MariaDB connector against a real MariaDB on loopback. */
class MariaDbConnectorTest extends ConnectorContract {

    @Override
    DatabaseServer startServer() throws Exception {
        return MariaDbServer.start();
    }

    @Override
    String engine() {
        return "mariadb";
    }

    @Override
    String schema() {
        return database();
    }

    @Override
    String timestampType() {
        return "DATETIME";
    }

    @Override
    void assertPlaced(Object placed) {
        assertEquals(LocalDateTime.of(2026, 1, 1, 10, 1), placed, "DATETIME has no zone");
    }

    @Override
    String slowStatement() {
        // A killed SLEEP or BENCHMARK just returns early; a killed scan fails, as a real query does.
        return "SELECT COUNT(*) FROM seq_1_to_1000000 a, seq_1_to_1000000 b WHERE a.seq + b.seq = 7";
    }

    @Override
    String slowStatementRunning() {
        return "SELECT 1 FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT COUNT(*) FROM seq_1_to_1000000%'";
    }

    @Override
    List<String> fixture() {
        return List.of(
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, total DECIMAL(12,2) NOT NULL, placed DATETIME, day DATE,"
                        + " note TEXT, payload VARBINARY(16), details JSON) COMMENT 'what people bought'",
                "INSERT INTO orders SELECT seq, seq * 1.25, TIMESTAMP '2026-01-01 10:00:00' + INTERVAL seq MINUTE,"
                        + " DATE '2026-01-01', CONCAT('order ', seq), UNHEX('CAFE'), JSON_OBJECT('n', seq)"
                        + " FROM seq_1_to_" + ROWS,
                "INSERT INTO orders (id, total) VALUES (0, 0)",
                "CREATE FUNCTION erase_order(n BIGINT) RETURNS BIGINT MODIFIES SQL DATA"
                        + " BEGIN DELETE FROM orders WHERE id = n; RETURN n; END");
    }

    @Override
    List<String> createLoginUser(String user, String database) {
        return List.of("CREATE USER '" + user + "'@'%'", "GRANT SELECT ON " + database + ".* TO '" + user + "'@'%'");
    }

    @Override
    String setPassword(String user, String password) {
        return "ALTER USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'";
    }

    @Override
    String tlsCipher() {
        return "SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'SSL_CIPHER'";
    }

    /** The outside review's executable comments, MySQL's comment rules, and calls that reach outside. */
    @Override
    List<String> refusedBeforeSending() {
        return List.of("/*!SET SESSION tx_read_only=0, @x='*/ SELECT '*/",
                "/*!DELETE FROM orders WHERE id=1 OR note='*/ SELECT '*/",
                "/*M!100000 DELETE FROM orders WHERE id=2 */ SELECT 1",
                "/*!50000 DELETE FROM orders WHERE id=3 */",
                "SELECT '\\''; DELETE FROM orders WHERE id = 15; -- '",
                "# a comment\nDELETE FROM orders WHERE id = 16",
                "--1\nSELECT 1",
                "SET SESSION TRANSACTION READ WRITE", "COMMIT", "START TRANSACTION",
                "CREATE TABLE escaped (a INT)",
                "SELECT note FROM orders INTO OUTFILE '/tmp/stratus-read-only-test'",
                "SELECT note FROM orders INTO/**/DUMPFILE '/tmp/stratus-read-only-test'",
                "SELECT LOAD_FILE('/etc/hostname')",
                "SELECT `get_lock`('stratus', 0)");
    }

    @Override
    List<String> refusedByTheDatabase() {
        return List.of("SELECT erase_order(4)", "SELECT 1 FROM orders WHERE erase_order(5) > 0");
    }

    @Override
    List<String> stateOutsideTheRows() {
        return List.of("SELECT IS_USED_LOCK('stratus') IS NOT NULL",
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()");
    }

    @Test
    void statementsCannotReadFilesOfTheMachineStratusRunsOn() {
        try (DatabaseLink user = open(AccessMode.READ_WRITE)) {
            StratusException refused = assertThrows(StratusException.class,
                    () -> user.execute("LOAD DATA LOCAL INFILE '/etc/hostname' INTO TABLE orders"));
            assertTrue(refused.getMessage().contains("allowLocalInfile"), "the driver refuses, not only the server: "
                    + refused.getMessage());
        }
    }
}
