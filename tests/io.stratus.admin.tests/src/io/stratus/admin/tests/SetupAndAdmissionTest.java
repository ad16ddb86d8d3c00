package io.stratus.admin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.admin.AuditRecord;
import io.stratus.core.admin.UserView;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.PrincipalType;
import io.stratus.core.session.UserSession;
import io.stratus.testing.StratusServices;
import io.stratus.testing.StratusTestBase;
import io.stratus.testing.TestAccounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** First-run setup, the account binding, and who is admitted afterwards. */
class SetupAndAdmissionTest extends StratusTestBase {

    @Test
    void setupMakesTheFirstPersonAdministratorOfTheirAccount() {
        UserSession alice = setUpAsAlice();
        assertEquals(Set.of(Permission.values()), alice.permissions());
        assertEquals(TestAccounts.ACCOUNT, alice.identity().accountId());
        List<UserView> users = stratus.admin().users(alice);
        assertEquals(1, users.size());
        assertEquals(Set.of(Role.ADMINISTRATOR.id()), users.get(0).roleIds());
        assertTrue(stratus.admin().audit(alice, 10).stream().anyMatch(a -> a.action().equals("setup")
                && a.outcome().equals("success")));
    }

    @Test
    void signInBeforeSetupSaysToRunSetup() {
        StratusException e = refused(Problem.CONFLICT, () -> signIn(TestAccounts.bob()));
        assertMentions(e, "not configured", "setup");
    }

    @Test
    void secondSetupIsRefusedAsAlreadyConfigured() {
        setUpAsAlice();
        StratusException e = refused(Problem.CONFLICT, () -> stratus.signIn().setUp(TestAccounts.bob()));
        assertMentions(e, "already configured");
    }

