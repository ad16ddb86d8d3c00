package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.core.admin.UserAdministration;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.SignInService;
import io.stratus.core.session.UserSession;
import io.stratus.ui.dynamodb.DynamoDbEditor;
import io.stratus.ui.dynamodb.internal.ItemDialog;
import io.stratus.ui.dynamodb.internal.ReadForm;
import io.stratus.ui.explorer.CloudExplorerView;
import io.stratus.ui.explorer.internal.ConnectDialog;
import io.stratus.ui.results.JsonPane;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.testkit.TreeRobot;
import io.stratus.ui.testkit.UiRobot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The DynamoDB editor on the demo account's table {@code sessions} in the AWS simulator (partition
 * key {@code user}, sort key {@code started}, global index {@code by-device}; three items): opened
 * from the Cloud Explorer, scanned, queried on the key and on the index from the form, an item
 * edited and saved (the grid then shows the change), a new item put and deleted after confirming,
 * what to fix said for wrong input, and a Viewer whose write actions are disabled and whose PartiQL
 * write the connector refuses.
 */
@Order(7)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DynamoDbEditorTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));
    private static final Predicate<TreeItem> ACCOUNT = item -> item.getText().contains("AWS account");
    private static final String TABLE = "sessions";
    /** The item the test edits: ada's session that started at 2025-01-01T08:00:00Z. */
    private static final String ADA_STARTED = "1735718400";

    private static UiRobot robot;
    private static TreeRobot trees;
    private static IWorkbenchWindow window;
    private static Shell windowShell;
    private static CurrentSession session;
    /** ben's roles before the test made him a Viewer. */
    private static Set<String> bensRoles;

    @BeforeAll
    static void signInAsAda() throws Exception {
        robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
        trees = new TreeRobot(robot);
        window = DemoDesktop.awaitSetUpWindow(robot);
        windowShell = robot.onUiThread(window::getShell);
        session = robot.onUiThread(() -> window.getService(CurrentSession.class));
        signIn("ada");
    }

    @AfterAll
    static void putBenBack() {
        robot.closeShellsExcept(windowShell);
        if (bensRoles != null) {
            asAda((ada, users) -> {
                users.setRoles(ada, principalOf(users, ada, "ben"), bensRoles);
                return null;
            });
        }
        session.signOut();
    }

    @AfterEach
    void closeDialogsLeftOpen() {
        robot.closeShellsExcept(windowShell);
    }

    @Test
    @Order(1)
    void aTableOpensFromTheExplorerAndScansWithItsKeyFirst() {
        DynamoDbEditor editor = openFromTheExplorer();
        awaitKeysRead(editor);
        run(editor);
        Table items = awaitRows(editor, 3);
        assertEquals(List.of("#", "user", "started", "item"), robot.onUiThread(() -> Arrays.stream(items.getColumns())
                .map(column -> column.getText()).toList()), "the key attributes first, then the whole item");
        awaitMessages(editor, "Scan of sessions: 3 items");
        selectItem(items, "ada", ADA_STARTED);
        Text pane = robot.waitForControlWithData(root(editor), Text.class, JsonPane.TEXT_KEY);
        String shown = robot.onUiThread(pane::getText);
        assertTrue(shown.contains("\"minutes\" : {\n") && shown.contains("\"N\" : \"42\""), "indented DynamoDB JSON: " + shown);
        screenshot(windowShell, SCREENSHOTS.resolve("dynamodb-scan.png"));
    }

    @Test
    @Order(2)
    void theFormQueriesAPartitionNarrowedByTheSortKeyAndAnIndex() {
        DynamoDbEditor editor = activeEditor();
        chooseMode(editor, "Query");
        type(editor, ReadForm.PARTITION_VALUE, "ada");
        run(editor);
        awaitRows(editor, 2);
        awaitMessages(editor, "Query of sessions: 2 items");

        robot.choose(field(editor, Combo.class, ReadForm.SORT_CONDITION), ">");
        type(editor, ReadForm.SORT_VALUE, "1735750000");
        pressEnter(editor, ReadForm.SORT_VALUE); // Enter in a field runs, as in a search box
        Table items = awaitRows(editor, 1);
        assertEquals("1735804800", cell(items, 0, 2));

        robot.choose(field(editor, Combo.class, ReadForm.SORT_CONDITION), "between");
        type(editor, ReadForm.SORT_VALUE, "1735700000");
        type(editor, ReadForm.SORT_VALUE_TO, "1735800000");
        run(editor);
        awaitMessages(editor, "Query of sessions: 1 item in");
        assertEquals(ADA_STARTED, cell(awaitRows(editor, 1), 0, 2));
        screenshot(windowShell, SCREENSHOTS.resolve("dynamodb-query.png"));

        type(editor, ReadForm.SORT_VALUE, "yesterday");
        run(editor);
        awaitMessages(editor, "started is a number: 'yesterday' is not one");

        robot.choose(field(editor, Combo.class, ReadForm.SOURCE), "by-device (global index)");
        type(editor, ReadForm.PARTITION_VALUE, "laptop");
        run(editor);
        awaitRows(editor, 2);
        awaitMessages(editor, "Query of by-device: 2 items");
        screenshot(windowShell, SCREENSHOTS.resolve("dynamodb-query-index.png"));

        type(editor, ReadForm.PARTITION_VALUE, "");
        run(editor);
        awaitMessages(editor, "Enter a value for the partition key by-device");
        robot.choose(field(editor, Combo.class, ReadForm.SOURCE), "sessions (table)");
        chooseMode(editor, "Scan");
        type(editor, ReadForm.LIMIT, "2");
        run(editor);
        awaitRows(editor, 2);
        type(editor, ReadForm.LIMIT, "");
    }

    @Test
    @Order(3)
    void anEditedItemIsSavedAfterConfirmingItsKeyAndTheScanShowsTheChange() {
        DynamoDbEditor editor = activeEditor();
        chooseMode(editor, "Scan");
        run(editor);
        Table items = awaitRows(editor, 3);
        selectItem(items, "ada", ADA_STARTED);
        CompletableFuture<Void> editing = robot.pressKeyLater(items, SWT.NONE, SWT.F2, (char) 0);
        Shell dialog = robot.waitForShell("Edit Item");
        Text json = robot.waitForControlWithData(dialog, Text.class, ItemDialog.TEXT);
        String item = robot.onUiThread(json::getText);
        assertTrue(item.contains("\"N\" : \"42\""), item);

        // the key may not change in an edit: the dialog says so and keeps what was typed
        robot.type(json, item.replace(ADA_STARTED, "1"));
        robot.click(robot.waitForControlWithText(dialog, Button.class, "Save\u2026"));
        robot.waitForControlShowing(dialog, "An edit keeps the key (user = \"ada\", started = " + ADA_STARTED + ")");
        screenshot(dialog, SCREENSHOTS.resolve("dynamodb-edit-key-refused.png"));
        robot.type(json, "{\"user\": {\"S\": \"ada\"}, \"started\": {\"N\": 1}}");
        robot.click(robot.waitForControlWithText(dialog, Button.class, "Save\u2026"));
        robot.waitForControlShowing(dialog, "An edit keeps the key");

        robot.type(json, item.replace("\"N\" : \"42\"", "\"N\" : \"43\""));
        screenshot(dialog, SCREENSHOTS.resolve("dynamodb-edit.png"));
        robot.click(robot.waitForControlWithText(dialog, Button.class, "Save\u2026"));
        Shell confirm = robot.waitForShell(DynamoDbEditor.SAVE_TITLE);
        robot.waitForControlShowing(confirm, "user = \"ada\", started = " + ADA_STARTED);
        screenshot(confirm, SCREENSHOTS.resolve("dynamodb-edit-confirm.png"));
        robot.click(robot.waitForControlWithText(confirm, Button.class, "Save"));
        robot.awaitCompletion("Edit Item", editing);
        awaitMessages(editor, "Saved the item user = \"ada\", started = " + ADA_STARTED + ". Scan of sessions: 3 items");
        assertTrue(itemOf(awaitRows(editor, 3), "ada", ADA_STARTED).contains("\"minutes\":{\"N\":\"43\"}"),
                "the scan run again after saving shows the change");

        run(editor); // and so does a scan of one's own
        assertTrue(itemOf(awaitRows(editor, 3), "ada", ADA_STARTED).contains("\"minutes\":{\"N\":\"43\"}"));
        screenshot(windowShell, SCREENSHOTS.resolve("dynamodb-edited.png"));
    }

    @Test
    @Order(4)
    void aNewItemIsPutOnceAndDeletedAfterConfirmation() {
        DynamoDbEditor editor = activeEditor();
        Table items = awaitRows(editor, 3);
        CompletableFuture<Void> adding = robot.click(toolItem(editor, "New Item\u2026"));
        Shell dialog = robot.waitForShell("New Item");
        Text json = robot.waitForControlWithData(dialog, Text.class, ItemDialog.TEXT);
        assertTrue(robot.onUiThread(json::getText).contains("\"started\" : {\n    \"N\" : \"\""), "the key offered");
        robot.type(json, "{\"user\": {\"S\": \"dora\"}}");
        robot.click(robot.waitForControlWithText(dialog, Button.class, "Put\u2026"));
        robot.waitForControlShowing(dialog, "The item needs its sort key started (number)");
        String dora = "{\"user\": {\"S\": \"dora\"}, \"started\": {\"N\": \"1736000000\"}, \"minutes\": {\"N\": \"5\"}}";
        robot.type(json, dora);
        robot.click(robot.waitForControlWithText(dialog, Button.class, "Put\u2026"));
        Shell confirm = robot.waitForShell(DynamoDbEditor.PUT_TITLE);
        robot.waitForControlShowing(confirm, "user = \"dora\", started = 1736000000");
        robot.click(robot.waitForControlWithText(confirm, Button.class, "Put"));
        robot.awaitCompletion("New Item", adding);
        awaitMessages(editor, "Put the item user = \"dora\"");
        awaitRows(editor, 4);

        // the same key again is not put over the item there
        robot.click(toolItem(editor, "New Item\u2026"));
        Shell again = robot.waitForShell("New Item");
        robot.type(robot.waitForControlWithData(again, Text.class, ItemDialog.TEXT), dora);
        robot.click(robot.waitForControlWithText(again, Button.class, "Put\u2026"));
        robot.click(robot.waitForControlWithText(robot.waitForShell(DynamoDbEditor.PUT_TITLE), Button.class, "Put"));
        awaitMessages(editor, "exists already");

        // Delete asks first, naming the key; Cancel keeps the item
        items = awaitRows(editor, 4);
        selectItem(items, "dora", "1736000000");
        CompletableFuture<Void> asking = robot.pressKeyLater(items, SWT.NONE, SWT.DEL, (char) 127);
        Shell delete = robot.waitForShell(DynamoDbEditor.DELETE_TITLE);
        robot.waitForControlShowing(delete, "Delete the item user = \"dora\", started = 1736000000 from sessions?");
        robot.click(robot.waitForControlWithText(delete, Button.class, "Cancel"));
        robot.awaitCompletion("Delete, cancelled", asking);
        assertEquals(4, robot.onUiThread(items::getItemCount));

        selectItem(items, "dora", "1736000000");
        CompletableFuture<Void> deleting = robot.click(toolItem(editor, "Delete Item\u2026"));
        delete = robot.waitForShell(DynamoDbEditor.DELETE_TITLE);
        robot.waitForControlShowing(delete, "user = \"dora\", started = 1736000000");
        screenshot(delete, SCREENSHOTS.resolve("dynamodb-delete-confirm.png"));
        robot.click(robot.waitForControlWithText(delete, Button.class, "Delete"));
        robot.awaitCompletion("Delete Item", deleting);
        awaitMessages(editor, "Deleted the item user = \"dora\", started = 1736000000.");
        items = awaitRows(editor, 3);
        assertFalse(robot.rowsOf(items).stream().anyMatch(row -> row.get(1).equals("dora")));
        screenshot(windowShell, SCREENSHOTS.resolve("dynamodb-deleted.png"));
    }

    @Test
    @Order(5)
    void aViewerCannotWriteAndTheConnectorRefusesPartiqlThatWrites() {
        bensRoles = asAda((ada, users) -> {
            Set<String> before = users.users(ada).stream().filter(user -> user.displayName().equals("ben")).findFirst()
                    .orElseThrow().roleIds();
            users.setRoles(ada, principalOf(users, ada, "ben"), Set.of("viewer"));
            return before;
        });
        signIn("ben");
        DynamoDbEditor editor = openFromTheExplorer();
        robot.waitForControlShowing(root(editor), "Read-only");
        awaitKeysRead(editor);
        run(editor);
        Table items = awaitRows(editor, 3);
        selectItem(items, "ada", ADA_STARTED);
        for (String write : List.of("New Item\u2026", "Edit Item\u2026", "Delete Item\u2026")) {
            assertFalse(robot.onUiThread(toolItem(editor, write)::isEnabled), write + " is disabled");
        }
        for (String command : List.of(DynamoDbEditor.NEW_ITEM, DynamoDbEditor.EDIT_ITEM)) {
            assertFalse(robot.isCommandEnabled(window, command), command + " is disabled");
        }

        chooseMode(editor, "PartiQL");
        type(editor, ReadForm.PARTIQL, "DELETE FROM \"sessions\" WHERE \"user\" = 'ada' AND started = " + ADA_STARTED);
        run(editor);
        awaitMessages(editor, "This connection is read-only");
        screenshot(windowShell, SCREENSHOTS.resolve("dynamodb-viewer-refused.png"));
        type(editor, ReadForm.PARTIQL, "SELECT * FROM \"sessions\" WHERE \"user\" = 'ada'");
        run(editor);
        awaitRows(editor, 2); // the item is still there, and reading works on
    }

    // ---- the person's steps

    /** Opens the table from the Cloud Explorer through the connect dialog, which has nothing to ask. */
    private static DynamoDbEditor openFromTheExplorer() {
        Tree explorer = robot.onUiThread(() -> {
            try {
                return (Tree) ((CloudExplorerView) window.getActivePage().showView(CloudExplorerView.ID)).getCommonViewer()
                        .getControl();
            } catch (PartInitException e) {
                throw new AssertionError(e);
            }
        });
        TreeItem table = trees.waitForItem(explorer, ACCOUNT, "DynamoDB", "eu-west-1", TABLE);
        CompletableFuture<Void> opening = trees.doubleClick(table);
        Shell dialog = robot.waitForShell("Connect to " + TABLE);
        screenshot(dialog, SCREENSHOTS.resolve("dynamodb-connect.png"));
        robot.click(robot.waitForControlWithText(dialog, Button.class, ConnectDialog.OPEN_LABEL));
        try {
            robot.waitUntil("the connect dialog to close", dialog::isDisposed);
        } catch (AssertionError stillOpen) {
            robot.screenshot(dialog, SCREENSHOTS.resolve("dynamodb-connect-failed.png"));
            throw stillOpen;
        }
        robot.awaitCompletion("opening " + TABLE, opening);
        return robot.waitFor("the DynamoDB editor of " + TABLE, () -> Optional.ofNullable(
                window.getActivePage().getActiveEditor()).filter(DynamoDbEditor.class::isInstance)
                .map(DynamoDbEditor.class::cast).filter(editor -> editor.getPartName().startsWith(TABLE)));
    }

    /** A screenshot once the last changes are painted: GTK paints on its own clock, after the widgets change. */
    private static void screenshot(Shell shell, Path png) {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        robot.screenshot(shell, png);
    }

    private static DynamoDbEditor activeEditor() {
        return robot.onUiThread(() -> (DynamoDbEditor) window.getActivePage().getActiveEditor());
    }

    private static void awaitKeysRead(DynamoDbEditor editor) {
        Button query = robot.waitForControlWithText(root(editor), Button.class, "Query");
        robot.waitUntil("the table's keys to be read", query::isEnabled);
    }

    private static void chooseMode(DynamoDbEditor editor, String mode) {
        robot.runOnUiThread(() -> editor.form().choose(ReadForm.Mode.valueOf(mode.toUpperCase())));
    }

    private static void type(DynamoDbEditor editor, String field, String value) {
        robot.type(field(editor, Text.class, field), value);
    }

    private static <T extends Control> T field(DynamoDbEditor editor, Class<T> type, String key) {
        return robot.waitForControlWithData(root(editor), type, key);
    }

    /** Ctrl+Enter, the editor's Run, in the form. */
    private static void run(DynamoDbEditor editor) {
        robot.pressKey(field(editor, Text.class, ReadForm.LIMIT), SWT.MOD1, SWT.CR, '\r');
    }

    private static void pressEnter(DynamoDbEditor editor, String field) {
        Text text = field(editor, Text.class, field);
        robot.runOnUiThread(() -> text.notifyListeners(SWT.DefaultSelection, new Event()));
    }

    private static Composite root(DynamoDbEditor editor) {
        return robot.onUiThread(() -> editor.form().control().getParent());
    }

    private static ToolItem toolItem(DynamoDbEditor editor, String text) {
        return robot.findToolItem(root(editor), text).orElseThrow(() -> new AssertionError("No tool item " + text));
    }

    /** The item grid's table once the editor is idle with this many rows. */
    private static Table awaitRows(DynamoDbEditor editor, int rows) {
        Composite root = root(editor);
        return robot.waitFor(rows + " items in the grid", () -> Job.getJobManager().find(DynamoDbEditor.JOB_FAMILY).length > 0
                ? Optional.empty()
                : robot.findControlWithData(root, Table.class, DynamoDbEditor.ITEMS)
                        .filter(table -> table.getItemCount() == rows));
    }

    private static void awaitMessages(DynamoDbEditor editor, String part) {
        Text messages = field(editor, Text.class, DynamoDbEditor.MESSAGES);
        robot.waitUntil("the messages to say '" + part + "'", () -> messages.getText().contains(part));
    }

    /** Selects the item with this key in the grid, as a click on its row would (the grid has the focus then). */
    private static void selectItem(Table items, String user, String started) {
        robot.runOnUiThread(() -> {
            TableItem row = rowOf(items, user, started);
            windowShell.forceActive();
            items.setFocus();
            items.setSelection(row);
            Event click = new Event();
            click.item = row;
            items.notifyListeners(SWT.Selection, click);
        });
        robot.waitUntil("the grid to have the focus", () -> items.getDisplay().getFocusControl() == items);
    }

    private static String itemOf(Table items, String user, String started) {
        return robot.onUiThread(() -> rowOf(items, user, started).getText(3));
    }

    private static TableItem rowOf(Table items, String user, String started) {
        return Arrays.stream(items.getItems()).filter(row -> row.getText(1).equals(user) && row.getText(2).equals(started))
                .findFirst().orElseThrow(() -> new AssertionError("No item " + user + "/" + started + " in "
                        + Arrays.stream(items.getItems()).map(row -> row.getText(1) + "/" + row.getText(2)).toList()));
    }

    private static String cell(Table items, int row, int column) {
        return robot.onUiThread(() -> items.getItem(row).getText(column));
    }

    // ---- set-up through the services

    private static void signIn(String user) {
        session.signOut();
        Seed.AccessKey key = DemoDesktop.keyOf(user);
        await(session.signIn(new AwsCredentials(key.id(), Secret.of(key.secret()), null)));
    }

    private static void await(CompletableFuture<?> signingIn) {
        try {
            signingIn.get(UI_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("Signing in failed", e);
        }
    }

    @FunctionalInterface
    private interface AdaWork<T> {
        T run(UserSession ada, UserAdministration users);
    }

    /** Work as the Administrator ada, in a session of her own beside the desktop's (ben must have signed in once). */
    private static <T> T asAda(AdaWork<T> work) {
        SignInService signIn = service(SignInService.class);
        Seed.AccessKey ben = DemoDesktop.keyOf("ben");
        signIn.signOut(signIn.signIn(new AwsCredentials(ben.id(), Secret.of(ben.secret()), null)).id());
        Seed.AccessKey adaKey = DemoDesktop.keyOf("ada");
        UserSession ada = signIn.signIn(new AwsCredentials(adaKey.id(), Secret.of(adaKey.secret()), null));
        try {
            return work.run(ada, service(UserAdministration.class));
        } finally {
            signIn.signOut(ada.id());
        }
    }

    private static String principalOf(UserAdministration users, UserSession ada, String name) {
        return users.users(ada).stream().filter(user -> user.displayName().equals(name)).findFirst().orElseThrow()
                .principalId();
    }

    private static <T> T service(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(DynamoDbEditorTest.class)
                .getBundleContext(), type, null);
        tracker.open();
        try {
            return tracker.getService();
        } finally {
            tracker.close();
        }
    }
}
