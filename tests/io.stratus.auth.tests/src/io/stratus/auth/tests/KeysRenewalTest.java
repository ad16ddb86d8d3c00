package io.stratus.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.AwsService;
import io.stratus.aws.simulator.testing.Fault;
import io.stratus.aws.simulator.testing.ManualClock;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.admin.AuditRecord;
import io.stratus.core.connector.IamTokenRequest;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.KeysLapse;
import io.stratus.core.session.RoleToAssume;
import io.stratus.core.session.SessionEnd;
import io.stratus.core.session.SignInRequest;
import io.stratus.core.session.UserSession;
import io.stratus.testing.StratusTestBase;
import io.stratus.testing.TestAccounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keys that expire under open work: the session stays and waits for new keys of the same identity, which
 * {@code SignInService.renew} puts into it. Sessions expire by a clock of their own here, which the tests move
 * instead of waiting for STS's shortest keys (15 minutes); the AWS simulator keeps the time the SDK signs with.
 */
class KeysRenewalTest extends StratusTestBase {

    private static final String DEPLOYER_ARN = "arn:aws:iam::" + TestAccounts.ACCOUNT + ":role/" + TestAccounts.DEPLOYER_ROLE;
    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
    private static final Duration HOUR = Duration.ofHours(1);

    private final ManualClock sessionTime = ManualClock.startingNow();
    private AutoCloseable sessionClock;

    @BeforeEach
    void sessionsExpireByTheirOwnClock() {
        sessionClock = stratus.sessionsExpireBy(sessionTime);
    }

    @AfterEach
    void backToTheSystemClock() throws Exception {
        sessionClock.close();
    }

    private void advance(Duration by) {
        sessionTime.advance(by);
    }

    /** A quarter of an hour as the Deployer role: STS's shortest keys. */
    private static SignInRequest asDeployer(AwsCredentials keys) {
        return asDeployer(keys, QUARTER_HOUR);
    }

    private static SignInRequest asDeployer(AwsCredentials keys, Duration duration) {
        return SignInRequest.withKeys(keys).assuming(new RoleToAssume(DEPLOYER_ARN, Optional.empty(), Optional.of(duration)));
    }

    private static String whoAmI(UserSession session) {
        return stratus.aws().call(session.awsKeys(), AwsService.sts(), "GetCallerIdentity",
                (sts, signedAs) -> sts.getCallerIdentity(r -> r.overrideConfiguration(signedAs))).arn();
    }

    @Test
    void expiredKeysKeepTheSessionAndRenewalPutsNewOnesIntoIt() {
        setUpAsAlice();
        UserSession session = stratus.signIn().signIn(asDeployer(TestAccounts.alice()));
        String arn = whoAmI(session);
        AwsCredentials first = session.awsKeys().use(keys -> keys);
        Instant firstExpiry = session.keysExpireAt().orElseThrow();
        assertFalse(session.keysExpireSoon());

        advance(Duration.ofMinutes(11));
        assertTrue(session.keysExpireSoon(), "front ends warn 5 minutes before");
        advance(Duration.ofMinutes(5));
        StratusException refused = refused(Problem.KEYS_EXPIRED, () -> whoAmI(session));
        assertMentions(refused, "expired", "Re-authenticate", "stay");
        assertEquals(Optional.of(KeysLapse.EXPIRED), session.keysLapse());
        assertSame(session, stratus.signIn().find(session.id()).orElseThrow(), "the session lives on");
        assertEquals(Optional.empty(), session.ended());

        AwsCredentials typed = TestAccounts.alice();
        UserSession renewed = stratus.signIn().renew(session.id(), asDeployer(typed, HOUR));

        assertSame(session, renewed, "the same session, with the same id");
        assertEquals(Optional.empty(), session.keysLapse());
        assertTrue(session.keysExpireAt().orElseThrow().isAfter(firstExpiry.plus(Duration.ofMinutes(10))));
        assertTrue(first.secretAccessKey().isCleared() && first.sessionToken().orElseThrow().isCleared(),
                "the old keys are wiped");
        assertTrue(typed.secretAccessKey().isCleared(), "the typed keys served the exchange only");
        assertEquals(arn, whoAmI(session));
        assertNotEquals(first.accessKeyId(), session.awsKeys().use(AwsCredentials::accessKeyId));
        List<AuditRecord> trail = stratus.admin().audit(signIn(TestAccounts.alice()), 20);
        assertTrue(trail.stream().anyMatch(r -> r.action().equals("keys-lapse") && r.outcome().equals("keys-expired")), trail::toString);
        assertTrue(trail.stream().anyMatch(r -> r.action().equals("renew") && r.outcome().equals("success")), trail::toString);
    }

    @Test
    void renewingBeforeTheKeysExpireEndsTheWarning() {
        setUpAsAlice();
        UserSession session = stratus.signIn().signIn(asDeployer(TestAccounts.alice()));
        advance(Duration.ofMinutes(12));
        assertTrue(session.keysExpireSoon());

        stratus.signIn().renew(session.id(), asDeployer(TestAccounts.alice(), HOUR));

        assertFalse(session.keysExpireSoon());
        advance(Duration.ofMinutes(10)); // past the first keys' expiry
        whoAmI(session);
    }

