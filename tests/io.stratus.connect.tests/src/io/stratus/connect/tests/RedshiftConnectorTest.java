package io.stratus.connect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.database.AccessMode;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.identity.Secret;
import io.stratus.testing.PostgresServer;
import io.stratus.testing.StratusServices;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Redshift connector as far as a PostgreSQL can take it: the driver loads as a bundle and
 * serves {@code redshift}, reaches a server over TLS verified against the trusted authorities
 * with the host name checked, and logs in with a password (MD5: the driver has no SCRAM).
 * PostgreSQL then refuses the session: the driver announces itself with startup parameters only
 * Redshift knows ({@code driver_version}), so statements, catalog, types and cancel cannot run
 * here. Only a real Redshift cluster could prove those, its own password hashing and its
 * certificate chain (Amazon Trust Services roots, in the shipped bundle).
 */
class RedshiftConnectorTest {

    private static final String USER = "redshift_user";
    private static final String PASSWORD = UUID.randomUUID().toString();

    private static PostgresServer postgres;
    private static DatabaseConnector redshift;

    @BeforeAll
    static void start() throws Exception {
        StratusServices stratus = new StratusServices();
        stratus.trustTheTestAuthority();
        postgres = PostgresServer.start();
        try (Connection admin = postgres.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("SET password_encryption = 'md5'");
            sql.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        }
        redshift = stratus.connector("redshift");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theDriverReachesTheServerOverVerifiedTls() {
        StratusException refused = assertThrows(StratusException.class, () -> redshift.open(spec(true), login(),
                AccessMode.READ_ONLY));
        // Past the TLS handshake and the password (either failure would say so): the server read the driver's settings.
        assertTrue(refused.getMessage().contains("unrecognized configuration parameter \"driver_version\""),
                refused.getMessage());
        StratusException wrongPassword = assertThrows(StratusException.class, () -> redshift.open(spec(true),
                DatabaseLogin.withPassword(USER, Secret.of("not-" + PASSWORD)), AccessMode.READ_ONLY));
        assertTrue(wrongPassword.getMessage().startsWith("The database refused the login"), wrongPassword.getMessage());
    }

    @Test
    void otherEnginesAreNotItsOwn() {
        ConnectionSpec postgresSpec = new ConnectionSpec("orders", "postgres", "eu-west-1", "127.0.0.1", postgres.port(),
                Optional.empty(), true, false);
        StratusException refused = assertThrows(StratusException.class, () -> redshift.open(postgresSpec, login(),
                AccessMode.READ_ONLY));
        assertTrue(refused.getMessage().startsWith("The Redshift connector does not serve postgres"), refused.getMessage());
    }

    private static ConnectionSpec spec(boolean tlsRequired) {
        return new ConnectionSpec("warehouse", "redshift", "eu-west-1", "127.0.0.1", postgres.port(), Optional.of("postgres"),
                tlsRequired, false);
    }

    private static DatabaseLogin login() {
        return DatabaseLogin.withPassword(USER, Secret.of(PASSWORD));
    }
}
