package io.stratus.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.PrincipalType;
import io.stratus.core.session.AuthorizationProgress;
import io.stratus.core.session.AuthorizationProgress.State;
import io.stratus.core.session.DeviceAuthorization;
import io.stratus.core.session.IdentityCenter;
import io.stratus.core.session.IdentityCenterPortal;
import io.stratus.core.session.IdentityCenterRole;
import io.stratus.core.session.UserSession;
import io.stratus.testing.StratusServices;
import io.stratus.testing.StratusTestBase;
import io.stratus.testing.TestAccounts;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Signing in through IAM Identity Center against the simulator's SSO OIDC and access portal: the
 * device flow's states as the person sees them, the roles a bound instance offers and accepts, and
 * what each failure says.
 */
class IdentityCenterSignInTest extends StratusTestBase {

    private static final IdentityCenterPortal PORTAL = new IdentityCenterPortal(TestAccounts.SSO_START_URL,
            TestAccounts.SSO_REGION);
    private static final String OWN_ROLES = "AWSReservedSSO_(DatabaseAdmin|ReadOnly)_[0-9a-f]{16}";

    private static IdentityCenter identityCenter() {
        return stratus.service(IdentityCenter.class);
    }

    @Test
    void setUpThroughIdentityCenterBindsTheAccountOfTheChosenRoleWithKeysThatExpireWhenItSays() {
        DeviceAuthorization started = identityCenter().start(PORTAL);
        assertTrue(started.userCode().matches("[A-Z]{4}-[A-Z]{4}"), started.userCode());
        assertEquals(simulator.endpoint() + "/device?user_code=" + started.userCode(),
                started.verificationUriComplete().toString());
        AuthorizationProgress pending = identityCenter().poll(started.id());
        assertEquals(State.PENDING, pending.state());
        assertTrue(pending.message().contains(started.userCode()), pending.message());
        refused(Problem.CONFLICT, () -> identityCenter().roles(started.id()));

        approve(started);
        // Not bound yet: every role the person has, in every account, is offered.
        assertEquals(List.of(TestAccounts.ACCOUNT + "/DatabaseAdmin", TestAccounts.ACCOUNT + "/ReadOnly",
                TestAccounts.OTHER_ACCOUNT + "/DatabaseAdmin"), names(identityCenter().roles(started.id())));
        Instant before = Instant.now();
        UserSession session = identityCenter().setUp(started.id(), TestAccounts.ACCOUNT, "DatabaseAdmin");

        assertEquals(PrincipalType.ASSUMED_ROLE, session.identity().type());
        assertTrue(session.identity().arn().matches("arn:aws:sts::" + TestAccounts.ACCOUNT
                + ":assumed-role/AWSReservedSSO_DatabaseAdmin_[0-9a-f]{16}/" + TestAccounts.SSO_USER), session.identity().arn());
        Instant expiry = session.keysExpireAt().orElseThrow();
        assertTrue(Duration.between(before, expiry).compareTo(Duration.ofMinutes(55)) > 0
                && Duration.between(before, expiry).compareTo(Duration.ofMinutes(65)) < 0, expiry.toString());
        assertEquals(1, simulator.calls().count("sso:Logout"), "the access token is given back once signed in");
        assertMentions(refused(Problem.NOT_FOUND, () -> identityCenter().poll(started.id())), "Start it again");
    }

    @Test
    void aBoundInstanceOffersAndAcceptsOnlyTheRolesOfItsAccount() {
        setUpAsAlice();
        DeviceAuthorization started = identityCenter().start(PORTAL);
        approve(started);
        List<IdentityCenterRole> roles = identityCenter().roles(started.id());
        assertEquals(List.of(TestAccounts.ACCOUNT + "/DatabaseAdmin", TestAccounts.ACCOUNT + "/ReadOnly"), names(roles));
        assertEquals(TestAccounts.ALIAS, roles.getFirst().accountName());

        StratusException foreign = refused(Problem.FORBIDDEN,
                () -> identityCenter().signIn(started.id(), TestAccounts.OTHER_ACCOUNT, "DatabaseAdmin"));
        assertMentions(foreign, TestAccounts.OTHER_ACCOUNT, "bound");
        assertEquals(0, simulator.calls().count("sso:GetRoleCredentials"), "refused before asking for its keys");
        StratusException notGiven = refused(Problem.FORBIDDEN,
                () -> identityCenter().signIn(started.id(), TestAccounts.ACCOUNT, "Administrator"));
        assertMentions(notGiven, "does not give you the role Administrator");

        UserSession session = identityCenter().signIn(started.id(), TestAccounts.ACCOUNT, "ReadOnly");
        assertTrue(session.identity().arn().matches(".*:assumed-role/" + OWN_ROLES + "/" + TestAccounts.SSO_USER),
                session.identity().arn());
        assertEquals("ReadOnly", session.identity().arn().replaceAll(".*AWSReservedSSO_([A-Za-z]+)_.*", "$1"));
    }