    @Test
    void keysOfAnotherIdentityAreRefusedSayingWhy() {
        setUpAsAlice();
        UserSession session = stratus.signIn().signIn(asDeployer(TestAccounts.alice()));
        advance(Duration.ofMinutes(16));

        AwsCredentials canary = TestAccounts.keys(TestAccounts.CANARY_ID, TestAccounts.CANARY_SECRET);
        StratusException sameRole = refused(Problem.FORBIDDEN, () -> stratus.signIn().renew(session.id(), asDeployer(canary)));
        assertMentions(sameRole, "assumed-role/" + TestAccounts.DEPLOYER_ROLE + "/canary", "assumed-role/"
                + TestAccounts.DEPLOYER_ROLE + "/alice", "hand one person's open work");
        assertTrue(canary.secretAccessKey().isCleared());
        StratusException user = refused(Problem.FORBIDDEN, () -> stratus.signIn().renew(session.id(),
                SignInRequest.withKeys(TestAccounts.alice())));
        assertMentions(user, "These keys belong to ", ":user/dba/alice", "whose session this is");

        assertEquals(Optional.of(KeysLapse.EXPIRED), session.keysLapse(), "still waiting for alice's keys");
        refused(Problem.KEYS_EXPIRED, () -> whoAmI(session));
    }

    @Test
    void anEndedSessionIsNotRenewedAndTimeoutsStillEndAWaitingOne() {
        setUpAsAlice();
        UserSession signedOut = stratus.signIn().signIn(asDeployer(TestAccounts.alice()));
        stratus.signIn().signOut(signedOut.id());
        AwsCredentials typed = TestAccounts.alice();
        assertMentions(refused(Problem.NOT_SIGNED_IN, () -> stratus.signIn().renew(signedOut.id(), asDeployer(typed))),
                "sign in again");
        assertTrue(typed.secretAccessKey().isCleared());

        UserSession waiting = stratus.signIn().signIn(asDeployer(TestAccounts.alice()));
        advance(Duration.ofMinutes(16));
        refused(Problem.KEYS_EXPIRED, () -> whoAmI(waiting));
        advance(Duration.ofMinutes(31)); // the default idle timeout is 30 minutes
        assertTrue(stratus.signIn().find(waiting.id()).isEmpty());
        assertEquals(Optional.of(SessionEnd.IDLE), waiting.ended());
        refused(Problem.NOT_SIGNED_IN, () -> stratus.signIn().renew(waiting.id(), asDeployer(TestAccounts.alice())));
    }

    /** AWS refusing the keys (expired without Stratus knowing when, deactivated) also waits for new keys. */
    @Test
    void keysThatAwsStopsAcceptingWaitForNewOnes() {
        setUpAsAlice();
        AwsCredentials temporary = stratus.sessionToken(TestAccounts.bob());
        UserSession session = signIn(temporary);
        simulator.faults().failNext(1, Fault.KEYS_REJECTED, "sts:GetCallerIdentity");

        StratusException e = refused(Problem.KEYS_EXPIRED, () -> whoAmI(session));
        assertMentions(e, "AWS no longer accepts the keys", "Re-authenticate");
        assertEquals(Optional.of(KeysLapse.REJECTED), session.keysLapse());
        assertTrue(stratus.signIn().find(session.id()).isPresent());
        refused(Problem.KEYS_EXPIRED, () -> whoAmI(session));

        stratus.signIn().renew(session.id(), SignInRequest.withKeys(stratus.sessionToken(TestAccounts.bob())));
        assertTrue(temporary.secretAccessKey().isCleared());
        assertEquals(Optional.empty(), session.keysLapse());
        assertTrue(whoAmI(session).endsWith(":user/bob"));
    }

    /**
     * IAM database authentication signs a token with the session's keys for every physical connection: after
     * renewal the next token is signed with the new keys, and while the keys are expired none is made.
     */
    @Test
    void databaseTokensAfterRenewalAreSignedWithTheNewKeys() {
        setUpAsAlice();
        UserSession session = stratus.signIn().signIn(asDeployer(TestAccounts.alice()));
        String before = token(session);
        advance(Duration.ofMinutes(16));
        refused(Problem.KEYS_EXPIRED, () -> token(session));

        stratus.signIn().renew(session.id(), asDeployer(TestAccounts.alice(), HOUR));

        String after = token(session);
        assertEquals(session.identity().arn(), simulator.verifyRdsAuthToken(after, "db.example", 5432, "eu-west-1", "reader"));
        String newKey = session.awsKeys().use(AwsCredentials::accessKeyId);
        assertTrue(after.contains("X-Amz-Credential=" + newKey), "signed with the renewed keys");
        assertFalse(before.contains(newKey));
    }

    private static String token(UserSession session) {
        Secret token = stratus.aws().iamToken(session.awsKeys(), "eu-west-1", IamTokenRequest.rds("db.example", 5432,
                "reader"), AWS_CLOCK.instant());
        return token.reveal();
    }
}
