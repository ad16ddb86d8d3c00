package io.stratus.auth.tests;

import static io.stratus.testing.TestAccounts.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.testing.Fault;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.PrincipalType;
import io.stratus.core.session.UserSession;
import io.stratus.testing.StratusTestBase;
import io.stratus.testing.TestAccounts;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a person is told for every way sign-in can fail, and that it works when it should. */
class SignInTest extends StratusTestBase {

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "''                    | secret | null  | access key id is empty",
        "'   '                 | secret | null  | access key id is empty",
        "AKIAALICE00000000001  | ''     | null  | secret access key is empty",
        "AKIAALICE00000000001  | ' \t ' | null  | secret access key is empty",
        "AKIA-SHORT            | secret | null  | 16 to 128 letters",
        "AKIA ALICE 0000000001 | secret | null  | 16 to 128 letters",
        "ASIAALICE00000000001  | secret | null  | session token",
        "ASIAALICE00000000001  | secret | '  '  | session token",
    })
    void malformedKeysAreRefusedWithoutAskingAws(String keyId, String secret, String token, String hint) {
        setUpAsAlice();
        simulator.calls().clear();
        AwsCredentials typed = keys(keyId, secret, token);
        StratusException e = refused(Problem.INVALID_INPUT, () -> signIn(typed));
        assertMentions(e, hint);
        assertEquals(0, simulator.calls().count("sts:*"), "no STS call for keys that cannot be right");
        assertTrue(typed.secretAccessKey().isCleared(), "refused keys are wiped at once");
    }

    @Test
    void wrongSecretSaysSo() {
        setUpAsAlice();
        StratusException e = refused(Problem.NOT_SIGNED_IN, () -> signIn(keys(TestAccounts.BOB_ID, "not+bobs+secret+0000000000000000000000")));
        assertMentions(e, "secret access key does not match");
    }

    @Test
    void unknownKeySaysSo() {
        setUpAsAlice();
        StratusException e = refused(Problem.NOT_SIGNED_IN, () -> signIn(keys("AKIANOBODY0000000000", "whatever+secret")));
        assertMentions(e, "does not recognise this access key id");
    }

    @Test
    void expiredSessionTokenSaysToGetNewKeys() {
        setUpAsAlice();
        AwsCredentials temporary = stratus.sessionToken(TestAccounts.bob());
        AWS_CLOCK.advance(Duration.ofHours(13)); // GetSessionToken keys last 12 hours
        try {
            StratusException e = refused(Problem.NOT_SIGNED_IN, () -> signIn(temporary));
            assertMentions(e, "session token", "expired");
        } finally {
            AWS_CLOCK.advance(Duration.ofHours(-13));
        }
    }

    @Test
    void temporaryKeysWithTheirTokenSignIn() {
        setUpAsAlice();
        UserSession session = signIn(stratus.sessionToken(TestAccounts.bob()));
        assertEquals("bob", session.identity().displayName());
        assertEquals(PrincipalType.IAM_USER, session.identity().type());
    }

    @Test
    void skewedServerClockIsNamed() {
        setUpAsAlice();
        simulator.faults().clockOffset(Duration.ofMinutes(20));
        StratusException e = refused(Problem.UNAVAILABLE, () -> signIn(TestAccounts.bob()));
        assertMentions(e, "clock", "NTP");
    }

    @Test
    void throttlingIsRetriedThenReportedThenRecovers() {
        setUpAsAlice();
        simulator.faults().failNext(2, Fault.THROTTLING, "sts:GetCallerIdentity");
        assertEquals("bob", signIn(TestAccounts.bob()).identity().displayName(), "two throttles are absorbed by retries");

        simulator.faults().failNext(3, Fault.THROTTLING, "sts:GetCallerIdentity");
        StratusException e = refused(Problem.THROTTLED, () -> signIn(TestAccounts.bob()));
        assertMentions(e, "throttling", "try again");

        assertEquals("bob", signIn(TestAccounts.bob()).identity().displayName(), "the next attempt gets through");
    }

    @Test
    void stsTimingOutIsReported() {
        setUpAsAlice();
        stratus.useAws(simulator, Map.of("maxAttempts", 1, "callTimeoutMillis", 1_000L));
        try {
            simulator.faults().latency("sts:*", Duration.ofSeconds(3));
            StratusException e = refused(Problem.REMOTE_UNREACHABLE, () -> signIn(TestAccounts.bob()));
            assertMentions(e, "did not answer", "1 s");
        } finally {
            stratus.useAws(simulator, Map.of("maxAttempts", 3));
        }
    }

    @Test
    void stsFailingIsReportedAsAwsSide() {
        setUpAsAlice();
        simulator.faults().failNext(3, Fault.SERVICE_UNAVAILABLE, "sts:*");
        StratusException e = refused(Problem.REMOTE_UNREACHABLE, () -> signIn(TestAccounts.bob()));
        assertMentions(e, "503");
    }

    @Test
    void stsUnreachableIsReported() throws Exception {
        setUpAsAlice();
        stratus.useAws(deadEndpoint(), Map.of("maxAttempts", 1));
        try {
            StratusException e = refused(Problem.REMOTE_UNREACHABLE, () -> signIn(TestAccounts.bob()));
            assertMentions(e, "cannot reach AWS sts");
        } finally {
            stratus.useAws(simulator, Map.of("maxAttempts", 3));
        }
    }

    @Test
    void aPerServiceEndpointWinsOverTheBaseEndpoint() throws Exception {
        setUpAsAlice();
        // Everything to a dead base URL, but STS to the simulator, as with a VPC endpoint for STS.
        stratus.useAws(deadEndpoint(),
                Map.of("serviceEndpoints", new String[] {"sts=" + simulator.endpoint()}));
        try {
            assertEquals("bob", signIn(TestAccounts.bob()).identity().displayName());
        } finally {
            stratus.useAws(simulator, Map.of("maxAttempts", 3));
        }
    }

    @Test
    void signOutWipesTheKeysAndEndsTheSession() {
        setUpAsAlice();
        AwsCredentials bob = TestAccounts.bob();
        UserSession session = signIn(bob);
        assertTrue(stratus.signIn().find(session.id()).isPresent());
        stratus.signIn().signOut(session.id());
        assertFalse(stratus.signIn().find(session.id()).isPresent());
        assertTrue(bob.secretAccessKey().isCleared());
        StratusException e = refused(Problem.NOT_SIGNED_IN, () -> session.awsKeys().use(c -> c));
        assertMentions(e, "Sign in again");
    }

    @Test
    void sessionsHaveUnguessableIdsAndPrintNoSecret() {
        setUpAsAlice();
        UserSession one = signIn(TestAccounts.bob());
        UserSession two = signIn(TestAccounts.bob());
        assertFalse(one.id().equals(two.id()));
        assertTrue(one.id().length() >= 43, "at least 256 random bits, base64url");
        assertFalse(one.toString().contains(one.id()));
        assertFalse(one.toString().contains(TestAccounts.BOB_SECRET));
    }
}
