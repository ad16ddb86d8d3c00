package io.stratus.ui.tests;

import io.stratus.ui.dynamodb.DynamoDbEditor;
import io.stratus.ui.dynamodb.internal.ReadForm;
import io.stratus.ui.explorer.internal.ConnectDialog;
import io.stratus.ui.testkit.TreeRobot;
import io.stratus.ui.testkit.UiRobot;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchWindow;

/**
 * A DynamoDB table's editor as its tests drive it (DynamoDbEditorTest, ReauthenticationTest): opened from the
 * Cloud Explorer, its form and Run, its grid once the read is done, its messages and tool items.
 */
final class DynamoDbTableSteps {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));

    private final UiRobot robot;
    private final IWorkbenchWindow window;

    DynamoDbTableSteps(UiRobot robot, IWorkbenchWindow window) {
        this.robot = robot;
        this.window = window;
    }

    /**
     * Opens the table of the demo account in eu-west-1 from the Cloud Explorer through the connect dialog, which has
     * nothing to ask ({@code atConnect} sees it first); returns the editor once it has read the table's keys.
     */
    DynamoDbEditor open(String table, Consumer<Shell> atConnect) {
        Tree explorer = DemoDesktop.showExplorer(robot, window);
        TreeRobot trees = new TreeRobot(robot);
        TreeItem item = trees.waitForItem(explorer, each -> each.getText().contains("AWS account"), "DynamoDB",
                "eu-west-1", table);
        CompletableFuture<Void> opening = trees.doubleClick(item);
        Shell dialog = robot.waitForShell("Connect to " + table);
        atConnect.accept(dialog);
        robot.click(robot.waitForControlWithText(dialog, Button.class, ConnectDialog.OPEN_LABEL));
        try {
            robot.waitUntil("the connect dialog to close", dialog::isDisposed);
        } catch (AssertionError stillOpen) {
            robot.screenshot(dialog, SCREENSHOTS.resolve("dynamodb-connect-failed.png"));
            throw stillOpen;
        }
        robot.awaitCompletion("opening " + table, opening);
        DynamoDbEditor editor = robot.waitFor("the DynamoDB editor of " + table, () -> Optional.ofNullable(
                window.getActivePage().getActiveEditor()).filter(DynamoDbEditor.class::isInstance)
                .map(DynamoDbEditor.class::cast).filter(open -> open.getPartName().startsWith(table)));
        awaitKeysRead(editor);
        return editor;
    }

    /** Query is offered once the editor has read the table's keys. */
    private void awaitKeysRead(DynamoDbEditor editor) {
        Button query = robot.waitForControlWithText(root(editor), Button.class, "Query");
        robot.waitUntil("the table's keys to be read", query::isEnabled);
    }

    /** The editor's own controls: its tool bar, form, grid and messages. */
    Composite root(DynamoDbEditor editor) {
        return robot.onUiThread(() -> editor.form().control().getParent());
    }

    <T extends Control> T field(DynamoDbEditor editor, Class<T> type, String key) {
        return robot.waitForControlWithData(root(editor), type, key);
    }

    /** Ctrl+Enter, the editor's Run, in the form. */
    void run(DynamoDbEditor editor) {
        robot.pressKey(field(editor, Text.class, ReadForm.LIMIT), SWT.MOD1, SWT.CR, '\r');
    }

    ToolItem toolItem(DynamoDbEditor editor, String text) {
        return robot.waitForToolItem(root(editor), text);
    }

    /** The item grid's table once the editor is idle with this many rows. */
    Table awaitRows(DynamoDbEditor editor, int rows) {
        Composite root = root(editor);
        return robot.waitForRows(DynamoDbEditor.JOB_FAMILY,
                () -> robot.findControlWithData(root, Table.class, DynamoDbEditor.ITEMS), rows);
    }

    void awaitMessages(DynamoDbEditor editor, String part) {
        Text messages = field(editor, Text.class, DynamoDbEditor.MESSAGES);
        robot.waitUntil("the messages to say '" + part + "'", () -> messages.getText().contains(part));
    }
}
