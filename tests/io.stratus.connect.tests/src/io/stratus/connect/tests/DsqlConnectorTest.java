package io.stratus.connect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.AwsClients;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.ManualClock;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.connector.StatementResult;
import io.stratus.core.database.AccessMode;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.identity.Secret;
import io.stratus.testing.PostgresServer;
import io.stratus.testing.StratusServices;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Aurora DSQL's connector, with a real PostgreSQL (speaking TLS) standing in for the cluster: every
 * login is an IAM token of the kind the database role asks for, which the AWS simulator checks as
 * DSQL would before the database lets the role in; passwords are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DsqlConnectorTest {

    private static final String ENGINE = "aurora-dsql";
    private static final String REGION = "us-east-1";
    private static final String DANA_KEY = "AKIADANA000000000002";
    private static final String DANA_SECRET = "dana+secret+0000000000000000000000000002";
    private static final Seed SEED = Seed.builder().account("123456789012", account -> account
            .user("dana", u -> u.accessKey(DANA_KEY, DANA_SECRET))).build();
    private static final AwsCredentials DANA = new AwsCredentials(DANA_KEY, Secret.of(DANA_SECRET), null);

    private final ManualClock clock = ManualClock.startingNow();
    private TestAwsSimulator simulator;
    private StratusServices stratus;
    private PostgresServer server;
    private String database;
    private DatabaseConnector connector;

    @BeforeAll
    void startClusterStandIn() throws Exception {
        simulator = TestAwsSimulator.start(SEED, clock);
        stratus = new StratusServices();
        stratus.trustTheTestAuthority();
        server = PostgresServer.start();
        database = server.createDatabase();
        try (Connection admin = server.connect(database); Statement sql = admin.createStatement()) {
            sql.execute("CREATE TABLE visits (id int PRIMARY KEY, page text)");
            sql.execute("INSERT INTO visits VALUES (1, '/home'), (2, '/orders')");
            sql.execute("CREATE ROLE admin LOGIN");
            sql.execute("CREATE ROLE reporter LOGIN");
            sql.execute("GRANT ALL ON visits TO admin");
            sql.execute("GRANT SELECT ON visits TO reporter");
        }
        connector = stratus.connector(ENGINE);
    }

    @AfterAll
    void stop() throws Exception {
        simulator.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theAdminRoleLogsInWithAnAdminTokenAndEveryConnectionGetsAFreshOne() throws Exception {
        List<String> tokens = new CopyOnWriteArrayList<>();
        DatabaseLogin login = DatabaseLogin.withIam("admin", (spec, role) -> acceptedToken(spec, role, tokens));

        try (DatabaseLink link = connector.open(spec(), login, AccessMode.READ_WRITE);
                StatementResult who = link.execute("SELECT current_user, (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid())")) {
            List<Object> row = who.nextPage(1).get(0);
            assertEquals("admin", row.get(0));
            assertEquals(Boolean.TRUE, row.get(1), "DSQL is reached over TLS only");
        }
        clock.advance(Duration.ofMinutes(1));
        try (DatabaseLink again = connector.open(spec(), login, AccessMode.READ_ONLY)) {
            again.test();
        }
        assertEquals(2, tokens.size());
        assertTrue(tokens.get(0).startsWith("127.0.0.1/?Action=DbConnectAdmin&"), tokens.get(0).substring(0, 40));
        assertFalse(tokens.get(0).equals(tokens.get(1)), "a new connection gets a new token");
    }

    @Test
    void aCustomRoleLogsInWithAConnectTokenAndAnAdminTokenDoesNotServeIt() throws Exception {
        List<String> tokens = new CopyOnWriteArrayList<>();
        DatabaseLogin login = DatabaseLogin.withIam("reporter", (spec, role) -> acceptedToken(spec, role, tokens));
        try (DatabaseLink link = connector.open(spec(), login, AccessMode.READ_ONLY);
                StatementResult pages = link.execute("SELECT page FROM visits ORDER BY id")) {
            assertEquals(List.of(List.of("/home"), List.of("/orders")), pages.nextPage(10));
        }
        assertTrue(tokens.get(0).startsWith("127.0.0.1/?Action=DbConnect&"), tokens.get(0).substring(0, 40));

        Secret admin = stratus.service(AwsClients.class).iamToken(AwsKeys.of(DANA), REGION,
                connector.iamToken(spec(), "admin"), clock.instant());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> simulator.verifyDsqlAuthToken(admin.reveal(), "127.0.0.1", REGION, "reporter"));
        assertTrue(refused.getMessage().contains("DbConnectAdmin"), refused.getMessage());
    }

    @Test
    void aReadOnlyLinkDoesNotWrite() throws Exception {
        DatabaseLogin login = DatabaseLogin.withIam("admin", (spec, role) -> acceptedToken(spec, role, new CopyOnWriteArrayList<>()));
        try (DatabaseLink link = connector.open(spec(), login, AccessMode.READ_ONLY)) {
            StratusException refused = assertThrows(StratusException.class,
                    () -> link.execute("INSERT INTO visits VALUES (3, '/cart')").close());
            assertTrue(refused.getMessage().toLowerCase().contains("read-only"), refused.getMessage());
        }
    }

    /** Signs the connector's token with Dana's keys, has the simulator check it as DSQL would, and lets the role in with it. */
    private Secret acceptedToken(ConnectionSpec spec, String role, List<String> issued) {
        Secret token = stratus.service(AwsClients.class).iamToken(AwsKeys.of(DANA), spec.region(),
                connector.iamToken(spec, role), clock.instant());
        assertEquals("arn:aws:iam::123456789012:user/dana",
                simulator.verifyDsqlAuthToken(token.reveal(), spec.host(), spec.region(), role));
        try (Connection admin = server.connect(database); Statement sql = admin.createStatement()) {
            sql.execute("ALTER ROLE " + role + " PASSWORD '" + token.reveal() + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        issued.add(token.reveal());
        return token;
    }

    private ConnectionSpec spec() {
        return new ConnectionSpec("arn:aws:dsql:us-east-1:123456789012:cluster/abcdefghijklmnopqrstuvwxyz", ENGINE,
                REGION, "127.0.0.1", server.port(), Optional.of(database), true, true);
    }
}
