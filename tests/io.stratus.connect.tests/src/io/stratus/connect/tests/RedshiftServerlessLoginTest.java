package io.stratus.connect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logging in to a Redshift Serverless workgroup through the Redshift connector, a PostgreSQL standing
 * in for the workgroup: with a password, and with the credentials Redshift Serverless issues for the
 * person's IAM identity ({@code GetCredentials}) at every physical connection, which the AWS simulator
 * checks at login as the workgroup would (PostgreSQL asks it through LDAP). PostgreSQL then refuses the
 * session for the Redshift driver's own startup parameters (see {@link RedshiftConnectorTest}).
 */
class RedshiftServerlessLoginTest {

    private static final String USER = "workgroup_user";
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-1";
    private static final AwsCredentials DANA = new AwsCredentials("AKIADANA000000000004",
            Secret.of("dana+secret+0000000000000000000000000004"), null);
    private static final AwsCredentials NORA = new AwsCredentials("AKIANORA000000000004",
            Secret.of("nora+secret+0000000000000000000000000004"), null);
    private static final Seed SEED = Seed.builder().account(ACCOUNT, account -> account
            .user("dana", u -> u.accessKey(DANA.accessKeyId(), DANA.secretAccessKey().reveal()))
            .user("nora", u -> u.accessKey(NORA.accessKeyId(), NORA.secretAccessKey().reveal())
                    .deny("redshift-serverless:GetCredentials"))
            .region(REGION, region -> region.redshiftWorkgroup("reporting", "postgres"))).build();
    private static final Pattern WORKGROUP_ARN = Pattern.compile("\"workgroupArn\"\\s*:\\s*\"([^\"]+)\"");

    private static TestAwsSimulator simulator;
    private static IssuedPasswordDatabase database;
    private static StratusServices stratus;
    private static DatabaseConnector redshift;
    private static String workgroupArn;

    @BeforeAll
    static void start() throws Exception {
        simulator = TestAwsSimulator.start(SEED);
        stratus = new StratusServices();
        stratus.trustTheTestAuthority();
        stratus.useAws(simulator, Map.of());
        Matcher listed = WORKGROUP_ARN.matcher(new String(stratus.aws().callJson(AwsKeys.of(DANA), "redshift-serverless",
                REGION, "RedshiftServerless.ListWorkgroups", "{}"), StandardCharsets.UTF_8));
        assertTrue(listed.find());
        workgroupArn = listed.group(1);
        database = IssuedPasswordDatabase.start(simulator, workgroupArn, USER, PASSWORD, "IAM:dana");
        redshift = stratus.connector("redshift-serverless");
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
        simulator.close();
    }

    @Test
    void aWorkgroupLogsInWithAPasswordThroughTheRedshiftConnector() {
        assertSame(stratus.connector("redshift"), redshift, "one connector serves clusters and workgroups");
        assertPastTheLogin(assertThrows(StratusException.class, () -> redshift.open(workgroup(),
                DatabaseLogin.withPassword(USER, Secret.of(PASSWORD)), AccessMode.READ_ONLY)));
        StratusException wrongPassword = assertThrows(StratusException.class, () -> redshift.open(workgroup(),
                DatabaseLogin.withPassword(USER, Secret.of("not-" + PASSWORD)), AccessMode.READ_ONLY));
        assertTrue(wrongPassword.getMessage().startsWith("The database refused the login"), wrongPassword.getMessage());
    }

    @Test
    void theIamIdentityLogsInWithCredentialsIssuedAnewForEveryPhysicalConnection() throws Exception {
        DatabaseLogin login = DatabaseLogin.withIssuedCredentials("arn:aws:iam::" + ACCOUNT + ":user/dana",
                redshift.issuer(new Login.IssuedForIdentity(), () -> AwsKeys.of(DANA)));
        int before = database.checked().size();
        long listedBefore = simulator.calls().count("redshift-serverless:ListWorkgroups", "arn:aws:iam::" + ACCOUNT
                + ":user/dana");
        assertPastTheLogin(assertThrows(StratusException.class, () -> redshift.open(workgroup(), login, AccessMode.READ_ONLY)));
        assertPastTheLogin(assertThrows(StratusException.class, () -> redshift.open(workgroup(), login, AccessMode.READ_ONLY)));

        List<IssuedPasswordDatabase.CheckedLogin> logins = database.checked().subList(before, database.checked().size());
        assertEquals(2, logins.size(), "one login per physical connection");
        assertTrue(logins.stream().allMatch(l -> l.issuedByRedshift() && l.dbUser().equals("IAM:dana")),
                "GetCredentials's user and password, checked by the simulator for this workgroup");
        assertNotEquals(logins.get(0).password(), logins.get(1).password(), "fresh credentials for each connection");
        assertEquals(2, simulator.calls().count("redshift-serverless:GetCredentials", "arn:aws:iam::" + ACCOUNT
                + ":user/dana"));
        assertEquals(listedBefore + 1, simulator.calls().count("redshift-serverless:ListWorkgroups", "arn:aws:iam::"
                + ACCOUNT + ":user/dana"), "the workgroup's name is looked up once, at the first login");
        assertNoIssuedPasswordWasWritten(login.toString());
    }

    @Test
    void aPersonWhoMayNotGetCredentialsIsToldWhichActionIsMissing() {
        int before = database.checked().size();
        StratusException denied = assertThrows(StratusException.class, () -> redshift.open(workgroup(),
                DatabaseLogin.withIssuedCredentials("nora", redshift.issuer(new Login.IssuedForIdentity(),
                        () -> AwsKeys.of(NORA))), AccessMode.READ_ONLY));
        assertEquals(Problem.FORBIDDEN, denied.problem(), denied.getMessage());
        assertTrue(denied.getMessage().contains("redshift-serverless:GetCredentials"), denied.getMessage());
        assertEquals(before, database.checked().size(), "nothing reached the database");

        StratusException namedUser = assertThrows(StratusException.class, () -> redshift.open(workgroup(),
                DatabaseLogin.withIssuedCredentials("analyst", redshift.issuer(new Login.IssuedForUser("analyst",
                        List.of(), false), () -> AwsKeys.of(DANA))), AccessMode.READ_ONLY));
        assertEquals(Problem.INVALID_INPUT, namedUser.problem());
        assertTrue(namedUser.getMessage().startsWith("Redshift Serverless issues credentials for your own IAM identity"),
                namedUser.getMessage());
    }

    /** Past the TLS handshake and the login (either failure would say so): the server read the driver's settings. */
    private static void assertPastTheLogin(StratusException refused) {
        assertTrue(refused.getMessage().contains("unrecognized configuration parameter \"driver_version\""),
                refused.getMessage());
    }

    /** Canary: no password Redshift issued is in the test log (where Stratus's own log goes), nor in what was shown. */
    private static void assertNoIssuedPasswordWasWritten(String shown) throws Exception {
        String log = Files.readString(Path.of(System.getProperty("stratus.test.log")));
        List<String> issued = simulator.issuedSecrets();
        assertFalse(issued.isEmpty());
        for (String canary : issued) {
            assertFalse(log.contains(canary), "an issued password is in the test log");
            assertFalse(shown.contains(canary), "an issued password is in " + shown);
        }
    }

    /** The workgroup as the explorer describes it, the PostgreSQL listening in its place. */
    private static ConnectionSpec workgroup() {
        return new ConnectionSpec(workgroupArn, "redshift-serverless", REGION, "127.0.0.1", database.port(),
                Optional.of("postgres"), true, false);
    }
}
