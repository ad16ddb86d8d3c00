package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.LoginMethod;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.UserSession;
import io.stratus.ui.explorer.internal.ConnectDialog;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.testkit.TreeRobot;
import io.stratus.ui.testkit.UiRobot;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The connect dialog offers the login methods the database's engine takes and shows only the chosen one's fields
 * (switching the method shows its own, and the dialog fits them: no gap, nothing cut off),
 * on the demo account whose {@code orders} and Redshift {@code warehouse} are real PostgreSQL
 * servers ({@link LocalDatabases#asDemoAccount}): {@code orders} opens in the SQL editor with a
 * Secrets Manager secret chosen from those offered; {@code warehouse} logs in with the credentials
 * Redshift issues for ada's IAM identity, and for a database user with groups, which the AWS
 * simulator checks at login (the PostgreSQL then refuses the Redshift driver's own startup
 * parameter, past the login); Aurora DSQL's dialog has no password field. No issued password or
 * secret value is written anywhere.
 */
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseLoginsTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));
    private static final Predicate<TreeItem> ACCOUNT = item -> item.getText().contains("AWS account");
    /** The demo seed's reporting login of orders, in the secret {@code shop/orders-reader}. */
    private static final String REPORTING_PASSWORD = "demo-reporting-password";

    private static UiRobot robot;
    private static TreeRobot trees;
    private static IWorkbenchWindow window;
    private static Shell windowShell;
    private static CurrentSession session;
    private static Tree explorer;
    private static LocalDatabases local;
    private static LocalDatabases.Database orders;
    private static LocalDatabases.Database warehouse;
    private static List<LocalDatabases.CheckedRedshiftLogin> redshiftLogins;

    @BeforeAll
    static void pointTheDesktopAtRealDatabases() throws Exception {
        robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
        trees = new TreeRobot(robot);
        window = DemoDesktop.awaitSetUpWindow(robot);
        windowShell = robot.onUiThread(window::getShell);
        session = robot.onUiThread(() -> window.getService(CurrentSession.class));
        explorer = DemoDesktop.showExplorer(robot, window);
        local = LocalDatabases.start();
        orders = local.postgres(List.of("CREATE TABLE items (name text PRIMARY KEY)", "INSERT INTO items VALUES ('apple')",
                "CREATE ROLE reporting LOGIN PASSWORD '" + REPORTING_PASSWORD + "'", "GRANT SELECT ON items TO reporting"));
        warehouse = local.postgres(List.of("CREATE ROLE \"IAM:ada\" LOGIN", "CREATE ROLE \"IAM:analyst\" LOGIN"));
        local.asDemoAccount(orders, Optional.of(warehouse));
        signInOnTheLocalAccount();
        redshiftLogins = local.redshiftLogins(warehouse, discovered("warehouse").id(), "IAM:ada", "IAM:analyst");
    }

    @AfterAll
    static void putTheDesktopBack() throws Exception {
        if (robot != null) {
            robot.closeShellsExcept(windowShell);
        }
        if (local != null) {
            local.close();
        }
    }

    @AfterEach
    void closeDialogsLeftOpen() {
        robot.closeShellsExcept(windowShell);
    }

    @Test
    @Order(1)
    void aDatabaseOpensWithASecretChosenFromThoseOffered() {
        CompletableFuture<Void> closed = trees.doubleClick(trees.waitForItem(explorer, ACCOUNT, "RDS and Aurora", "eu-west-1",
                "orders"));
        Shell dialog = robot.waitForShell("Connect to orders");
        assertTrue(shows(dialog, Text.class, ConnectDialog.USER) && shows(dialog, Text.class, ConnectDialog.PASSWORD),
                "a password login first");
        assertFalse(shows(dialog, Combo.class, ConnectDialog.SECRET_CHOICE), "the secret shows once chosen");
        robot.screenshot(dialog, SCREENSHOTS.resolve("connect-password.png"));
        robot.check(robot.waitForControlWithData(dialog, Button.class, ConnectDialog.methodKey(LoginMethod.SECRET)), true);
        Combo secrets = robot.waitForControlWithData(dialog, Combo.class, ConnectDialog.SECRET_CHOICE);
        robot.waitUntil("the secrets of orders to be offered", () -> secrets.getItemCount() == 2);
        assertEquals(List.of("rds!db-orders (managed by RDS)", "shop/orders-reader"), List.of(robot.onUiThread(secrets::getItems)),
                "the database's own secrets, the webhook token not");
        assertTrue(shows(dialog, Combo.class, ConnectDialog.SECRET_CHOICE));
        assertFalse(shows(dialog, Text.class, ConnectDialog.PASSWORD), "the secret holds the password");
        assertFalse(shows(dialog, Text.class, ConnectDialog.USER), "and the user");
        robot.choose(secrets, "shop/orders-reader");
        robot.screenshot(dialog, SCREENSHOTS.resolve("connect-secret.png"));
        robot.click(robot.waitForControlWithText(dialog, Button.class, ConnectDialog.OPEN_LABEL));
        robot.waitUntil("the connect dialog to close once the editor opened", dialog::isDisposed);
        robot.awaitCompletion("the connect dialog of orders", closed);
        OpenDatabase opened = robot.waitFor("orders open with the secret", () -> databases().list(ada()).stream()
                .filter(open -> open.login().method() == LoginMethod.SECRET).findFirst());
        assertTrue(opened.username().contains(":secret:shop/orders-reader-"), opened.username());
        robot.screenshot(windowShell, SCREENSHOTS.resolve("connect-secret-opened.png"));
        robot.runOnUiThread(() -> window.getActivePage().closeAllEditors(false));
    }

    @Test
    @Order(2)
    void aRedshiftClusterLogsInWithCredentialsIssuedForTheIamIdentityOrANamedUser() {
        Shell dialog = connectDialog("Redshift", "warehouse");
        assertTrue(robot.findControlWithData(dialog, Button.class, ConnectDialog.methodKey(LoginMethod.IAM_TOKEN)).isEmpty(),
                "Redshift takes no RDS IAM token");
        assertEquals(List.of(ConnectDialog.USER, ConnectDialog.PASSWORD, ConnectDialog.DATABASE), shown(dialog),
                "a password login first, with nothing of the other methods");
        int withPassword = fitsItsFields(dialog);
        robot.screenshot(dialog, SCREENSHOTS.resolve("connect-redshift-password.png"));

        robot.check(robot.waitForControlWithData(dialog, Button.class,
                ConnectDialog.methodKey(LoginMethod.ISSUED_FOR_IDENTITY)), true);
        assertEquals(List.of(ConnectDialog.DATABASE), shown(dialog), "Redshift names the user after the IAM identity");
        robot.waitForControlShowing(dialog, "names the database user after it");
        fitsItsFields(dialog); // no gap where the user and password were
        robot.screenshot(dialog, SCREENSHOTS.resolve("connect-redshift-iam.png"));
        int before = redshiftLogins.size();
        robot.click(robot.waitForControlWithText(dialog, Button.class, ConnectDialog.TEST_LABEL));
        robot.waitForControlShowing(dialog, "driver_version"); // past the login: PostgreSQL is no Redshift
        assertEquals("IAM:ada", redshiftLogins.get(before).dbUser());
        assertTrue(redshiftLogins.get(before).issued(), "GetClusterCredentialsWithIAM issued the password it logged in with");
        robot.screenshot(dialog, SCREENSHOTS.resolve("connect-redshift-iam-tested.png"));

        robot.check(robot.waitForControlWithData(dialog, Button.class, ConnectDialog.methodKey(LoginMethod.ISSUED_FOR_USER)),
                true);
        assertEquals(List.of(ConnectDialog.USER, ConnectDialog.GROUPS, ConnectDialog.AUTO_CREATE, ConnectDialog.DATABASE),
                shown(dialog));
        assertTrue(fitsItsFields(dialog) > withPassword, "the groups and the check box fit in");
        robot.type(robot.waitForControlWithData(dialog, Text.class, ConnectDialog.USER), "analyst");
        robot.type(robot.waitForControlWithData(dialog, Text.class, ConnectDialog.GROUPS), "readers, bi");
        robot.check(robot.waitForControlWithData(dialog, Button.class, ConnectDialog.AUTO_CREATE), true);
        robot.screenshot(dialog, SCREENSHOTS.resolve("connect-redshift-user.png"));
        int beforeUser = redshiftLogins.size();
        robot.click(robot.waitForControlWithText(dialog, Button.class, ConnectDialog.TEST_LABEL));
        robot.waitUntil("the analyst's login", () -> redshiftLogins.size() > beforeUser);
        assertEquals("IAM:analyst", redshiftLogins.get(beforeUser).dbUser());
        assertTrue(redshiftLogins.get(beforeUser).issued());
        assertNotEquals(redshiftLogins.get(before).password(), redshiftLogins.get(beforeUser).password());

        robot.check(robot.waitForControlWithData(dialog, Button.class, ConnectDialog.methodKey(LoginMethod.SECRET)), true);
        assertEquals(List.of(ConnectDialog.SECRET_CHOICE, ConnectDialog.DATABASE), shown(dialog));
        fitsItsFields(dialog);
        robot.screenshot(dialog, SCREENSHOTS.resolve("connect-redshift-secret.png"));
    }

    @Test
    @Order(3)
    void auroraDsqlAsksForADatabaseRoleAndNoPassword() {
        Shell dialog = connectDialog("Aurora DSQL", "ledger");
        assertEquals(List.of(ConnectDialog.USER, ConnectDialog.DATABASE), shown(dialog));
        assertTrue(robot.findControlWithData(dialog, Text.class, ConnectDialog.PASSWORD).isEmpty(), "no password field");
        assertTrue(robot.findControlWithData(dialog, Button.class, ConnectDialog.methodKey(LoginMethod.IAM_TOKEN)).isEmpty(),
                "nothing to choose: IAM tokens are its one login");
        robot.waitForControlWithText(dialog, Label.class, ConnectDialog.IAM_ONLY);
        robot.screenshot(dialog, SCREENSHOTS.resolve("connect-dsql.png"));
    }

    @Test
    @Order(4)
    void noIssuedPasswordNorSecretValueIsWrittenAnywhere() throws Exception {
        List<Path> places = DemoDesktop.dataAndLogs();
        List<String> canaries = new java.util.ArrayList<>(local.issuedSecrets());
        canaries.add(REPORTING_PASSWORD);
        assertTrue(canaries.size() > 2, "the Redshift passwords issued are searched for");
        for (String canary : canaries) {
            assertEquals(List.of(), DemoDesktop.filesHolding(places, canary), "files holding an issued password or secret value");
        }
    }

    /** Opens the connect dialog of a database of the explorer (and keeps it open). */
    private static Shell connectDialog(String service, String name) {
        trees.doubleClick(trees.waitForItem(explorer, ACCOUNT, service, "eu-west-1", name));
        return robot.waitForShell("Connect to " + name);
    }

    /** Whether the dialog shows the control of {@code type} with data under {@code key} now. */
    private static boolean shows(Shell dialog, Class<? extends Control> type, String key) {
        Control control = robot.waitForControlWithData(dialog, type, key);
        return robot.onUiThread(control::isVisible);
    }

    /** The data keys of the fields the dialog shows now, from top to bottom. */
    private static List<String> shown(Shell dialog) {
        List<String> keys = List.of(ConnectDialog.USER, ConnectDialog.PASSWORD, ConnectDialog.SECRET_CHOICE,
                ConnectDialog.GROUPS, ConnectDialog.AUTO_CREATE, ConnectDialog.DATABASE);
        return keys.stream().filter(key -> robot.findControlWithData(dialog, Control.class, key)
                .filter(field -> robot.onUiThread(field::isVisible)).isPresent()).toList();
    }

    /**
     * Checks that the last field (Database) lies inside the dialog, whole (nothing cut off), and that it is no taller
     * than its content needs (no gap where hidden fields were); returns the dialog's height.
     */
    private static int fitsItsFields(Shell dialog) {
        return robot.onUiThread(() -> {
            Rectangle inside = dialog.getDisplay().map(dialog, null, dialog.getClientArea());
            Control database = robot.findControlWithData(dialog, Text.class, ConnectDialog.DATABASE).orElseThrow();
            Rectangle last = dialog.getDisplay().map(database.getParent(), null, database.getBounds());
            assertTrue(inside.contains(last.x, last.y + last.height - 1), "the last field " + last + " is inside " + inside);
            int needed = dialog.computeSize(dialog.getSize().x, SWT.DEFAULT).y;
            assertTrue(dialog.getSize().y <= needed + 5, "the dialog (" + dialog.getSize().y + " high) needs " + needed);
            return dialog.getSize().y;
        });
    }

    private static UserSession ada() {
        return session.signedIn().orElseThrow().session();
    }

    private static DatabaseService databases() {
        return service(DatabaseService.class);
    }

    private static CloudResource discovered(String name) {
        return service(CloudExplorer.class).tree(ada()).allResources().stream()
                .filter(resource -> resource.name().equals(name)).findFirst().orElseThrow();
    }

    /** Signs ada in once the services run on the test's simulator (see OpenDatabasesTest). */
    private static void signInOnTheLocalAccount() throws InterruptedException {
        Seed.AccessKey ada = DemoDesktop.keyOf("ada");
        Instant deadline = Instant.now().plus(UI_TIMEOUT.multipliedBy(2));
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (session.signedIn().isEmpty()) {
                    AwsCredentials keys = new AwsCredentials(ada.id(), Secret.of(ada.secret()), null);
                    (session.instanceConfigured() ? session.signIn(keys) : session.setUp(keys))
                            .get(UI_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
                if (discovered("orders").endpoint().filter(at -> at.port() == orders.server().port()).isPresent()
                        && discovered("warehouse").endpoint().filter(at -> at.port() == warehouse.server().port()).isPresent()) {
                    return;
                }
                session.signOut(); // signed in on the demo's own simulator still
            } catch (RuntimeException | ExecutionException | TimeoutException e) {
                last = new IllegalStateException(e.getMessage(), e); // the services are restarting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("ada could not sign in on the account whose databases are the test's PostgreSQL servers", last);
    }

    private static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(DatabaseLoginsTest.class).getBundleContext();
        return robot.waitFor("the " + type.getSimpleName() + " service", () -> Optional
                .ofNullable(context.getServiceReference(type)).map(context::getService));
    }
}
