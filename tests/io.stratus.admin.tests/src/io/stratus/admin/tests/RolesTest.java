package io.stratus.admin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.admin.AdminConfiguration;
import io.stratus.core.admin.AuditRecord;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;
import io.stratus.core.session.UserSession;
import io.stratus.testing.StratusTestBase;
import io.stratus.testing.TestAccounts;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Roles and grants: taking effect at once, never leaving the instance without an Administrator. */
class RolesTest extends StratusTestBase {

    @Test
    void grantAndRevokeReachALiveSessionAtOnce() {
        UserSession alice = setUpAsAlice();
        UserSession bob = signIn(TestAccounts.bob());
        assertTrue(bob.allows(Permission.WRITE_DATA));

        stratus.admin().setRoles(alice, bob.principalId(), Set.of(Role.VIEWER.id()));
        assertFalse(bob.allows(Permission.WRITE_DATA), "the same session, without signing in again");
        refused(Problem.FORBIDDEN, () -> stratus.admin().users(bob));

        stratus.admin().setRoles(alice, bob.principalId(), Set.of(Role.ADMINISTRATOR.id()));
        assertEquals(2, stratus.admin().users(bob).size(), "bob administers now");

        List<AuditRecord> audit = stratus.admin().audit(alice, 10);
        assertTrue(audit.stream().anyMatch(a -> a.action().equals("grant") && a.detail().startsWith("administrator to bob")
                && alice.principalId().equals(a.actor())), audit.toString());
        assertTrue(audit.stream().anyMatch(a -> a.action().equals("revoke") && a.detail().startsWith("user from bob")));
    }

    @Test
    void eachServiceCallNeedsThePermissionItsActionDeclares() {
        UserSession alice = setUpAsAlice();
        UserSession bob = signIn(TestAccounts.bob());
        stratus.admin().createCustomRole(alice, Role.custom("role-editor", "Role editor", Set.of(Permission.MANAGE_ROLES)));
        stratus.admin().setRoles(alice, bob.principalId(), Set.of("role-editor"));

        assertTrue(bob.may(Action.EDIT_ROLES));
        stratus.admin().createCustomRole(bob, Role.custom("reader", "Reader", Set.of(Permission.CONNECT)));
        assertFalse(bob.may(Action.LIST_USERS));
        StratusException e = refused(Problem.FORBIDDEN, () -> stratus.admin().users(bob));
        assertMentions(e, Action.LIST_USERS.description(), "'" + Action.LIST_USERS.permission().id() + "'");
    }

    @Test
    void theConfiguredRoleOfNewUsersAppliesUntilAnAdministratorChooses() {
        useDefaultRole("viewer");
        try {
            UserSession alice = setUpAsAlice();
            assertEquals(Set.of(Role.VIEWER.id()), roles(alice, signIn(TestAccounts.bob())));
            stratus.admin().setDefaultRole(alice, Role.USER.id());
            assertEquals(Set.of(Role.USER.id()), roles(alice, signIn(TestAccounts.dave())), "the Administrator's choice wins");
        } finally {
            useDefaultRole("user");
        }
    }

    private static void useDefaultRole(String role) {
        stratus.configure(AdminConfiguration.PID, new java.util.Hashtable<>(java.util.Map.of(AdminConfiguration.DEFAULT_ROLE, role)));
        stratus.awaitServiceProperty(io.stratus.core.admin.UserAdministration.class, "defaultRole", role);
    }

    private static Set<String> roles(UserSession admin, UserSession user) {
        return stratus.admin().users(admin).stream().filter(u -> u.principalId().equals(user.principalId()))
                .findFirst().orElseThrow().roleIds();
    }

