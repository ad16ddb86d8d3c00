package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.cloud.LoginMethod;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.ui.explorer.CloudExplorerView;
import io.stratus.ui.explorer.internal.ConnectDialog;
import io.stratus.ui.explorer.internal.FilterBar;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.testkit.TreeRobot;
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.PageBookView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Cloud Explorer on the demo account (the AWS simulator): empty with a hint when signed out,
 * loaded after sign-in with a named no-permission node for a person IAM denies RDS, narrowed by the
 * filter, and a database's connection settings in the Properties view. Runs after {@link SignInTest},
 * which sets the instance up, and signs out first.
 */
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloudExplorerTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));
    private static final String SIGN_IN = "Sign In to Stratus";
    /** The account node's name starts with its alias when the session knows it by then, else with its id. */
    private static final String ACCOUNT_ID = "111122223333";
    private static final String RDS = "RDS and Aurora";

    private static UiRobot robot;
    private static TreeRobot trees;
    private static IWorkbenchWindow window;
    private static Shell windowShell;
    private static CurrentSession session;
    private static Seed.Account demo;
    private static Tree explorer;

    @BeforeAll
    static void openTheCloudExplorer() throws IOException {
        IWorkbench workbench = PlatformUI.getWorkbench();
        robot = new UiRobot(workbench.getDisplay(), UI_TIMEOUT);
        trees = new TreeRobot(robot);
        window = robot.waitFor("the Stratus workbench window to be visible",
                () -> Arrays.stream(workbench.getWorkbenchWindows()).filter(open -> open.getShell().isVisible()).findFirst());
        windowShell = robot.onUiThread(window::getShell);
        session = robot.onUiThread(() -> window.getService(CurrentSession.class));
        try (InputStream seed = Platform.getBundle("io.stratus.aws.simulator").getEntry("seeds/demo.json").openStream()) {
            demo = Seed.fromJson(seed).accounts().getFirst();
        }
        robot.closeShellsExcept(windowShell);
        explorer = DemoDesktop.showExplorer(robot, window);
    }

    @AfterEach
    void closeDialogsLeftOpen() {
        robot.closeShellsExcept(windowShell);
    }

    @Test
    @Order(1)
    void signedOutItShowsHowToSeeDatabases() {
        session.signOut();
        robot.waitUntil("the explorer to ask for a sign-in",
                () -> explorer.getItemCount() == 1 && explorer.getItem(0).getText().equals("Sign in to see your databases"));
        assertTrue(robot.onUiThread(() -> window.getActivePage().findView(CloudExplorerView.ID) != null),
                "the Stratus perspective shows the Cloud Explorer");
        robot.screenshot(windowShell, SCREENSHOTS.resolve("explorer-signed-out.png"));
    }

    @Test
    @Order(2)
    void afterSignInItLoadsAndNamesTheIamActionANoPermissionRegionLacks() {
        signIn("ben");
        // Regions show as they answer ("Scanning…" until then).
        TreeItem denied = trees.waitForItem(explorer, account(), RDS, "eu-west-1");
        robot.waitUntil("RDS in eu-west-1 to answer", () -> !denied.getText().contains("Scanning"));
        String deniedText = trees.textOf(denied, 0);
        assertTrue(deniedText.contains("No permission: rds:"), deniedText);
        // IAM lets ben see the other services: their regions answered.
        TreeItem redshift = trees.waitForItem(explorer, account(), "Redshift", "eu-west-1");
        robot.waitUntil("Redshift in eu-west-1 to answer", () -> !redshift.getText().contains("Scanning"));
        // The demo account's cluster and its Serverless workgroup.
        assertTrue(trees.textOf(redshift, 0).contains("2 databases"), trees.textOf(redshift, 0));
        trees.waitForItem(explorer, account(), "Redshift", "eu-west-1", "warehouse");
        trees.waitForItem(explorer, account(), "Redshift", "eu-west-1", "reporting");
        robot.screenshot(windowShell, SCREENSHOTS.resolve("explorer-no-permission.png"));
    }

    @Test
    @Order(3)
    void aNewSessionReloadsTheTreeWithClustersAndTheirInstances() {
        session.signOut();
        robot.waitUntil("the explorer to empty at sign-out",
                () -> explorer.getItemCount() == 1 && explorer.getItem(0).getText().startsWith("Sign in"));
        signIn("ada");
        TreeItem orders = trees.waitForItem(explorer, account(), RDS, "eu-west-1", "orders");
        assertTrue(trees.textOf(orders, 0).contains("PostgreSQL"), "the engine's name: " + trees.textOf(orders, 0));
        TreeItem catalog = trees.waitForItem(explorer, account(), RDS, "eu-west-1", "catalog");
        assertEquals(List.of("catalog-1", "catalog-2"), trees.childTexts(catalog).stream().map(text -> text.split(" ")[0])
                .sorted().toList());
        trees.waitForItem(explorer, account(), RDS, "us-east-1", "legacy");
        robot.screenshot(windowShell, SCREENSHOTS.resolve("explorer-loaded.png"));
    }

    @Test
    @Order(4)
    void theFilterNarrowsTheTreeAndKeepsEveryRegionsStatus() {
        Text text = robot.waitForControlWithData(windowShell, Text.class, FilterBar.TEXT);
        robot.type(text, "ord");
        TreeItem region = trees.waitForItem(explorer, account(), RDS, "eu-west-1");
        robot.waitUntil("the filter to keep only 'orders' in eu-west-1", () -> region.getText().contains("1 database"));
        assertEquals(List.of("orders"), trees.childTexts(region).stream().map(t -> t.split(" ")[0]).toList());
        TreeItem usEast = trees.waitForItem(explorer, account(), RDS, "us-east-1");
        robot.waitUntil("other regions to stay, empty", () -> usEast.getText().contains("0 databases"));
        robot.screenshot(windowShell, SCREENSHOTS.resolve("explorer-filtered.png"));

        robot.type(text, "");
        Combo engine = robot.waitForControlWithData(windowShell, Combo.class, FilterBar.ENGINE);
        robot.runOnUiThread(() -> {
            engine.select(Arrays.asList(engine.getItems()).indexOf("Aurora MySQL"));
            engine.notifyListeners(SWT.Selection, new Event());
        });
        robot.waitUntil("the engine filter to keep the Aurora MySQL cluster alone",
                () -> region.getText().contains("1 database"));
        assertEquals(List.of("catalog"), trees.childTexts(region).stream().map(t -> t.split(" ")[0]).toList());
        robot.runOnUiThread(() -> {
            engine.select(0);
            engine.notifyListeners(SWT.Selection, new Event());
        });
        String all = databases(discoveredIn("RDS", "eu-west-1"));
        robot.waitUntil("the whole tree again", () -> region.getText().contains(all));

        // The statuses offered are those the databases have; "stopped" keeps legacy in us-east-1 alone.
        Combo status = robot.waitForControlWithData(windowShell, Combo.class, FilterBar.STATUS);
        robot.waitUntil("the status filter to offer the statuses found",
                () -> Arrays.asList(status.getItems()).containsAll(List.of("available", "stopped")));
        robot.choose(status, "stopped");
        robot.waitUntil("the status filter to empty eu-west-1", () -> region.getText().contains("0 databases"));
        TreeItem stopped = trees.waitForItem(explorer, account(), RDS, "us-east-1");
        robot.waitUntil("legacy alone in us-east-1", () -> stopped.getText().contains("1 database"));
        assertEquals(List.of("legacy"), trees.childTexts(stopped).stream().map(t -> t.split(" ")[0]).toList());
        robot.choose(status, "Any status");
        robot.waitUntil("the whole tree again", () -> region.getText().contains(all));

        Text tag = robot.waitForControlWithData(windowShell, Text.class, FilterBar.TAG);
        robot.type(tag, "team=shop");
        robot.waitUntil("the tag filter to keep the database tagged team=shop", () -> region.getText().contains("1 database"));
        assertEquals(List.of("orders"), trees.childTexts(region).stream().map(t -> t.split(" ")[0]).toList());
        robot.type(tag, "");
        robot.waitUntil("the whole tree again", () -> region.getText().contains(all));
    }

    @Test
    @Order(5)
    void aSelectedDatabaseShowsItsConnectionSettingsInTheProperties() {
        CloudResource orders = discovered("orders");
        TreeItem item = trees.waitForItem(explorer, account(), RDS, "eu-west-1", "orders");
        robot.runOnUiThread(() -> {
            try {
                window.getActivePage().showView(IPageLayout.ID_PROP_SHEET);
            } catch (PartInitException e) {
                throw new AssertionError(e);
            }
        });
        activateExplorer();
        trees.select(item);

        Tree properties = robot.waitFor("the Properties view to show orders", () -> Optional
                .ofNullable((PageBookView) window.getActivePage().findView(IPageLayout.ID_PROP_SHEET))
                .map(view -> view.getCurrentPage().getControl())
                .filter(control -> control instanceof Tree tree && tree.getItemCount() > 0).map(Tree.class::cast));
        TreeItem host = trees.waitForItem(properties, "Connection", "Host");
        assertEquals(orders.endpoint().orElseThrow().host(), trees.textOf(host, 1));
        assertEquals(String.valueOf(orders.endpoint().orElseThrow().port()),
                trees.textOf(trees.waitForItem(properties, "Connection", "Port"), 1));
        assertTrue(trees.textOf(trees.waitForItem(properties, "Connection", "URL"), 1)
                .startsWith("jdbc:postgresql://" + orders.endpoint().orElseThrow().host()));
        assertEquals("shop", trees.textOf(trees.waitForItem(properties, "Tags", "team"), 1));
        assertEquals("PostgreSQL", trees.textOf(trees.waitForItem(properties, "Database", "Engine"), 1));
        robot.screenshot(windowShell, SCREENSHOTS.resolve("explorer-properties.png"));
    }

    @Test
    @Order(6)
    void openingADatabaseAsksForTheLoginItTakesAndTestsTheConnection() {
        activateExplorer();
        TreeItem orders = trees.waitForItem(explorer, account(), RDS, "eu-west-1", "orders");
        CompletableFuture<Void> opening = trees.doubleClick(orders);
        Shell dialog = robot.waitForShell("Connect to orders");
        Button test = robot.waitForControlWithText(dialog, Button.class, ConnectDialog.TEST_LABEL);
        robot.waitForControlShowing(dialog, "Give the database user");
        assertFalse(robot.onUiThread(test::isEnabled), "nothing to test without a user");
        robot.type(robot.waitForControlWithData(dialog, Text.class, ConnectDialog.USER), "ada");
        robot.waitForControlShowing(dialog, "Give the password of ada, or log in with IAM database authentication");
        assertFalse(robot.onUiThread(test::isEnabled), "nor without a password or IAM");
        robot.check(robot.waitForControlWithData(dialog, Button.class, ConnectDialog.methodKey(LoginMethod.IAM_TOKEN)), true);
        robot.waitUntil("IAM authentication to stand in for the password", () -> test.isEnabled()
                && !robot.waitForControlWithData(dialog, Text.class, ConnectDialog.PASSWORD).isVisible()
                && robot.waitForControlWithData(dialog, Text.class, ConnectDialog.USER).isVisible());
        robot.screenshot(dialog, SCREENSHOTS.resolve("connect-iam.png"));
        robot.click(robot.waitForControlWithText(dialog, Button.class, "Close"));
        robot.awaitCompletion("the connect dialog of orders", opening);

        // DynamoDB opens with the person's AWS identity: nothing to type, and the simulator answers the round trip.
        TreeItem sessions = trees.waitForItem(explorer, account(), "DynamoDB", "eu-west-1", "sessions");
        CompletableFuture<Void> openingDynamoDb = trees.doubleClick(sessions);
        Shell awsIdentity = robot.waitForShell("Connect to sessions");
        robot.waitForControlShowing(awsIdentity, "your own AWS identity");
        robot.click(robot.waitForControlWithText(awsIdentity, Button.class, ConnectDialog.TEST_LABEL));
        robot.waitForControlShowing(awsIdentity, "Connected to sessions with your AWS identity");
        robot.screenshot(awsIdentity, SCREENSHOTS.resolve("connect-tested.png"));
        robot.click(robot.waitForControlWithText(awsIdentity, Button.class, "Close"));
        robot.awaitCompletion("the connect dialog of sessions", openingDynamoDb);
    }

    @Test
    @Order(7)
    void theContextMenuCopiesTheArnAndConnectionUrlAndRefreshKeepsTheTree() {
        CloudResource orders = discovered("orders");
        activateExplorer();
        TreeItem item = trees.waitForItem(explorer, account(), RDS, "eu-west-1", "orders");
        trees.select(item);
        robot.awaitCompletion("Copy ARN", robot.clickPopupMenu(explorer, "Copy ARN"));
        assertEquals(orders.id(), clipboard());
        robot.awaitCompletion("Copy Connection URL", robot.clickPopupMenu(explorer, "Copy Connection URL"));
        CloudResource.Endpoint endpoint = orders.endpoint().orElseThrow();
        assertEquals("jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/orders?sslmode=verify-full",
                clipboard());

        TreeItem region = trees.waitForItem(explorer, account(), RDS, "eu-west-1");
        trees.select(region);
        List<String> refreshes = new java.util.concurrent.CopyOnWriteArrayList<>();
        IJobChangeListener done = new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (event.getJob().belongsTo(CloudExplorerView.JOB_FAMILY)) {
                    refreshes.add(event.getJob().getName());
                }
            }
        };
        Job.getJobManager().addJobChangeListener(done);
        try {
            trees.pressKey(explorer, SWT.F5);
            robot.waitUntil("F5 to refresh the selected region", () -> !refreshes.isEmpty());
        } finally {
            Job.getJobManager().removeJobChangeListener(done);
        }
        assertEquals(List.of("Refreshing RDS and Aurora in eu-west-1"), refreshes, "the selected region alone");
        robot.runOnUiThread(() -> { }); // the tree's refresh, queued by the Job, has run
        TreeItem refreshed = trees.waitForItem(explorer, account(), RDS, "eu-west-1");
        assertTrue(trees.textOf(refreshed, 0).contains(databases(discoveredIn("RDS", "eu-west-1"))));
        assertTrue(robot.onUiThread(refreshed::getExpanded), "the region stays expanded");
    }

    private static String clipboard() {
        return robot.onUiThread(() -> {
            Clipboard clipboard = new Clipboard(explorer.getDisplay());
            try {
                return (String) clipboard.getContents(TextTransfer.getInstance());
            } finally {
                clipboard.dispose();
            }
        });
    }

    /** The name of the account node once the session has read the account's alias (shown before the id if IAM allows it). */
    private static String account() {
        Optional<String> alias;
        try {
            alias = session.signedIn().orElseThrow().session().accountDetailsRead().toCompletableFuture()
                    .get(UI_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).alias();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | InterruptedException e) {
            throw new AssertionError("The account details were not read", e);
        }
        String name = alias.map(known -> known + " (" + ACCOUNT_ID + ")").orElse(ACCOUNT_ID);
        robot.waitUntil("the account node named " + name, () -> Arrays.stream(explorer.getItems()).map(TreeItem::getText)
                .anyMatch(text -> text.split("  ")[0].equals(name)));
        return name;
    }

    private static void activateExplorer() {
        robot.runOnUiThread(() -> window.getActivePage().activate(window.getActivePage().findView(CloudExplorerView.ID)));
    }

    /** The database as the services discovered it for the signed-in person. */
    private static CloudResource discovered(String name) {
        CloudExplorer services = robot.onUiThread(() -> window.getService(CloudExplorer.class));
        return services.tree(session.signedIn().orElseThrow().session()).allResources().stream()
                .filter(resource -> resource.name().equals(name)).findFirst().orElseThrow();
    }

    private static int discoveredIn(String service, String region) {
        CloudExplorer services = robot.onUiThread(() -> window.getService(CloudExplorer.class));
        return services.tree(session.signedIn().orElseThrow().session()).node(service, region).orElseThrow().resources().size();
    }

    private static String databases(int count) {
        return count == 1 ? "1 database" : count + " databases";
    }

    private static void signIn(String user) {
        Seed.AccessKey key = demo.users().stream().filter(u -> u.name().equals(user)).findFirst().orElseThrow()
                .accessKeys().getFirst();
        CompletableFuture<Void> command = robot.executeCommand(window, "io.stratus.ui.session.signIn");
        Shell dialog = robot.waitForShell(SIGN_IN);
        robot.type(robot.waitForControlWithData(dialog, Text.class, "io.stratus.ui.session.accessKeyId"), key.id());
        robot.type(robot.waitForControlWithData(dialog, Text.class, "io.stratus.ui.session.secretAccessKey"), key.secret());
        robot.click(robot.waitForControlWithText(dialog, Button.class, "Sign In"));
        robot.awaitCompletion("sign-in as " + user, command);
        robot.waitUntil(user + " to be signed in", () -> session.signedIn().isPresent());
        assertFalse(session.signedIn().isEmpty());
    }
}
