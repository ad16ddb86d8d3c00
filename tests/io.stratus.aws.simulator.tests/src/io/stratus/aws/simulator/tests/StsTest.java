package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.TestSeed.ACCOUNT;
import static io.stratus.aws.simulator.tests.TestSeed.ALICE;
import static io.stratus.aws.simulator.tests.TestSeed.ALICE_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.BOB;
import static io.stratus.aws.simulator.tests.TestSeed.BOB_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.BRIEF_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.DEPLOYER_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS through the real SDK: who am I, session tokens and assumed roles. */
class StsTest extends SimulatorTestBase {

    @Test
    void identifiesAnIamUser() {
        GetCallerIdentityResponse identity = sts(ALICE).getCallerIdentity();

        assertEquals(ALICE_ARN, identity.arn());
        assertEquals(ACCOUNT, identity.account());
        assertTrue(identity.userId().matches("AIDA[A-Z2-7]{17}"), identity.userId());
    }

    @Test
    void answersInEveryRegion() {
        assertEquals(ALICE_ARN, sts(Region.AP_SOUTHEAST_2, ALICE).getCallerIdentity().arn());
    }

    @Test
    void identifiesTheAccountRoot() {
        GetCallerIdentityResponse identity = sts(ROOT).getCallerIdentity();

        assertEquals("arn:aws:iam::" + ACCOUNT + ":root", identity.arn());
        assertEquals(ACCOUNT, identity.userId());
    }

    @Test
    void identifiesAnAssumedRoleSession() {
        AssumeRoleResponse assumed = sts(ALICE).assumeRole(r -> r.roleArn(DEPLOYER_ARN).roleSessionName("alice-deploys"));
        GetCallerIdentityResponse identity = sts(sessionCredentials(assumed.credentials())).getCallerIdentity();

        String sessionArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/Deployer/alice-deploys";
        assertEquals(sessionArn, assumed.assumedRoleUser().arn());
        assertEquals(sessionArn, identity.arn());
        assertTrue(identity.userId().matches("AROA[A-Z2-7]{17}:alice-deploys"), identity.userId());
        assertEquals(identity.userId(), assumed.assumedRoleUser().assumedRoleId());
        assertEquals(ACCOUNT, identity.account());
        assertTrue(assumed.credentials().accessKeyId().startsWith("ASIA"), assumed.credentials().accessKeyId());
        assertExpiresIn(Duration.ofHours(1), assumed.credentials());
    }

    @Test
    void sessionTokenCredentialsActAsTheUser() {
        Credentials session = sts(ALICE).getSessionToken(r -> r.durationSeconds(900)).credentials();

        assertTrue(session.accessKeyId().startsWith("ASIA"), session.accessKeyId());
        assertExpiresIn(Duration.ofMinutes(15), session);
        assertEquals(ALICE_ARN, sts(sessionCredentials(session)).getCallerIdentity().arn());
        assertEquals(1, aws.calls().count("sts:GetCallerIdentity", ALICE_ARN));
    }

    @Test
    void aSessionTokenLastsTwelveHoursByDefault() {
        assertExpiresIn(Duration.ofHours(12), sts(ALICE).getSessionToken().credentials());
    }

    @Test
    void sessionCredentialsCannotGetAnotherSessionToken() {
        Credentials session = sts(ALICE).getSessionToken().credentials();

        AwsServiceException error = assertAwsError("AccessDenied", 403,
                () -> sts(sessionCredentials(session)).getSessionToken());
        assertEquals("Cannot call GetSessionToken with session credentials", error.awsErrorDetails().errorMessage());
    }

    @Test
    void aRoleThatDoesNotTrustTheCallerIsDenied() {
        AwsServiceException error = assertAwsError("AccessDenied", 403,
                () -> sts(BOB).assumeRole(r -> r.roleArn(DEPLOYER_ARN).roleSessionName("bob")));
        assertEquals("User: " + BOB_ARN + " is not authorized to perform: sts:AssumeRole on resource: " + DEPLOYER_ARN,
                error.awsErrorDetails().errorMessage());
    }

    @Test
    void sessionDurationIsLimitedByTheRole() {
        assertAwsError("ValidationError", 400, () -> sts(ALICE).assumeRole(r -> r.roleArn(DEPLOYER_ARN)
                .roleSessionName("long").durationSeconds((int) Duration.ofHours(5).toSeconds())));
        Credentials fourHours = sts(ALICE).assumeRole(r -> r.roleArn(DEPLOYER_ARN).roleSessionName("long")
                .durationSeconds((int) Duration.ofHours(4).toSeconds())).credentials();
        assertExpiresIn(Duration.ofHours(4), fourHours);
    }

    @Test
    void aRoleMayIssueKeysShorterThanAwsAllowsSoThatTestsSeeThemExpire() {
        Credentials brief = sts(ALICE).assumeRole(r -> r.roleArn(BRIEF_ARN).roleSessionName("brief")
                .durationSeconds(900)).credentials();
        assertExpiresIn(Duration.ofSeconds(30), brief);
        assertEquals(BRIEF_ARN.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/") + "/brief",
                sts(sessionCredentials(brief)).getCallerIdentity().arn());
    }

    private static void assertExpiresIn(Duration expected, Credentials credentials) {
        Duration left = Duration.between(aws.now(), credentials.expiration());
        assertTrue(left.compareTo(expected) <= 0 && left.compareTo(expected.minusSeconds(10)) > 0,
                "expires in " + left + ", expected about " + expected);
    }
}
