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
import io.stratus.ui.database.JsonTextDialog;
import io.stratus.ui.dynamodb.DynamoDbEditor;
import io.stratus.ui.dynamodb.internal.ReadForm;
import io.stratus.ui.results.JsonPane;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.testkit.UiRobot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

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
    private static final String TABLE = "sessions";
    /** The item the test edits: ada's session that started at 2025-01-01T08:00:00Z. */
    private static final String ADA_STARTED = "1735718400";

    private static UiRobot robot;
    private static DynamoDbTableSteps table;
    private static IWorkbenchWindow window;
    private static Shell windowShell;
    private static CurrentSession session;
    /** ben's roles before the test made him a Viewer. */
    private static Set<String> bensRoles;

    @BeforeAll
    static void signInAsAda() throws Exception {
        robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
        window = DemoDesktop.awaitSetUpWindow(robot);
        table = new DynamoDbTableSteps(robot, window);
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
        DynamoDbEditor editor = table.open(TABLE,
                connect -> screenshot(connect, SCREENSHOTS.resolve("dynamodb-connect.png")));
        table.run(editor);
        Table items = table.awaitRows(editor, 3);
        assertEquals(List.of("#", "user", "started", "item"), robot.onUiThread(() -> Arrays.stream(items.getColumns())
                .map(column -> column.getText()).toList()), "the key attributes first, then the whole item");
        table.awaitMessages(editor, "Scan of sessions: 3 items");
        selectItem(items, "ada", ADA_STARTED);
        Text pane = robot.waitForControlWithData(table.root(editor), Text.class, JsonPane.TEXT_KEY);
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
        table.run(editor);
        table.awaitRows(editor, 2);
        table.awaitMessages(editor, "Query of sessions: 2 items");

        robot.choose(table.field(editor, Combo.class, ReadForm.SORT_CONDITION), ">");
        type(editor, ReadForm.SORT_VALUE, "1735750000");
        pressEnter(editor, ReadForm.SORT_VALUE); // Enter in a field runs, as in a search box
        Table items = table.awaitRows(editor, 1);
        assertEquals("1735804800", cell(items, 0, 2));

        robot.choose(table.field(editor, Combo.class, ReadForm.SORT_CONDITION), "between");
        type(editor, ReadForm.SORT_VALUE, "1735700000");
        type(editor, ReadForm.SORT_VALUE_TO, "1735800000");
        table.run(editor);
        table.awaitMessages(editor, "Query of sessions: 1 item in");
        assertEquals(ADA_STARTED, cell(table.awaitRows(editor, 1), 0, 2));
        screenshot(windowShell, SCREENSHOTS.resolve("dynamodb-query.png"));

        type(editor, ReadForm.SORT_VALUE, "yesterday");
        table.run(editor);
        table.awaitMessages(editor, "started is a number: 'yesterday' is not one");

        robot.choose(table.field(editor, Combo.class, ReadForm.SOURCE), "by-device (global index)");
        type(editor, ReadForm.PARTITION_VALUE, "laptop");
        table.run(editor);
        table.awaitRows(editor, 2);
        table.awaitMessages(editor, "Query of by-device: 2 items");
        screenshot(windowShell, SCREENSHOTS.resolve("dynamodb-query-index.png"));

        type(editor, ReadForm.PARTITION_VALUE, "");
        table.run(editor);
        table.awaitMessages(editor, "Enter a value for the partition key by-device");
        robot.choose(table.field(editor, Combo.class, ReadForm.SOURCE), "sessions (table)");
        chooseMode(editor, "Scan");
        type(editor, ReadForm.LIMIT, "2");
        table.run(editor);
        table.awaitRows(editor, 2);
        type(editor, ReadForm.LIMIT, "");
    }

    @Test
    @Order(3)
    void anEditedItemIsSavedAfterConfirmingItsKeyAndTheScanShowsTheChange() {
        DynamoDbEditor editor = activeEditor();
        chooseMode(editor, "Scan");
        table.run(editor);
        Table items = table.awaitRows(editor, 3);
        selectItem(items, "ada", ADA_STARTED);
        CompletableFuture<Void> editing = robot.pressKeyLater(items, SWT.NONE, SWT.F2, (char) 0);
        Shell dialog = robot.waitForShell("Edit Item");
        Text json = robot.waitForControlWithData(dialog, Text.class, JsonTextDialog.TEXT);
        String item = robot.onUiThread(json::getText);
        assertTrue(item.contains("\"N\" : \"42\""), item);

        // the key may not change in an edit: the dialog says so as it is typed, keeps it, and Save waits
        Button save = robot.waitForControlWithText(dialog, Button.class, "Save\u2026");
        robot.type(json, item.replace(ADA_STARTED, "1"));
        robot.waitForControlShowing(dialog, "An edit keeps the key (user = \"ada\", started = " + ADA_STARTED + ")");
        assertFalse(robot.onUiThread(save::isEnabled), "Save waits for the key");
        screenshot(dialog, SCREENSHOTS.resolve("dynamodb-edit-key-refused.png"));
        robot.type(json, "{\"user\": {\"S\": \"ada\"}, \"started\": {\"N\": 1}}");
        robot.waitForControlShowing(dialog, "An edit keeps the key");
        assertFalse(robot.onUiThread(save::isEnabled), "Save waits for the key");

        robot.type(json, item.replace("\"N\" : \"42\"", "\"N\" : \"43\""));
        screenshot(dialog, SCREENSHOTS.resolve("dynamodb-edit.png"));
        robot.click(robot.waitForControlWithText(dialog, Button.class, "Save\u2026"));
        Shell confirm = robot.waitForShell(DynamoDbEditor.SAVE_TITLE);
        robot.waitForControlShowing(confirm, "user = \"ada\", started = " + ADA_STARTED);
        screenshot(confirm, SCREENSHOTS.resolve("dynamodb-edit-confirm.png"));
        robot.click(robot.waitForControlWithText(confirm, Button.class, "Save"));
        robot.awaitCompletion("Edit Item", editing);
        table.awaitMessages(editor,
                "Saved the item user = \"ada\", started = " + ADA_STARTED + ". Scan of sessions: 3 items");
        assertTrue(itemOf(table.awaitRows(editor, 3), "ada", ADA_STARTED).contains("\"minutes\":{\"N\":\"43\"}"),
                "the scan run again after saving shows the change");

        table.run(editor); // and so does a scan of one's own
        assertTrue(itemOf(table.awaitRows(editor, 3), "ada", ADA_STARTED).contains("\"minutes\":{\"N\":\"43\"}"));
        screenshot(windowShell, SCREENSHOTS.resolve("dynamodb-edited.png"));
    }

    @Test
    @Order(4)
    void aNewItemIsPutOnceAndDeletedAfterConfirmation() {
        DynamoDbEditor editor = activeEditor();
        Table items = table.awaitRows(editor, 3);
        CompletableFuture<Void> adding = robot.click(table.toolItem(editor, "New Item\u2026"));
        Shell dialog = robot.waitForShell("New Item");
        Text json = robot.waitForControlWithData(dialog, Text.class, JsonTextDialog.TEXT);
        assertTrue(robot.onUiThread(json::getText).contains("\"started\" : {\n    \"N\" : \"\""), "the key offered");
        Button put = robot.waitForControlWithText(dialog, Button.class, "Put\u2026");
        assertFalse(robot.onUiThread(put::isEnabled), "Put waits for the key to be filled in");
        robot.type(json, "{\"user\": {\"S\": \"dora\"}}");
        robot.waitForControlShowing(dialog, "The item needs its sort key started (number)");
        assertFalse(robot.onUiThread(put::isEnabled), "Put waits for the sort key");
        String dora = "{\"user\": {\"S\": \"dora\"}, \"started\": {\"N\": \"1736000000\"}, \"minutes\": {\"N\": \"5\"}}";
        robot.type(json, dora);
        robot.click(robot.waitForControlWithText(dialog, Button.class, "Put\u2026"));
        Shell confirm = robot.waitForShell(DynamoDbEditor.PUT_TITLE);
        robot.waitForControlShowing(confirm, "user = \"dora\", started = 1736000000");
        robot.click(robot.waitForControlWithText(confirm, Button.class, "Put"));
        robot.awaitCompletion("New Item", adding);
        table.awaitMessages(editor, "Put the item user = \"dora\"");
        table.awaitRows(editor, 4);

        // the same key again is not put over the item there
        robot.click(table.toolItem(editor, "New Item\u2026"));
        Shell again = robot.waitForShell("New Item");
        robot.type(robot.waitForControlWithData(again, Text.class, JsonTextDialog.TEXT), dora);
        robot.click(robot.waitForControlWithText(again, Button.class, "Put\u2026"));
        robot.click(robot.waitForControlWithText(robot.waitForShell(DynamoDbEditor.PUT_TITLE), Button.class, "Put"));
        table.awaitMessages(editor, "exists already");

        // Delete asks first, naming the key; Cancel keeps the item
        items = table.awaitRows(editor, 4);
        selectItem(items, "dora", "1736000000");
        CompletableFuture<Void> asking = robot.pressKeyLater(items, SWT.NONE, SWT.DEL, (char) 127);
        Shell delete = robot.waitForShell(DynamoDbEditor.DELETE_TITLE);
        robot.waitForControlShowing(delete, "Delete the item user = \"dora\", started = 1736000000 from sessions?");
        robot.click(robot.waitForControlWithText(delete, Button.class, "Cancel"));
        robot.awaitCompletion("Delete, cancelled", asking);
        assertEquals(4, robot.onUiThread(items::getItemCount));

        selectItem(items, "dora", "1736000000");
        CompletableFuture<Void> deleting = robot.click(table.toolItem(editor, "Delete Item\u2026"));
        delete = robot.waitForShell(DynamoDbEditor.DELETE_TITLE);
        robot.waitForControlShowing(delete, "user = \"dora\", started = 1736000000");
        screenshot(delete, SCREENSHOTS.resolve("dynamodb-delete-confirm.png"));
        robot.click(robot.waitForControlWithText(delete, Button.class, "Delete"));
        robot.awaitCompletion("Delete Item", deleting);
        table.awaitMessages(editor, "Deleted the item user = \"dora\", started = 1736000000.");
        items = table.awaitRows(editor, 3);
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
        DynamoDbEditor editor = table.open(TABLE, dialog -> { });
        robot.waitForControlShowing(table.root(editor), "Read-only");
        table.run(editor);
        Table items = table.awaitRows(editor, 3);
        selectItem(items, "ada", ADA_STARTED);
        for (String write : List.of("New Item\u2026", "Edit Item\u2026", "Delete Item\u2026")) {
            assertFalse(robot.onUiThread(table.toolItem(editor, write)::isEnabled), write + " is disabled");
        }
        for (String command : List.of(DynamoDbEditor.NEW_ITEM, DynamoDbEditor.EDIT_ITEM)) {
            assertFalse(robot.isCommandEnabled(window, command), command + " is disabled");
        }

        chooseMode(editor, "PartiQL");
        type(editor, ReadForm.PARTIQL, "DELETE FROM \"sessions\" WHERE \"user\" = 'ada' AND started = " + ADA_STARTED);
        table.run(editor);
        table.awaitMessages(editor, "This connection is read-only");
        screenshot(windowShell, SCREENSHOTS.resolve("dynamodb-viewer-refused.png"));
        type(editor, ReadForm.PARTIQL, "SELECT * FROM \"sessions\" WHERE \"user\" = 'ada'");
        table.run(editor);
        table.awaitRows(editor, 2); // the item is still there, and reading works on
    }

    // ---- the person's steps

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

    private static void chooseMode(DynamoDbEditor editor, String mode) {
        robot.runOnUiThread(() -> editor.form().choose(ReadForm.Mode.valueOf(mode.toUpperCase())));
    }

    private static void type(DynamoDbEditor editor, String field, String value) {
        robot.type(table.field(editor, Text.class, field), value);
    }

    private static void pressEnter(DynamoDbEditor editor, String field) {
        Text text = table.field(editor, Text.class, field);
        robot.runOnUiThread(() -> text.notifyListeners(SWT.DefaultSelection, new Event()));
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
        SignInService signIn = DesktopServices.service(SignInService.class);
        Seed.AccessKey ben = DemoDesktop.keyOf("ben");
        signIn.signOut(signIn.signIn(new AwsCredentials(ben.id(), Secret.of(ben.secret()), null)).id());
        Seed.AccessKey adaKey = DemoDesktop.keyOf("ada");
        UserSession ada = signIn.signIn(new AwsCredentials(adaKey.id(), Secret.of(adaKey.secret()), null));
        try {
            return work.run(ada, DesktopServices.service(UserAdministration.class));
        } finally {
            signIn.signOut(ada.id());
        }
    }

    private static String principalOf(UserAdministration users, UserSession ada, String name) {
        return users.users(ada).stream().filter(user -> user.displayName().equals(name)).findFirst().orElseThrow()
                .principalId();
    }
}