    @Test
    void theLastAdministratorCannotBeDemoted() {
        UserSession alice = setUpAsAlice();
        UserSession bob = signIn(TestAccounts.bob());
        StratusException e = refused(Problem.CONFLICT,
                () -> stratus.admin().setRoles(alice, alice.principalId(), Set.of(Role.USER.id())));
        assertMentions(e, "only Administrator");
        assertTrue(alice.allows(Permission.MANAGE_USERS), "nothing changed");

        stratus.admin().setRoles(alice, bob.principalId(), Set.of(Role.ADMINISTRATOR.id()));
        stratus.admin().setRoles(alice, alice.principalId(), Set.of(Role.USER.id()));
        assertFalse(alice.allows(Permission.MANAGE_USERS));
        refused(Problem.CONFLICT, () -> stratus.admin().setRoles(bob, bob.principalId(), Set.of()));
    }

    @Test
    void customRolesAreNamedSetsOfPermissions() {
        UserSession alice = setUpAsAlice();
        UserSession bob = signIn(TestAccounts.bob());
        stratus.admin().createCustomRole(alice, Role.custom("auditor", "Auditor", Set.of(Permission.READ_AUDIT)));
        stratus.admin().setRoles(alice, bob.principalId(), Set.of("auditor"));
        assertEquals(Set.of(Permission.READ_AUDIT), bob.permissions());
        assertFalse(stratus.admin().audit(bob, 5).isEmpty());

        stratus.admin().changeCustomRole(alice, Role.custom("auditor", "Auditor", Set.of(Permission.READ_AUDIT, Permission.EXPLORE)));
        assertEquals(Set.of(Permission.READ_AUDIT, Permission.EXPLORE), bob.permissions(), "a changed role changes its holders");
        refused(Problem.CONFLICT, () -> stratus.admin().createCustomRole(alice, Role.custom("auditor", "Other", Set.of())));
        assertEquals(Set.of(Permission.READ_AUDIT, Permission.EXPLORE), bob.permissions(), "creating it again changed nothing");
        refused(Problem.NOT_FOUND, () -> stratus.admin().changeCustomRole(alice, Role.custom("analyst", "Analyst", Set.of())));
        refused(Problem.INVALID_INPUT, () -> stratus.admin().audit(alice, 0));
        refused(Problem.INVALID_INPUT, () -> stratus.admin().audit(alice, 1_001));

        stratus.admin().setDefaultRole(alice, "auditor");
        stratus.admin().deleteCustomRole(alice, "auditor");
        assertEquals(Set.of(), bob.permissions());
        assertEquals(Role.USER.id(), stratus.admin().defaultRole(alice), "the default falls back to User");
    }

    @Test
    void builtInRolesCannotBeChangedAndUnknownOnesAreNamed() {
        UserSession alice = setUpAsAlice();
        UserSession bob = signIn(TestAccounts.bob());
        refused(Problem.CONFLICT, () -> stratus.admin().createCustomRole(alice,
                Role.custom("viewer", "Viewer", Set.of(Permission.WRITE_DATA))));
        StratusException e = refused(Problem.INVALID_INPUT,
                () -> stratus.admin().setRoles(alice, bob.principalId(), Set.of("superuser")));
        assertMentions(e, "superuser", "administrator, user, viewer");
        refused(Problem.NOT_FOUND, () -> stratus.admin().setRoles(alice, "AIDANOBODY", Set.of(Role.USER.id())));
    }

    @Test
    void onlyAdministratorsAdminister() {
        setUpAsAlice();
        UserSession bob = signIn(TestAccounts.bob());
        StratusException e = refused(Problem.FORBIDDEN, () -> stratus.admin().setRoles(bob, bob.principalId(),
                Set.of(Role.ADMINISTRATOR.id())));
        assertMentions(e, "roles do not allow", "grant and revoke roles");
        refused(Problem.FORBIDDEN, () -> stratus.admin().audit(bob, 10));
        refused(Problem.FORBIDDEN, () -> stratus.admin().setDefaultRole(bob, Role.ADMINISTRATOR.id()));
        refused(Problem.FORBIDDEN, () -> stratus.admin().createCustomRole(bob, Role.custom("x1", "X", Set.of())));
    }
}
