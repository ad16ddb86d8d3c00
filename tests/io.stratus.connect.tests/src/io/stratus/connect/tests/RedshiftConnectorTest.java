package io.stratus.connect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.database.AccessMode;
import io.stratus.core.database.Login;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.identity.Secret;
import io.stratus.testing.StratusServices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Redshift connector as far as a PostgreSQL can take it: the driver loads as a bundle and
 * serves {@code redshift}, reaches a server over TLS verified against the trusted authorities
 * with the host name checked, and logs in with a password (MD5: the driver has no SCRAM), or with
 * temporary credentials Redshift issues for every physical connection, which the AWS simulator
 * checks at login as the cluster would (PostgreSQL asks it through LDAP). PostgreSQL then refuses
 * the session: the driver announces itself with startup parameters only Redshift knows
 * ({@code driver_version}), so statements, catalog, types and cancel cannot run here. Only a real
 * Redshift cluster could prove those, its own password hashing and its certificate chain (Amazon
 * Trust Services roots, in the shipped bundle).
 */
class RedshiftConnectorTest {

    private static final String USER = "redshift_user";
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-1";
    private static final String CLUSTER = "arn:aws:redshift:" + REGION + ":" + ACCOUNT + ":cluster:warehouse";
    private static final AwsCredentials DANA = new AwsCredentials("AKIADANA000000000003",
            Secret.of("dana+secret+0000000000000000000000000003"), null);
    private static final AwsCredentials NORA = new AwsCredentials("AKIANORA000000000003",
            Secret.of("nora+secret+0000000000000000000000000003"), null);
    private static final Seed SEED = Seed.builder().account(ACCOUNT, account -> account
            .user("dana", u -> u.accessKey(DANA.accessKeyId(), DANA.secretAccessKey().reveal()))
            .user("nora", u -> u.accessKey(NORA.accessKeyId(), NORA.secretAccessKey().reveal())
                    .deny("redshift:GetClusterCredentials", "redshift:GetClusterCredentialsWithIAM"))
            .region(REGION, region -> region.redshiftCluster("warehouse", cluster -> cluster.dbName("dev")))).build();

    private static TestAwsSimulator simulator;
    private static IssuedPasswordDatabase database;
    private static DatabaseConnector redshift;

    @BeforeAll
    static void start() throws Exception {
        simulator = TestAwsSimulator.start(SEED);
        StratusServices stratus = new StratusServices();
        stratus.trustTheTestAuthority();
        stratus.useAws(simulator, Map.of());
        database = IssuedPasswordDatabase.start(simulator, CLUSTER, USER, PASSWORD, "IAM:dana", "IAM:analyst");
        redshift = stratus.connector("redshift");
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
        simulator.close();
    }

    @Test
    void theDriverReachesTheServerOverVerifiedTls() {
        assertPastTheLogin(assertThrows(StratusException.class, () -> redshift.open(spec(true), login(),
                AccessMode.READ_ONLY)));
        StratusException wrongPassword = assertThrows(StratusException.class, () -> redshift.open(spec(true),
                DatabaseLogin.withPassword(USER, Secret.of("not-" + PASSWORD)), AccessMode.READ_ONLY));
        assertTrue(wrongPassword.getMessage().startsWith("The database refused the login"), wrongPassword.getMessage());
    }

    @Test
    void theIamIdentityLogsInWithCredentialsRedshiftIssuesAnewForEveryPhysicalConnection() throws Exception {
        DatabaseLogin login = DatabaseLogin.withIssuedCredentials("arn:aws:iam::" + ACCOUNT + ":user/dana",
                redshift.issuer(new Login.IssuedForIdentity(), () -> AwsKeys.of(DANA)));
        int before = database.checked().size();
        assertPastTheLogin(assertThrows(StratusException.class, () -> redshift.open(spec(false), login, AccessMode.READ_ONLY)));
        assertPastTheLogin(assertThrows(StratusException.class, () -> redshift.open(spec(false), login, AccessMode.READ_ONLY)));

        List<IssuedPasswordDatabase.CheckedLogin> logins = database.checked().subList(before, database.checked().size());
        assertEquals(2, logins.size(), "one login per physical connection: " + logins.stream().map(IssuedPasswordDatabase.CheckedLogin::dbUser).toList());
        assertTrue(logins.stream().allMatch(l -> l.issuedByRedshift() && l.dbUser().equals("IAM:dana")),
                "GetClusterCredentialsWithIAM's user, checked by the simulator, over TLS although the cluster does not require it");
        assertNotEquals(logins.get(0).password(), logins.get(1).password(), "fresh credentials for each connection");
        assertNoIssuedPasswordWasWritten();
    }

