package io.stratus.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.AwsService;
import io.stratus.aws.simulator.testing.Fault;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.admin.AuditRecord;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.session.AuthorizationProgress.State;
import io.stratus.core.session.DeviceAuthorization;
import io.stratus.core.session.IdentityCenter;
import io.stratus.core.session.IdentityCenterPortal;
import io.stratus.core.session.IdentityCenterSignIn;
import io.stratus.core.session.KeysLapse;
import io.stratus.core.session.RoleToAssume;
import io.stratus.core.session.SignInRequest;
import io.stratus.core.session.UserSession;
import io.stratus.testing.StratusServices;
import io.stratus.testing.StratusTestBase;
import io.stratus.testing.TestAccounts;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Re-authenticating a session signed in through IAM Identity Center in place: the person approves a new sign-in
 * at the same portal, the same account's same role gives new keys, and they go into the same session (open work
 * stays, the old keys are wiped, the audit trail says renew and from where); somebody else's approval is refused.
 * And roles assumed with an Identity Center role's keys, as an AWS profile on top of an sso_session profile does.
 */
class IdentityCenterRenewalTest extends StratusTestBase {

    private static final IdentityCenterPortal PORTAL = new IdentityCenterPortal(TestAccounts.SSO_START_URL,
            TestAccounts.SSO_REGION);

    private static IdentityCenter identityCenter() {
        return stratus.service(IdentityCenter.class);
    }

    private static DeviceAuthorization approvedBy(String person) {
        DeviceAuthorization started = identityCenter().start(PORTAL);
        simulator.approveUserCode(started.userCode(), person);
        StratusServices.awaitTrue("the approval seen at a poll",
                () -> identityCenter().poll(started.id()).state() == State.APPROVED);
        return started;
    }

    private static String whoAmI(UserSession session) {
        return stratus.aws().call(session.awsKeys(), AwsService.sts(), "GetCallerIdentity",
                (sts, signedAs) -> sts.getCallerIdentity(r -> r.overrideConfiguration(signedAs))).arn();
    }

    /** AWS stops accepting the session's keys: it waits for new ones. */
    private static void keysRejected(UserSession session) {
        simulator.faults().failNext(1, Fault.KEYS_REJECTED, "sts:GetCallerIdentity");
        refused(Problem.KEYS_EXPIRED, () -> whoAmI(session));
        assertEquals(Optional.of(KeysLapse.REJECTED), session.keysLapse());
    }

    @Test
    void anIdentityCenterSessionIsRenewedInPlaceWithTheSameRolesNewKeys() {
        setUpAsAlice();
        UserSession session = identityCenter().signIn(approvedBy(TestAccounts.SSO_USER).id(), TestAccounts.ACCOUNT,
                "DatabaseAdmin");
        assertEquals(Optional.of(new IdentityCenterSignIn(PORTAL, TestAccounts.ACCOUNT, "DatabaseAdmin")),
                identityCenter().signedInThrough(session.id()));
        String arn = whoAmI(session);
        AwsCredentials first = session.awsKeys().use(keys -> keys);
        keysRejected(session);
        long logouts = simulator.calls().count("sso:Logout");

        DeviceAuthorization again = approvedBy(TestAccounts.SSO_USER);
        UserSession renewed = identityCenter().renew(again.id(), session.id(), Optional.of("203.0.113.9"));

        assertSame(session, renewed, "the same session, with the same id");
        assertEquals(Optional.empty(), session.keysLapse());
        assertEquals(arn, whoAmI(session));
        assertNotEquals(first.accessKeyId(), session.awsKeys().use(AwsCredentials::accessKeyId));
        assertTrue(first.secretAccessKey().isCleared() && first.sessionToken().orElseThrow().isCleared(),
                "the old keys are wiped");
        assertTrue(session.keysExpireAt().isPresent(), "the new keys' expiry, as Identity Center gave it");
        assertEquals(logouts + 1, simulator.calls().count("sso:Logout"), "the access token is given back");
        refused(Problem.NOT_FOUND, () -> identityCenter().poll(again.id()));
        List<AuditRecord> trail = stratus.admin().audit(signIn(TestAccounts.alice()), 20);
        assertTrue(trail.stream().anyMatch(r -> r.action().equals("renew") && r.outcome().equals("success")
                && r.detail().equals(arn + " (from 203.0.113.9)")), trail::toString);
        assertEquals(Optional.of(new IdentityCenterSignIn(PORTAL, TestAccounts.ACCOUNT, "DatabaseAdmin")),
                identityCenter().signedInThrough(session.id()), "renewable again");
    }

