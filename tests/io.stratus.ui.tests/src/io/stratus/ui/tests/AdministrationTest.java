package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;
import io.stratus.core.admin.UserAdministration;
import io.stratus.core.admin.UserView;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.SignInService;
import io.stratus.core.session.UserSession;
import io.stratus.ui.admin.AdminCommands;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Administration in the desktop (demo mode, after {@link SignInTest} has set the instance up with
 * ada as its only Administrator): what a non-administrator gets, granting a role, the
 * last-Administrator guard, custom roles and limits, the audit trail, and the session ending.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdministrationTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));

    private static UiRobot robot;
    private static IWorkbenchWindow window;
    private static Shell windowShell;
    private static CurrentSession session;
    private static Seed.AccessKey ada;
    private static Seed.AccessKey ben;

    @BeforeAll
    static void waitForTheWorkbenchWindow() throws Exception {
        robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
        window = DemoDesktop.awaitSetUpWindow(robot);
        windowShell = robot.onUiThread(window::getShell);
        session = robot.onUiThread(() -> window.getService(CurrentSession.class));
        ada = DemoDesktop.keyOf("ada");
        ben = DemoDesktop.keyOf("ben");
    }

    @AfterEach
    void closeDialogsLeftOpen() {
        robot.closeShellsExcept(windowShell);
    }

    @Test
    @Order(1)
    void somebodyWithoutAdministrationDoesNotGetItsCommands() {
        signIn(ben); // ben is a user from now on, with the role new users get (User)
        awaitStatus("ben");
        robot.waitUntil("the Administration menu to go and its tool items to be disabled",
                () -> robot.findMenuItem(windowShell, "Administration").isEmpty()
                        && !robot.isToolItemEnabled(windowShell, "Users and Roles")
                        && !robot.isToolItemEnabled(windowShell, "Audit Trail"));
        assertFalse(robot.isCommandEnabled(window, AdminCommands.OPEN_USERS_AND_ROLES), "nor by its key or command id");
        assertFalse(robot.isCommandEnabled(window, AdminCommands.SHOW_AUDIT));
        robot.screenshot(windowShell, SCREENSHOTS.resolve("admin-not-offered-to-users.png"));
    }

    @Test
    @Order(2)
    void anAdministratorGrantsARoleToAnotherUser() {
        signIn(ada);
        awaitStatus("ada");
        robot.waitUntil("the Administration menu and its tool items", () -> robot.findMenuItem(windowShell, "Administration").isPresent()
                && robot.isToolItemEnabled(windowShell, "Users and Roles")
                && robot.isToolItemEnabled(windowShell, "Audit Trail"));
        assertTrue(robot.isMenuEnabled(windowShell, "Administration", "Users and Roles"));
        robot.awaitCompletion("Administration > Users and Roles",
                robot.clickMenu(windowShell, "Administration", "Users and Roles"));
        Table users = control(Table.class, AdminCommands.USERS_TABLE);
        robot.waitUntil("ben in the users table", () -> rowOf(users, "ben") != null);
        assertEquals("User", robot.rowsOf(users).stream().filter(row -> row.get(0).equals("ben")).findFirst().orElseThrow().get(2));

        robot.selectRow(users, "ben");
        Table roles = control(Table.class, AdminCommands.USER_ROLES_LIST);
        robot.check(roles, "Viewer", true);
        press("Save Roles");
        robot.waitUntil("ben's roles to read User, Viewer", () -> "User, Viewer".equals(rowOf(users, "ben")[2]));
        assertEquals(Set.of("user", "viewer"), userNamed("ben").roleIds(), "the service holds the grant");
        robot.screenshot(windowShell, SCREENSHOTS.resolve("admin-role-granted.png"));
    }

    @Test
    @Order(3)
    void theLastAdministratorCannotRevokeTheirOwnAdministration() {
        Table users = control(Table.class, AdminCommands.USERS_TABLE);
        robot.selectRow(users, "ada");
        Table roles = control(Table.class, AdminCommands.USER_ROLES_LIST);
        robot.check(roles, "Administrator", false);
        robot.check(roles, "User", true);
        press("Save Roles");

        Shell refusal = robot.waitForShell("Not Changed");
        robot.waitForControlShowing(refusal, "ada is the only Administrator");
        robot.screenshotOfDisplay(SCREENSHOTS.resolve("admin-last-administrator-refused.png"));
        press(refusal, "OK");
        // Nothing half-changed: the check list shows what the service holds again.
        robot.waitUntil("ada's roles to show Administrator again", () -> roles.getItem(0).getChecked()
                && !Arrays.stream(roles.getItems()).filter(item -> item.getText().equals("User")).findFirst().orElseThrow().getChecked());
        assertEquals(Set.of("administrator"), userNamed("ada").roleIds());
    }

    @Test
    @Order(4)
    void customRolesGetPermissionsAndDatabaseLimitsAndNewUsersTheirRole() {
        robot.selectTab(control(TabFolder.class, AdminCommands.EDITOR_TABS), "Roles");
        press("New Role");
        robot.type(control(Text.class, AdminCommands.ROLE_ID_FIELD), "auditor");
        robot.type(control(Text.class, AdminCommands.ROLE_NAME_FIELD), "Auditor");
        Table permissions = control(Table.class, AdminCommands.ROLE_PERMISSIONS_LIST);
        assertTrue(robot.rowsOf(permissions).contains(List.of(Permission.READ_AUDIT.id(), Permission.READ_AUDIT.description())),
                "each permission with its description: " + robot.rowsOf(permissions));
        robot.check(permissions, Permission.READ_AUDIT.id(), true);
        robot.check(permissions, Permission.CONNECT.id(), true);
        press("Save Role");
        Table roles = control(Table.class, AdminCommands.ROLES_TABLE);
        robot.waitUntil("the role Auditor in the roles table", () -> rowOf(roles, "Auditor") != null);
        assertEquals("connect, read-audit", rowOf(roles, "Auditor")[3]);

        robot.type(control(Text.class, AdminCommands.DATABASE_LIMITS_FIELD),
                "arn:aws:rds:*:*:db:reporting-*\narn:aws:rds:eu-west-1:111122223333:db:audit\n");
        press("Save Database Limits");
        robot.waitUntil("the Auditor's limits in the roles table",
                () -> "arn:aws:rds:*:*:db:reporting-*, arn:aws:rds:eu-west-1:111122223333:db:audit".equals(rowOf(roles, "Auditor")[4]));
        assertEquals(List.of("arn:aws:rds:*:*:db:reporting-*", "arn:aws:rds:eu-west-1:111122223333:db:audit"),
                administration().databaseLimits(adaSession()).get("auditor"));
        assertEquals(Role.custom("auditor", "Auditor", Set.of(Permission.READ_AUDIT, Permission.CONNECT)),
                administration().roles(adaSession()).stream().filter(role -> role.id().equals("auditor")).findFirst().orElseThrow());
        robot.screenshot(windowShell, SCREENSHOTS.resolve("admin-custom-role.png"));

        robot.selectTab(control(TabFolder.class, AdminCommands.EDITOR_TABS), "Users");
        robot.choose(control(Combo.class, AdminCommands.DEFAULT_ROLE_CHOICE), "Viewer");
        press("Save Role of New Users");
        robot.waitUntil("the service to give new users Viewer", () -> "viewer".equals(administration().defaultRole(adaSession())));
    }

    @Test
    @Order(5)
    void theAuditTrailShowsTheChangesFiltersThemAndExportsThemAsCsv() throws IOException {
        robot.awaitCompletion("Administration > Audit Trail", robot.clickMenu(windowShell, "Administration", "Audit Trail"));
        Table trail = control(Table.class, AdminCommands.AUDIT_TABLE);
        robot.waitUntil("the grant to ben in the audit trail", () -> robot.rowsOf(trail).stream()
                .anyMatch(row -> row.get(2).equals("grant") && row.get(4).startsWith("viewer to ben")));
        List<String> actions = robot.rowsOf(trail).stream().map(row -> row.get(2)).distinct().toList();
        assertTrue(actions.containsAll(List.of("grant", "save-role", "limit-databases", "default-role", "sign-in")), actions.toString());

        robot.choose(control(Combo.class, AdminCommands.AUDIT_WHAT_CHOICE), "grant");
        robot.type(control(Text.class, AdminCommands.AUDIT_WHO_FIELD), "ada");
        robot.choose(control(Combo.class, AdminCommands.AUDIT_WHEN_CHOICE), "Last hour");
        List<List<String>> grants = robot.rowsOf(trail);
        assertEquals(1, grants.size(), "ada granted one role once (the refused change left no entry): " + grants);
        assertTrue(grants.getFirst().get(1).startsWith("ada ("), grants.toString());
        robot.screenshot(windowShell, SCREENSHOTS.resolve("admin-audit-filtered.png"));

        robot.type(control(Text.class, AdminCommands.AUDIT_WHO_FIELD), "ben");
        assertEquals(List.of(), robot.rowsOf(trail), "ben granted nothing");

        robot.type(control(Text.class, AdminCommands.AUDIT_WHO_FIELD), "");
        robot.choose(control(Combo.class, AdminCommands.AUDIT_WHAT_CHOICE), "limit-databases");
        Path csv = Path.of(System.getProperty("stratus.screenshots", "target/screenshots")).resolveSibling("audit.csv");
        robot.awaitCompletion("Export to CSV", robot.executeCommand(window, AdminCommands.EXPORT_AUDIT,
                Map.of(AdminCommands.EXPORT_FILE, csv.toString())));
        robot.waitForControlShowing(windowShell, "Exported 1 entry to " + csv);
        List<String> lines = List.of(Files.readString(csv, StandardCharsets.UTF_8).split("\r\n", -1));
        assertEquals("when,principal_id,name,action,outcome,detail", lines.getFirst());
        assertTrue(lines.get(1).endsWith(",ada,limit-databases,success,"
                + "\"auditor = arn:aws:rds:*:*:db:reporting-*,arn:aws:rds:eu-west-1:111122223333:db:audit\""),
                "a field with commas is quoted: " + lines.get(1));
        assertEquals(List.of(""), lines.subList(2, lines.size()), "one entry, each line ends in CRLF");
    }

    @Test
    @Order(6)
    void whenTheSessionEndsTheEditorTurnsReadOnlyAndItClosesForSomebodyWhoMayNotListUsers() {
        robot.runOnUiThread(() -> window.getActivePage().activate(usersAndRolesEditor()));
        robot.selectTab(control(TabFolder.class, AdminCommands.EDITOR_TABS), "Users");
        session.signOut();
        robot.waitForControlShowing(windowShell, "Session ended: read-only");
        Table users = control(Table.class, AdminCommands.USERS_TABLE);
        robot.selectRow(users, "ben");
        assertFalse(robot.onUiThread(control(Table.class, AdminCommands.USER_ROLES_LIST)::isEnabled));
        assertFalse(robot.onUiThread(robot.waitForControlWithText(windowShell, Button.class, "Refresh")::isEnabled));
        robot.screenshot(windowShell, SCREENSHOTS.resolve("admin-read-only-after-sign-out.png"));

        signIn(ben);
        robot.waitUntil("the Users and Roles editor to close", () -> usersAndRolesEditor() == null);
        Table trail = control(Table.class, AdminCommands.AUDIT_TABLE);
        robot.waitUntil("the audit trail to empty", () -> trail.getItemCount() == 0);
        robot.waitForControlShowing(windowShell, "ben may not read the audit trail");
        session.signOut();
    }

    @Test
    @Order(7)
    void aGrantMadeElsewhereReachesTheStatusLineAndTheCommandsAtOnce() {
        signIn(ben);
        awaitStatus("ben");
        SignInService signIn = service(SignInService.class);
        UserSession adaElsewhere = signIn.signIn(new AwsCredentials(ada.id(), Secret.of(ada.secret()), null));
        try {
            String benId = administration().users(adaElsewhere).stream().filter(user -> user.displayName().equals("ben"))
                    .findFirst().orElseThrow().principalId();
            administration().setRoles(adaElsewhere, benId, Set.of("user", "administrator"));
            awaitStatus("Administrator");
            robot.waitUntil("the Administration menu and its tool items for ben",
                    () -> robot.findMenuItem(windowShell, "Administration").isPresent()
                            && robot.isToolItemEnabled(windowShell, "Users and Roles"));
            robot.screenshot(windowShell, SCREENSHOTS.resolve("admin-granted-while-signed-in.png"));

            administration().setRoles(adaElsewhere, benId, Set.of("user"));
            robot.waitUntil("the Administration menu to go again", () -> robot.findMenuItem(windowShell, "Administration").isEmpty()
                    && !robot.isToolItemEnabled(windowShell, "Users and Roles"));
            assertFalse(robot.onUiThread(() -> control(org.eclipse.swt.custom.CLabel.class, "io.stratus.ui.session.status")
                    .getText().contains("Administrator")), "the status line names ben's roles as they are");
        } finally {
            signIn.signOut(adaElsewhere.id());
            session.signOut();
        }
    }

    private static void awaitStatus(String part) {
        org.eclipse.swt.custom.CLabel status = control(org.eclipse.swt.custom.CLabel.class, "io.stratus.ui.session.status");
        robot.waitUntil("the status line to show '" + part + "'", () -> status.getText().contains(part));
    }

    /** Signs in through the session service (the sign-in dialog has tests of its own), replacing whoever was. */
    private static void signIn(Seed.AccessKey key) {
        try {
            session.signIn(new AwsCredentials(key.id(), Secret.of(key.secret()), null)).get(UI_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("Signing in with " + key.id() + " failed", e);
        }
    }

    private static IEditorPart usersAndRolesEditor() {
        return Arrays.stream(window.getActivePage().getEditorReferences())
                .filter(ref -> ref.getId().equals(AdminCommands.USERS_AND_ROLES_EDITOR))
                .map(ref -> ref.getEditor(true)).findFirst().orElse(null);
    }

    /** A control of the administration's parts, by its data key (they are unique in the window). */
    private static <T extends Control> T control(Class<T> type, String dataKey) {
        return robot.waitForControlWithData(windowShell, type, dataKey);
    }

    private static String[] rowOf(Table table, String first) {
        return robot.rowsOf(table).stream().filter(row -> row.get(0).equals(first)).findFirst()
                .map(row -> row.toArray(String[]::new)).orElse(null);
    }

    private static void press(Shell shell, String button) {
        robot.click(robot.waitForControlWithText(shell, Button.class, button));
    }

    private static void press(String button) {
        press(windowShell, button);
    }

    private static UserView userNamed(String name) {
        return administration().users(adaSession()).stream().filter(user -> user.displayName().equals(name)).findFirst().orElseThrow();
    }

    private static UserSession adaSession() {
        return session.signedIn().orElseThrow().session();
    }

    private static UserAdministration administration() {
        return service(UserAdministration.class);
    }

    private static <T> T service(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(AdministrationTest.class).getBundleContext(), type, null);
        tracker.open();
        try {
            return tracker.getService();
        } finally {
            tracker.close();
        }
    }
}