    @Test
    void aNamedDatabaseUserLogsInWithItsGroupsAndIsCreatedOnRequest() throws Exception {
        DatabaseLogin login = DatabaseLogin.withIssuedCredentials("analyst", redshift.issuer(
                new Login.IssuedForUser("analyst", List.of("readers", "bi"), true), () -> AwsKeys.of(DANA)));
        int before = database.checked().size();
        assertPastTheLogin(assertThrows(StratusException.class, () -> redshift.open(spec(true), login, AccessMode.READ_ONLY)));
        IssuedPasswordDatabase.CheckedLogin analyst = database.checked().get(before);
        assertEquals("IAM:analyst", analyst.dbUser());
        assertTrue(analyst.issuedByRedshift(), "GetClusterCredentials issued the password it logged in with");
        assertNoIssuedPasswordWasWritten();
    }

    @Test
    void aPersonWhoMayNotGetClusterCredentialsIsToldWhichActionIsMissing() {
        for (Login login : List.of(new Login.IssuedForIdentity(), new Login.IssuedForUser("analyst", List.of(), false))) {
            String action = login instanceof Login.IssuedForIdentity ? "redshift:GetClusterCredentialsWithIAM"
                    : "redshift:GetClusterCredentials";
            int before = database.checked().size();
            StratusException denied = assertThrows(StratusException.class, () -> redshift.open(spec(true),
                    DatabaseLogin.withIssuedCredentials("nora", redshift.issuer(login, () -> AwsKeys.of(NORA))),
                    AccessMode.READ_ONLY));
            assertEquals(Problem.FORBIDDEN, denied.problem(), denied.getMessage());
            assertTrue(denied.getMessage().contains(action + " "), denied.getMessage());
            assertEquals(before, database.checked().size(), "nothing reached the database");
        }
    }

    @Test
    void otherEnginesAreNotItsOwn() {
        ConnectionSpec postgresSpec = new ConnectionSpec("orders", "postgres", REGION, "127.0.0.1", database.port(),
                Optional.empty(), true, false);
        StratusException refused = assertThrows(StratusException.class, () -> redshift.open(postgresSpec, login(),
                AccessMode.READ_ONLY));
        assertTrue(refused.getMessage().startsWith("The Redshift connector does not serve postgres"), refused.getMessage());
    }

    /** Past the TLS handshake and the login (either failure would say so): the server read the driver's settings. */
    private static void assertPastTheLogin(StratusException refused) {
        assertTrue(refused.getMessage().contains("unrecognized configuration parameter \"driver_version\""),
                refused.getMessage());
    }

    /** Canary: no password Redshift issued is in the test log (where Stratus's own log goes). */
    private static void assertNoIssuedPasswordWasWritten() throws Exception {
        String log = Files.readString(Path.of(System.getProperty("stratus.test.log")));
        List<String> issued = simulator.issuedSecrets();
        assertFalse(issued.isEmpty());
        for (String canary : issued) {
            assertFalse(log.contains(canary), "an issued password is in the test log");
        }
    }

    private static ConnectionSpec spec(boolean tlsRequired) {
        return new ConnectionSpec(CLUSTER, "redshift", REGION, "127.0.0.1", database.port(), Optional.of("postgres"),
                tlsRequired, false);
    }

    private static DatabaseLogin login() {
        return DatabaseLogin.withPassword(USER, Secret.of(PASSWORD));
    }
}