    @Test
    void somebodyElsesApprovalIsRefusedAndTheSessionWaitsOn() {
        setUpAsAlice();
        UserSession session = identityCenter().signIn(approvedBy(TestAccounts.SSO_USER).id(), TestAccounts.ACCOUNT,
                "DatabaseAdmin");
        keysRejected(session);

        DeviceAuthorization grace = approvedBy(TestAccounts.SSO_OTHER_USER);
        StratusException refusal = refused(Problem.FORBIDDEN, () -> identityCenter().renew(grace.id(), session.id(),
                Optional.of("203.0.113.9")));

        assertMentions(refusal, "This sign-in was approved as ", "/" + TestAccounts.SSO_OTHER_USER + ", not as ",
                "/" + TestAccounts.SSO_USER, "hand one person's open work", "approve a new sign-in as "
                + TestAccounts.SSO_USER, "sign in again as " + TestAccounts.SSO_OTHER_USER);
        assertFalse(refusal.getMessage().contains("keys belong to"), "nobody typed keys: " + refusal.getMessage());
        assertEquals(Optional.of(KeysLapse.REJECTED), session.keysLapse(), "still waiting for ada's keys");
        refused(Problem.NOT_FOUND, () -> identityCenter().poll(grace.id()));
        List<AuditRecord> trail = stratus.admin().audit(signIn(TestAccounts.alice()), 20);
        assertTrue(trail.stream().anyMatch(r -> r.action().equals("renew") && r.outcome().equals("forbidden")
                && r.detail().endsWith("(from 203.0.113.9)")), trail::toString);
    }

    @Test
    void onlyLiveSessionsOfIdentityCenterAreRenewedThisWay() {
        setUpAsAlice();
        UserSession keys = signIn(TestAccounts.bob());
        assertEquals(Optional.empty(), identityCenter().signedInThrough(keys.id()));
        assertMentions(refused(Problem.CONFLICT, () -> identityCenter().renew(approvedBy(TestAccounts.SSO_USER).id(),
                keys.id(), Optional.empty())), "not signed in through IAM Identity Center");

        UserSession ended = identityCenter().signIn(approvedBy(TestAccounts.SSO_USER).id(), TestAccounts.ACCOUNT,
                "ReadOnly");
        stratus.signIn().signOut(ended.id());
        assertEquals(Optional.empty(), identityCenter().signedInThrough(ended.id()));
        DeviceAuthorization approved = approvedBy(TestAccounts.SSO_USER);
        assertMentions(refused(Problem.NOT_SIGNED_IN, () -> identityCenter().renew(approved.id(), ended.id(),
                Optional.empty())), "sign in again");
        refused(Problem.NOT_FOUND, () -> identityCenter().poll(approved.id()));
    }

    /** An AWS profile's role_arn on an sso_session profile: the role is assumed with the Identity Center role's keys. */
    @Test
    void aRoleIsAssumedWithTheKeysOfAnIdentityCenterRoleOfAnotherAccount() {
        setUpAsAlice();
        RoleToAssume onTop = new RoleToAssume(TestAccounts.FROM_IDENTITY_CENTER_ROLE_ARN, Optional.empty(),
                Optional.empty());
        SignInRequest keys = identityCenter().roleKeys(approvedBy(TestAccounts.SSO_USER).id(),
                TestAccounts.OTHER_ACCOUNT, "DatabaseAdmin");
        UserSession session = stratus.signIn().signIn(keys.assuming(onTop));

        assertTrue(session.identity().arn().startsWith("arn:aws:sts::" + TestAccounts.ACCOUNT
                + ":assumed-role/FromIdentityCenter/"), session.identity().arn());
        assertTrue(keys.keys().secretAccessKey().isCleared(), "the Identity Center role's keys served the exchange only");

        SignInRequest alone = identityCenter().roleKeys(approvedBy(TestAccounts.SSO_USER).id(),
                TestAccounts.OTHER_ACCOUNT, "DatabaseAdmin");
        assertMentions(refused(Problem.FORBIDDEN, () -> stratus.signIn().signIn(alone)), "another AWS account");
        assertTrue(alone.keys().secretAccessKey().isCleared());
    }
}