    @Test
    void fiftyConcurrentFirstSetupsHaveExactlyOneWinner() throws Exception {
        int people = 50;
        ExecutorService pool = Executors.newFixedThreadPool(people);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<UserSession>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < people; i++) {
                AwsCredentials keys = i % 2 == 0 ? TestAccounts.alice() : TestAccounts.bob();
                attempts.add(pool.submit(() -> {
                    start.await();
                    return stratus.signIn().setUp(keys);
                }));
            }
            start.countDown();
            List<UserSession> winners = new ArrayList<>();
            int alreadyConfigured = 0;
            for (Future<UserSession> attempt : attempts) {
                try {
                    winners.add(attempt.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    StratusException refusal = (StratusException) e.getCause();
                    assertEquals(Problem.CONFLICT, refusal.problem(), refusal.getMessage());
                    alreadyConfigured++;
                }
            }
            assertEquals(1, winners.size());
            assertEquals(people - 1, alreadyConfigured);
            List<UserView> users = stratus.admin().users(winners.get(0));
            assertEquals(1, users.size(), "only the winner became a user");
            assertEquals(Set.of(Role.ADMINISTRATOR.id()), users.get(0).roleIds());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherAccountIsRefusedAndLeavesNoTrace() {
        UserSession alice = setUpAsAlice();
        StratusException e = refused(Problem.FORBIDDEN, () -> signIn(TestAccounts.keys(TestAccounts.CAROL_ID, TestAccounts.CAROL_SECRET)));
        assertMentions(e, "another AWS account");
        assertFalse(e.getMessage().contains(TestAccounts.OTHER_ACCOUNT), "nothing about either account is told");
        assertFalse(e.getMessage().contains(TestAccounts.ACCOUNT));
        assertEquals(1, stratus.admin().users(alice).size());
        for (AuditRecord entry : stratus.admin().audit(alice, 100)) {
            assertFalse((entry.detail() + entry.actor()).contains(TestAccounts.OTHER_ACCOUNT), entry.toString());
            assertFalse(entry.detail().contains("carol"), entry.toString());
        }
    }

    @Test
    void newUsersGetTheDefaultRoleAndAreKnownFromTheirFirstSignIn() {
        UserSession alice = setUpAsAlice();
        UserSession bob = signIn(TestAccounts.bob());
        assertTrue(bob.allows(Permission.WRITE_DATA));
        assertFalse(bob.allows(Permission.MANAGE_USERS));
        stratus.admin().setDefaultRole(alice, Role.VIEWER.id());
        UserSession dave = signIn(TestAccounts.dave());
        assertEquals(Role.VIEWER.permissions(), dave.permissions());
        assertEquals(3, stratus.admin().users(alice).size());
        signIn(TestAccounts.dave());
        assertEquals(3, stratus.admin().users(alice).size(), "a second sign-in is the same user");
    }

    @Test
    void rootKeysAreRefusedAndLeaveNoTrace() {
        UserSession alice = setUpAsAlice();
        StratusException e = refused(Problem.FORBIDDEN, () -> signIn(TestAccounts.keys(TestAccounts.ROOT_ID, TestAccounts.ROOT_SECRET)));
        assertMentions(e, "root user");
        assertEquals(1, stratus.admin().users(alice).size());
        assertTrue(stratus.admin().users(alice).stream().noneMatch(u -> u.type() == PrincipalType.ROOT));
    }

    @Test
    void rootCannotSetUpEither() {
        refused(Problem.FORBIDDEN, () -> stratus.signIn().setUp(TestAccounts.keys(TestAccounts.ROOT_ID, TestAccounts.ROOT_SECRET)));
        setUpAsAlice(); // still unconfigured, so alice can
    }

    @Test
    void assumedRoleSessionsAreOneUserPerRoleWithTheSessionNameAsDetail() {
        UserSession admin = setUpAsAlice();
        UserSession monday = signIn(assumeDeployer(TestAccounts.alice(), "alice-monday"));
        UserSession tuesday = signIn(assumeDeployer(TestAccounts.alice(), "alice-tuesday"));
        assertEquals(PrincipalType.ASSUMED_ROLE, monday.identity().type());
        assertEquals(TestAccounts.DEPLOYER_ROLE, monday.identity().displayName());
        assertEquals("alice-monday", monday.identity().sessionName().orElseThrow());
        assertEquals(monday.principalId(), tuesday.principalId());
        assertTrue(monday.principalId().startsWith("AROA"));
        long roleUsers = stratus.admin().users(admin).stream().filter(u -> u.type() == PrincipalType.ASSUMED_ROLE).count();
        assertEquals(1, roleUsers);
    }

    @Test
    void recreatedIamUserInheritsNothing() {
        UserSession original = setUpAsAlice();
        String originalId = original.principalId();
        // alice is deleted and created again under the same name: IAM gives her a new unique id.
        try (TestAwsSimulator recreated = TestAwsSimulator.start(TestAccounts.seed("AIDAALICE000000SECOND"), AWS_CLOCK)) {
            stratus.useAws(recreated, Map.of("maxAttempts", 3));
            UserSession newAlice = signIn(TestAccounts.alice());
            assertFalse(newAlice.principalId().equals(originalId));
            assertEquals(Role.USER.permissions(), newAlice.permissions(), "the default role, not Administrator");
            StratusException e = refused(Problem.FORBIDDEN, () -> stratus.admin().users(newAlice));
            assertMentions(e, "Administrator");
        } finally {
            stratus.useAws(simulator, Map.of("maxAttempts", 3));
        }
    }

    @Test
    void restartOverTheSameStoreKeepsBindingUsersAndRoles() throws Exception {
        UserSession alice = setUpAsAlice();
        UserSession bob = signIn(TestAccounts.bob());
        stratus.admin().createCustomRole(alice, Role.custom("auditor", "Auditor", Set.of(Permission.READ_AUDIT)));
        stratus.admin().setRoles(alice, bob.principalId(), Set.of("auditor", Role.VIEWER.id()));

        stratus.restartStore();

        assertTrue(stratus.signIn().find(alice.id()).isEmpty(), "sessions are memory only: everybody signs in again");
        refused(Problem.CONFLICT, () -> stratus.signIn().setUp(TestAccounts.dave()));
        UserSession aliceAgain = signIn(TestAccounts.alice());
        assertTrue(aliceAgain.allows(Permission.MANAGE_USERS));
        UserSession bobAgain = signIn(TestAccounts.bob());
        assertEquals(Set.of(Permission.READ_AUDIT, Permission.EXPLORE, Permission.CONNECT), bobAgain.permissions());
        refused(Problem.FORBIDDEN, () -> signIn(TestAccounts.keys(TestAccounts.CAROL_ID, TestAccounts.CAROL_SECRET)));
    }
}