    @Test
    void anExpiredCodeEndsTheSignInWithAMessageThatSaysWhatToDo() {
        DeviceAuthorization started = identityCenter().start(PORTAL);
        simulator.faults().clockOffset(Duration.ofMinutes(11));
        AuthorizationProgress expired = identityCenter().poll(started.id());
        assertEquals(State.EXPIRED, expired.state());
        assertMentions(new StratusException(Problem.INVALID_INPUT, expired.message()), started.userCode(), "expired",
                "Start the IAM Identity Center sign-in again");
        refused(Problem.NOT_FOUND, () -> identityCenter().poll(started.id()));
    }

    @Test
    void aDeniedRequestEndsTheSignIn() {
        DeviceAuthorization started = identityCenter().start(PORTAL);
        simulator.denyUserCode(started.userCode());
        AuthorizationProgress denied = identityCenter().poll(started.id());
        assertEquals(State.DENIED, denied.state());
        assertTrue(denied.message().contains("denied"), denied.message());
        refused(Problem.NOT_FOUND, () -> identityCenter().signIn(started.id(), TestAccounts.ACCOUNT, "ReadOnly"));
    }

    @Test
    void pollingTooFastAsksAwsOnlyAtTheIntervalAndSlowsDownWhenAwsAsks() throws InterruptedException {
        DeviceAuthorization started = identityCenter().start(PORTAL);
        assertEquals(Duration.ofSeconds(1), started.interval());
        for (int i = 0; i < 5; i++) {
            assertEquals(State.PENDING, identityCenter().poll(started.id()).state());
        }
        assertEquals(1, simulator.calls().count("sso-oauth:CreateToken"), "asked once within the interval");

        // The simulator's clock stands still: a second ask a second later is too soon for it.
        Thread.sleep(1_100);
        AuthorizationProgress slower = identityCenter().poll(started.id());
        assertEquals(State.PENDING, slower.state());
        assertEquals(Duration.ofSeconds(6), slower.interval());
        assertTrue(slower.message().contains("ask less often"), slower.message());
    }

    @Test
    void anUnknownStartUrlAndAnUnreachableIdentityCenterSaySo() throws Exception {
        StratusException unknown = refused(Problem.INVALID_INPUT, () -> identityCenter().start(
                new IdentityCenterPortal("https://d-0000000000.awsapps.com/start", TestAccounts.SSO_REGION)));
        assertMentions(unknown, "does not know the start URL", "region");
        refused(Problem.INVALID_INPUT, () -> new IdentityCenterPortal("d-123.awsapps.com/start", "eu-west-1"));

        URI dead = deadEndpoint();
        stratus.useAws(simulator, Map.of("serviceEndpoints", new String[] {"sso-oidc=" + dead}));
        try {
            StratusServices.awaitTrue("Identity Center calls go to " + dead, () -> {
                try {
                    identityCenter().start(PORTAL);
                    return false;
                } catch (StratusException e) {
                    return e.problem() == Problem.REMOTE_UNREACHABLE;
                }
            });
            StratusException unreachable = refused(Problem.REMOTE_UNREACHABLE, () -> identityCenter().start(PORTAL));
            assertMentions(unreachable, "cannot reach IAM Identity Center in " + TestAccounts.SSO_REGION,
                    TestAccounts.SSO_START_URL);
        } finally {
            stratus.useAws(simulator, Map.of("maxAttempts", 3));
            StratusServices.awaitTrue("Identity Center calls go to the simulator again",
                    () -> stratus.aws().settings().endpointFor("sso-oidc").equals(Optional.of(simulator.endpoint())));
        }
    }

    @Test
    void cancellingEndsTheSignIn() {
        DeviceAuthorization started = identityCenter().start(PORTAL);
        approve(started);
        identityCenter().cancel(started.id());
        refused(Problem.NOT_FOUND, () -> identityCenter().roles(started.id()));
        assertEquals(1, simulator.calls().count("sso:Logout"));
    }

    /** The person approves at the verification page; Stratus sees it at its next poll. */
    static void approve(DeviceAuthorization started) {
        simulator.approveUserCode(started.userCode(), TestAccounts.SSO_USER);
        StratusServices.awaitTrue("the approval seen at a poll",
                () -> identityCenter().poll(started.id()).state() == State.APPROVED);
    }

    private static List<String> names(List<IdentityCenterRole> roles) {
        return roles.stream().map(role -> role.accountId() + "/" + role.roleName()).toList();
    }
}
