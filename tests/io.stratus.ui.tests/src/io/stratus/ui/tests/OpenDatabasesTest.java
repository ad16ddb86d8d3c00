package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.cloud.LoginMethod;
import io.stratus.core.database.Login;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;
import io.stratus.core.admin.UserAdministration;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.database.SavedConnection;
import io.stratus.core.database.SavedConnections;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.UserSession;
import io.stratus.testing.PostgresServer;
import io.stratus.ui.explorer.CloudExplorerView;
import io.stratus.ui.explorer.internal.ExplorerCommands;
import io.stratus.ui.explorer.internal.catalog.CatalogContentProvider;
import io.stratus.ui.explorer.internal.saved.DeleteSavedConnectionHandler;
import io.stratus.ui.explorer.internal.saved.PasswordPrompt;
import io.stratus.ui.explorer.internal.saved.SaveConnectionHandler;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.testkit.TreeRobot;
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
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
 * Open databases and saved connections in the Cloud Explorer, on the demo account whose {@code orders}
 * is a real PostgreSQL ({@link LocalDatabases#asDemoOrders}): a database opened through the database service
 * shows its catalog under its node (schemas, tables and views, columns), a page at a time with "More…"
 * for a large schema, a level that cannot be read shows why, closing takes the catalog away; an open
 * database is saved as a connection (no password), which then opens in its editor asking for the password alone (a
 * DynamoDB one with nothing to type), is renamed and deleted with confirmation; the password is
 * written nowhere; one whose roles do not let them connect gets no saved connections and no Open. Runs after {@link CloudExplorerTest}; alone, it sets the instance up as ada.
 */
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenDatabasesTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));
    private static final String RDS = "RDS and Aurora";
    private static final String SAVED = "Saved Connections";
    /** More than two pages of tables in the schema {@code wide}. */
    private static final int WIDE_TABLES = 2 * CatalogContentProvider.PAGE + 50;
    private static final Predicate<TreeItem> ACCOUNT = item -> item.getText().contains("AWS account");

    private static UiRobot robot;
    private static TreeRobot trees;
    private static IWorkbenchWindow window;
    private static Shell windowShell;
    private static CurrentSession session;
    private static Tree explorer;
    private static LocalDatabases local;
    private static LocalDatabases.Database ordersDatabase;
    /** The label of a connection to orders as the PostgreSQL superuser: {@code stratus@db_1}. */
    private static String login;

    @BeforeAll
    static void pointTheDesktopAtARealPostgres() throws Exception {
        robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
        trees = new TreeRobot(robot);
        window = DemoDesktop.awaitWindow(robot);
        windowShell = robot.onUiThread(window::getShell);
        session = robot.onUiThread(() -> window.getService(CurrentSession.class));
        robot.closeShellsExcept(windowShell);
        explorer = DemoDesktop.showExplorer(robot, window);
        local = LocalDatabases.start();
        ordersDatabase = local.postgres(List.of(
                "CREATE SCHEMA shop",
                "CREATE TABLE shop.orders (id bigint PRIMARY KEY, placed timestamptz NOT NULL, note text)",
                "CREATE VIEW shop.recent AS SELECT id, placed FROM shop.orders",
                "CREATE SCHEMA wide",
                "DO $$ BEGIN FOR i IN 1.." + WIDE_TABLES + " LOOP EXECUTE format('CREATE TABLE wide.t%s (n int)', "
                        + "lpad(i::text, 3, '0')); END LOOP; END $$"));
        local.asDemoOrders(ordersDatabase);
        login = PostgresServer.USER + "@" + ordersDatabase.name();
        signInOnTheLocalAccount();
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
    void anOpenedDatabaseShowsItsSchemasTablesAndColumns() {
        openOrdersWithThePassword();
        TreeItem connection = trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders", login);
        assertTrue(trees.textOf(connection, 0).contains("open"), trees.textOf(connection, 0));
        TreeItem placed = trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders", login, "shop", "orders", "placed");
        robot.waitUntil("the column's type", () -> placed.getText().contains("timestamptz not null"));
        TreeItem shop = trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders", login, "shop");
        assertEquals(List.of("orders  table", "recent  view"), trees.childTexts(shop));
        TreeItem table = trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders", login, "shop", "orders");
        assertEquals(List.of("id  int8 not null", "placed  timestamptz not null", "note  text"), trees.childTexts(table),
                "the columns in the table's order");
        activateExplorer();
        trees.select(placed);
        robot.screenshot(windowShell, SCREENSHOTS.resolve("catalog-columns.png"));
    }

    @Test
    @Order(2)
    void aLargeSchemaShowsAPageAtATimeAndMoreReadsTheNext() {
        TreeItem wide = trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders", login, "wide");
        int page = CatalogContentProvider.PAGE;
        awaitTables(wide, page, true);
        TreeItem more = trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders", login, "wide", "More");
        robot.runOnUiThread(() -> explorer.showItem(more));
        robot.screenshot(windowShell, SCREENSHOTS.resolve("catalog-more.png"));
        activateExplorer();
        robot.awaitCompletion("a double-click on More…", trees.doubleClick(more));
        awaitTables(wide, 2 * page, true);
        TreeItem last = trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders", login, "wide", "More");
        robot.awaitCompletion("a double-click on More… again", trees.doubleClick(last));
        awaitTables(wide, WIDE_TABLES, false);
        List<String> tables = trees.childTexts(wide);
        assertEquals("t001  table", tables.getFirst());
        assertEquals("t" + WIDE_TABLES + "  table", tables.getLast());
    }

    /** Waits for {@code count} tables below {@code schema}, then a "More…" line or none. */
    private static void awaitTables(TreeItem schema, int count, boolean more) {
        robot.waitUntil(count + " tables" + (more ? " and More…" : ""), () -> {
            List<String> texts = trees.childTexts(schema);
            return texts.size() == count + (more ? 1 : 0) && texts.getLast().startsWith("More") == more;
        });
    }

    @Test
    @Order(3)
    void aLevelThatCannotBeReadShowsWhyInItsPlace() throws Exception {
        // The database ends the connection's session, as a restarted server would.
        try (Connection admin = ordersDatabase.server().connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + ordersDatabase.name() + "'");
        }
        TreeItem shop = trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders", login, "shop");
        activateExplorer();
        trees.select(shop);
        trees.pressKey(explorer, SWT.F5);
        TreeItem failure = trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders", login, "shop", "Could not read: ");
        assertTrue(trees.textOf(failure, 0).length() > "Could not read: ".length(), "the database's reason");
        robot.screenshot(windowShell, SCREENSHOTS.resolve("catalog-error.png"));
    }

    @Test
    @Order(4)
    void closingTheDatabaseTakesItsCatalogAway() {
        TreeItem connection = trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders", login);
        activateExplorer();
        trees.select(connection);
        robot.awaitCompletion("Close", robot.clickPopupMenu(explorer, "Close"));
        TreeItem orders = trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders");
        robot.waitUntil("orders to show no open database", () -> orders.getItemCount() == 0);
        assertEquals(List.of(), databases().list(ada()), "the database service closed it");
    }

    @Test
    @Order(5)
    void anOpenDatabaseIsSavedAsAConnectionWithoutItsPassword() {
        openOrdersWithThePassword();
        TreeItem connection = trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders", login);
        saveAs(connection, "orders as " + PostgresServer.USER, "Shop orders");
        TreeItem saved = trees.waitForItem(explorer, SAVED, "Shop orders");
        robot.waitUntil("the saved connection's summary", () -> saved.getText().contains(login + " on orders \u00b7 password"));
        SavedConnection stored = savedNamed("Shop orders").orElseThrow();
        assertEquals(new Login.Password(PostgresServer.USER, Optional.empty()), stored.login());
        activateExplorer();
        trees.select(saved);
        robot.screenshot(windowShell, SCREENSHOTS.resolve("saved-connection.png"));
    }

    @Test
    @Order(6)
    void aSavedConnectionOpensAskingForThePasswordAlone() {
        int before = databases().list(ada()).size();
        TreeItem saved = trees.waitForItem(explorer, SAVED, "Shop orders");
        activateExplorer();
        CompletableFuture<Void> opening = trees.doubleClick(saved);
        Shell prompt = robot.waitForShell("Open Shop orders");
        Text password = robot.waitForControlWithData(prompt, Text.class, PasswordPrompt.PASSWORD);
        assertEquals(1, (int) robot.onUiThread(() -> countTexts(prompt)), "the password is all it asks for");
        robot.screenshot(prompt, SCREENSHOTS.resolve("saved-connection-password.png"));
        robot.type(password, ordersDatabase.server().password());
        robot.click(robot.waitForControlWithText(prompt, Button.class, "Open"));
        robot.awaitCompletion("opening Shop orders", opening);
        robot.waitUntil("a second connection to orders", () -> databases().list(ada()).size() == before + 1);
        TreeItem orders = trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders");
        robot.waitUntil("both connections under orders", () -> orders.getItemCount() == before + 1);
        robot.waitUntil("Shop orders in the SQL editor, titled with the connection's name", () -> robot.onUiThread(
                () -> Arrays.stream(window.getActivePage().getEditorReferences())
                        .anyMatch(editor -> editor.getTitle().startsWith("Shop orders"))));
    }

    /** The fields a person can type into (a title area's message is a read-only Text). */
    private static int countTexts(Shell shell) {
        return (int) descendants(shell).filter(control -> control instanceof Text && control.getEnabled()
                && (control.getStyle() & SWT.READ_ONLY) == 0).count();
    }

    private static Stream<Control> descendants(Control root) {
        return root instanceof Composite parent
                ? Stream.concat(Stream.of(root), Arrays.stream(parent.getChildren()).flatMap(OpenDatabasesTest::descendants))
                : Stream.of(root);
    }

    @Test
    @Order(7)
    void aDynamoDbTableShowsItsKeysAndItsSavedConnectionOpensWithNothingToType() {
        CloudResource sessions = discovered("sessions");
        OpenDatabase table = databases().open(ada(), sessions.id(), new Login.AwsIdentity(), Optional.empty());
        TreeItem connection = trees.waitForItem(explorer, ACCOUNT, "DynamoDB", "eu-west-1", "sessions", "AWS identity");
        TreeItem key = trees.waitForItem(explorer, ACCOUNT, "DynamoDB", "eu-west-1", "sessions", "AWS identity", "sessions",
                "user");
        robot.waitUntil("the partition key", () -> key.getText().contains("partition key"));
        TreeItem tableItem = trees.waitForItem(explorer, ACCOUNT, "DynamoDB", "eu-west-1", "sessions", "AWS identity", "sessions");
        assertEquals(List.of("user", "started", "by-device"), trees.childTexts(tableItem).stream()
                .map(text -> text.split(" ")[0]).toList(), "the keys, then the indexes");
        trees.waitForItem(explorer, ACCOUNT, "DynamoDB", "eu-west-1", "sessions", "AWS identity", "sessions", "by-device");
        robot.screenshot(windowShell, SCREENSHOTS.resolve("catalog-dynamodb.png"));
        saveAs(connection, "sessions", "Sessions table");
        trees.waitForItem(explorer, SAVED, "Sessions table");
        databases().close(ada(), table.id());
        TreeItem sessionsItem = trees.waitForItem(explorer, ACCOUNT, "DynamoDB", "eu-west-1", "sessions");
        robot.waitUntil("sessions to show no open database", () -> sessionsItem.getItemCount() == 0);

        TreeItem saved = trees.waitForItem(explorer, SAVED, "Sessions table");
        activateExplorer();
        robot.awaitCompletion("opening Sessions table", trees.doubleClick(saved)); // no dialog: returns at once
        robot.waitUntil("the table open with the AWS identity", () -> databases().list(ada()).stream()
                .anyMatch(open -> open.resourceId().equals(sessions.id())
                        && open.login().method() == LoginMethod.AWS_IDENTITY));
        trees.waitForItem(explorer, ACCOUNT, "DynamoDB", "eu-west-1", "sessions", "AWS identity");
    }

    @Test
    @Order(8)
    void renameAndDeleteChangeTheSavedConnectionAfterAsking() {
        TreeItem saved = trees.waitForItem(explorer, SAVED, "Shop orders");
        activateExplorer();
        trees.select(saved);
        CompletableFuture<Void> renaming = robot.clickPopupMenu(explorer, "Rename...");
        Shell rename = robot.waitForShell("Rename Saved Connection");
        robot.type(robot.waitForControlWithText(rename, Text.class, "Shop orders"), "Orders (shop)");
        robot.click(robot.waitForControlWithText(rename, Button.class, "OK"));
        robot.awaitCompletion("Rename", renaming);
        TreeItem renamed = trees.waitForItem(explorer, SAVED, "Orders (shop)");
        assertTrue(savedNamed("Orders (shop)").isPresent());
        assertTrue(savedNamed("Shop orders").isEmpty());

        trees.select(renamed);
        CompletableFuture<Void> deleting = robot.clickPopupMenu(explorer, "Delete");
        Shell confirm = robot.waitForShell(DeleteSavedConnectionHandler.TITLE);
        robot.waitForControlShowing(confirm, "Orders (shop)");
        robot.screenshot(confirm, SCREENSHOTS.resolve("saved-connection-delete.png"));
        robot.click(robot.waitForControlWithText(confirm, Button.class, "OK"));
        robot.awaitCompletion("Delete", deleting);
        robot.waitUntil("the saved connection gone", () -> savedNamed("Orders (shop)").isEmpty());
        TreeItem folder = trees.waitForItem(explorer, SAVED);
        robot.waitUntil("the explorer to drop it", () -> trees.childTexts(folder).stream()
                .noneMatch(text -> text.startsWith("Orders (shop)")));
    }

    @Test
    @Order(9)
    void theDatabasePasswordIsWrittenNowhere() throws Exception {
        List<Path> places = DemoDesktop.dataAndLogs();
        robot.waitUntil("the store to hold the saved connection, so the search sees it",
                () -> !filesHolding(places, "Sessions table").isEmpty());
        assertEquals(List.of(), filesHolding(places, ordersDatabase.server().password()));
    }

    @Test
    @Order(10)
    void theSessionsEndTakesOpenDatabasesAndSavedConnectionsAway() {
        session.signOut();
        robot.waitUntil("the explorer to ask for a sign-in alone",
                () -> explorer.getItemCount() == 1 && explorer.getItem(0).getText().startsWith("Sign in"));
    }

    @Test
    @Order(11)
    void withoutTheConnectPermissionThereAreNoSavedConnectionsAndNothingOpens() throws Exception {
        String cleo = signInAs("cleo").principalId(); // her Stratus user exists from her first sign-in
        UserAdministration users = service(UserAdministration.class);
        UserSession ada = signInAs("ada");
        Set<String> before = users.users(ada).stream().filter(user -> user.principalId().equals(cleo)).findFirst()
                .orElseThrow().roleIds();
        users.createCustomRole(ada, new Role("explore-only", "Explore only", Set.of(Permission.EXPLORE), false));
        activateExplorer();
        trees.select(trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders"));
        assertTrue(openEnabled(), "ada may open orders");
        users.setRoles(ada, cleo, Set.of("explore-only"));
        try {
            signInAs("cleo");
            TreeItem orders = trees.waitForItem(explorer, ACCOUNT, RDS, "eu-west-1", "orders");
            assertFalse(trees.topTexts(explorer).stream().anyMatch(text -> text.startsWith(SAVED)),
                    "no saved connections for one who may not keep them: " + trees.topTexts(explorer));
            activateExplorer();
            trees.select(orders);
            assertFalse(openEnabled(), "Open is disabled for cleo");
            robot.screenshot(windowShell, SCREENSHOTS.resolve("explorer-without-connect.png"));
        } finally {
            UserSession again = signInAs("ada");
            users.setRoles(again, cleo, before);
            users.deleteCustomRole(again, "explore-only");
        }
    }

    /** Whether Open runs for the explorer's selection now. */
    private static boolean openEnabled() {
        return robot.onUiThread(() -> ExplorerCommands.isEnabled(window, ExplorerCommands.OPEN));
    }

    /** Signs the demo user in, in place of whoever is; returns their session. */
    private static UserSession signInAs(String user) throws Exception {
        session.signOut();
        Seed.AccessKey key = DemoDesktop.keyOf(user);
        return session.signIn(new AwsCredentials(key.id(), Secret.of(key.secret()), null))
                .get(UI_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).session();
    }

    private static List<Path> filesHolding(List<Path> places, String text) {
        try {
            return DemoDesktop.filesHolding(places, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Save Connection... on an open database's node, under a new name in place of the one offered. */
    private static void saveAs(TreeItem connection, String offered, String name) {
        activateExplorer();
        trees.select(connection);
        CompletableFuture<Void> saving = robot.clickPopupMenu(explorer, "Save Connection...");
        Shell dialog = robot.waitForShell(SaveConnectionHandler.TITLE);
        robot.type(robot.waitForControlWithText(dialog, Text.class, offered), name);
        robot.click(robot.waitForControlWithText(dialog, Button.class, "OK"));
        robot.awaitCompletion("Save Connection", saving);
    }

    private static OpenDatabase openOrdersWithThePassword() {
        return databases().open(ada(), discovered("orders").id(), new Login.Password(PostgresServer.USER,
                Optional.of(Secret.of(ordersDatabase.server().password()))), Optional.empty());
    }

    private static Optional<SavedConnection> savedNamed(String name) {
        return service(SavedConnections.class).list(ada()).stream().filter(saved -> saved.name().equals(name)).findFirst();
    }

    private static UserSession ada() {
        return session.signedIn().orElseThrow().session();
    }

    private static DatabaseService databases() {
        return service(DatabaseService.class);
    }

    /** The database as the services discovered it for the signed-in person. */
    private static CloudResource discovered(String name) {
        return service(CloudExplorer.class).tree(ada()).allResources().stream()
                .filter(resource -> resource.name().equals(name)).findFirst().orElseThrow();
    }

    private static void activateExplorer() {
        robot.runOnUiThread(() -> window.getActivePage().activate(window.getActivePage().findView(CloudExplorerView.ID)));
    }

    /**
     * Signs ada in once the services run on the test's simulator: a sign-in made before they moved
     * there (or ended by the move) is made again.
     */
    private static void signInOnTheLocalAccount() throws InterruptedException {
        Seed.AccessKey ada = DemoDesktop.keyOf("ada");
        Instant deadline = Instant.now().plus(UI_TIMEOUT.multipliedBy(2));
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (session.signedIn().isEmpty()) {
                    AwsCredentials keys = new AwsCredentials(ada.id(), Secret.of(ada.secret()), null);
                    // run alone, this test finds the instance as demo mode starts it: not set up yet
                    (session.instanceConfigured() ? session.signIn(keys) : session.setUp(keys))
                            .get(UI_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
                if (discovered("orders").endpoint().filter(at -> at.port() == ordersDatabase.server().port()).isPresent()) {
                    return;
                }
                session.signOut(); // signed in on the demo's own simulator still
            } catch (RuntimeException | ExecutionException | TimeoutException e) {
                last = new IllegalStateException(e.getMessage(), e); // the services are restarting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("ada could not sign in on the account whose orders is the test's PostgreSQL", last);
    }

    /** A service of the running desktop, as it is now (moving the services restarts them). */
    private static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(OpenDatabasesTest.class).getBundleContext();
        return robot.waitFor("the " + type.getSimpleName() + " service", () -> Optional
                .ofNullable(context.getServiceReference(type)).map(context::getService));
    }
}
