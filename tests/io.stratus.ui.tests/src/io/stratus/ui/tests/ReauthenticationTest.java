package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.auth.AuthConfiguration;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.ManualClock;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.KeysLapse;
import io.stratus.core.session.RoleToAssume;
import io.stratus.core.session.SignInRequest;
import io.stratus.core.session.UserSession;
import io.stratus.ui.dynamodb.DynamoDbEditor;
import io.stratus.ui.dynamodb.internal.ReadForm;
import io.stratus.ui.explorer.CloudExplorerView;
import io.stratus.ui.explorer.internal.ConnectDialog;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.testkit.TreeRobot;
import io.stratus.ui.testkit.UiRobot;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * Keys that expire under open work, on the desktop: ada signs in as the demo role DemoReadOnly for STS's shortest
 * keys (15 minutes) and opens the DynamoDB table {@code sessions}; the keys expire (the sign-in service's clock is
 * moved instead of waiting); the status line says so, the editor's next scan is refused, and a prompt offers to
 * re-authenticate; the renewal dialog asks for the secret only and puts new keys into the same session, and the
 * editor, still open, scans again.
 */
@Order(9)
class ReauthenticationTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));
    private static final String TABLE = "sessions";
    private static final String STATUS = "io.stratus.ui.session.status";
    private static final String SECRET_ACCESS_KEY = "io.stratus.ui.session.secretAccessKey";
    private static final String ACCESS_KEY_ID = "io.stratus.ui.session.accessKeyId";

    private static UiRobot robot;
    private static IWorkbenchWindow window;
    private static Shell windowShell;
    private static CurrentSession session;
    private static final ManualClock signInTime = ManualClock.startingNow();
    private static ServiceRegistration<Clock> signInClock;

    @BeforeAll
    static void signInAsTheRoleForAQuarterOfAnHour() throws Exception {
        robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
        window = DemoDesktop.awaitSetUpWindow(robot);
        windowShell = robot.onUiThread(window::getShell);
        session = robot.onUiThread(() -> window.getService(CurrentSession.class));
        session.signOut();
        signInClock = FrameworkUtil.getBundle(ReauthenticationTest.class).getBundleContext().registerService(Clock.class,
                signInTime, new Hashtable<>(Map.of(AuthConfiguration.CLOCK_PROPERTY, AuthConfiguration.SIGN_IN_CLOCK)));
        session.signIn(asDemoReadOnly()).get(UI_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @AfterAll
    static void signOut() {
        robot.closeShellsExcept(windowShell);
        session.signOut();
        signInClock.unregister();
    }

    private static SignInRequest asDemoReadOnly() {
        Seed.AccessKey ada = DemoDesktop.keyOf("ada");
        return SignInRequest.withKeys(new AwsCredentials(ada.id(), Secret.of(ada.secret()), null)).assuming(new RoleToAssume(
                "arn:aws:iam::111122223333:role/DemoReadOnly", Optional.empty(), Optional.of(Duration.ofMinutes(15))));
    }

    @Test
    void whenTheKeysExpireThePromptRenewsThemIntoTheSameSessionAndTheEditorWorksOn() {
        UserSession signedIn = session.signedIn().orElseThrow().session();
        assertTrue(awaitStatus("keys until").contains("DemoReadOnly"));
        DynamoDbEditor editor = openFromTheExplorer();
        run(editor);
        awaitRows(editor, 3);
        awaitMessages(editor, "Scan of sessions: 3 items");

        signInTime.advance(Duration.ofMinutes(11));
        awaitStatus("AWS keys expire at");
        robot.screenshot(windowShell, SCREENSHOTS.resolve("reauth-keys-expire-soon.png"));

        signInTime.advance(Duration.ofMinutes(5));
        run(editor); // the scan needs the keys: refused, and the session waits for new ones
        Shell prompt = robot.waitForShell("AWS Keys Expired");
        robot.waitForControlShowing(prompt, "expired");
        robot.waitForControlShowing(prompt, "stay open");
        assertEquals(Optional.of(KeysLapse.EXPIRED), signedIn.keysLapse());
        awaitStatus("AWS keys expired: re-authenticate");
        awaitMessages(editor, "Re-authenticate");
        robot.screenshot(windowShell, SCREENSHOTS.resolve("reauth-prompt.png"));
        // The simulator issues the new keys by the real time: the sign-in clock goes back to it (the lapse stays).
        signInTime.advance(Duration.ofMinutes(-16));
        CompletableFuture<Void> renewing = robot.click(robot.waitForControlWithText(prompt, Button.class, "Re-authenticate..."));

        Shell dialog = robot.waitForShell("Re-authenticate");
        robot.waitForControlShowing(dialog, "Assuming arn:aws:iam::111122223333:role/DemoReadOnly again");
        Seed.AccessKey ada = DemoDesktop.keyOf("ada");
        assertEquals(ada.id(), robot.textOf(robot.waitForControlWithData(dialog, Text.class, ACCESS_KEY_ID)),
                "the key id is filled in");
        Seed.AccessKey ben = DemoDesktop.keyOf("ben");
        robot.type(robot.waitForControlWithData(dialog, Text.class, ACCESS_KEY_ID), ben.id());
        typeSecret(robot.waitForControlWithData(dialog, Text.class, SECRET_ACCESS_KEY), ben.secret());
        press(dialog, "Re-authenticate");
        // ben may not assume the role (and keys of his own would be another identity): nothing changes hands.
        robot.waitForControlShowing(dialog, "did not let you assume the role");
        robot.waitForControlShowing(dialog, "give a code of your MFA device"); // the refusal whole, to what to check
        robot.screenshot(dialog, SCREENSHOTS.resolve("reauth-refused.png"));
        assertEquals(Optional.of(KeysLapse.EXPIRED), signedIn.keysLapse());
        robot.type(robot.waitForControlWithData(dialog, Text.class, ACCESS_KEY_ID), ada.id());
        typeSecret(robot.waitForControlWithData(dialog, Text.class, SECRET_ACCESS_KEY), ada.secret());
        robot.screenshot(dialog, SCREENSHOTS.resolve("reauth-dialog.png"));
        press(dialog, "Re-authenticate");
        robot.waitUntil("the renewal dialog to close", dialog::isDisposed);
        robot.awaitCompletion("the prompt to close", renewing);

        assertSame(signedIn, session.signedIn().orElseThrow().session(), "the same session");
        assertEquals(Optional.empty(), signedIn.keysLapse());
        assertFalse(robot.onUiThread(editor.form().control()::isDisposed), "the editor stayed open");
        awaitStatus("keys until");
        run(editor);
        awaitRows(editor, 3);
        awaitMessages(editor, "Scan of sessions: 3 items");
        robot.screenshot(windowShell, SCREENSHOTS.resolve("reauth-renewed.png"));
    }

    // ---- the person's steps, as DynamoDbEditorTest takes them

    private static DynamoDbEditor openFromTheExplorer() {
        Tree explorer = robot.onUiThread(() -> {
            try {
                return (Tree) ((CloudExplorerView) window.getActivePage().showView(CloudExplorerView.ID)).getCommonViewer()
                        .getControl();
            } catch (PartInitException e) {
                throw new AssertionError(e);
            }
        });
        TreeItem table = new TreeRobot(robot).waitForItem(explorer, item -> item.getText().contains("AWS account"),
                "DynamoDB", "eu-west-1", TABLE);
        CompletableFuture<Void> opening = new TreeRobot(robot).doubleClick(table);
        Shell dialog = robot.waitForShell("Connect to " + TABLE);
        robot.click(robot.waitForControlWithText(dialog, Button.class, ConnectDialog.OPEN_LABEL));
        robot.waitUntil("the connect dialog to close", dialog::isDisposed);
        robot.awaitCompletion("opening " + TABLE, opening);
        DynamoDbEditor editor = robot.waitFor("the DynamoDB editor of " + TABLE, () -> Optional.ofNullable(
                window.getActivePage().getActiveEditor()).filter(DynamoDbEditor.class::isInstance)
                .map(DynamoDbEditor.class::cast).filter(open -> open.getPartName().startsWith(TABLE)));
        Button query = robot.waitForControlWithText(root(editor), Button.class, "Query");
        robot.waitUntil("the table's keys to be read", query::isEnabled);
        return editor;
    }

    /** Ctrl+Enter, the editor's Run, in the form. */
    private static void run(DynamoDbEditor editor) {
        robot.pressKey(robot.waitForControlWithData(root(editor), Text.class, ReadForm.LIMIT), SWT.MOD1, SWT.CR, '\r');
    }

    private static Composite root(DynamoDbEditor editor) {
        return robot.onUiThread(() -> editor.form().control().getParent());
    }

    private static void awaitRows(DynamoDbEditor editor, int rows) {
        Composite root = root(editor);
        robot.waitFor(rows + " items in the grid", () -> Job.getJobManager().find(DynamoDbEditor.JOB_FAMILY).length > 0
                ? Optional.empty()
                : robot.findControlWithData(root, Table.class, DynamoDbEditor.ITEMS).filter(table -> table.getItemCount() == rows));
    }

    private static void awaitMessages(DynamoDbEditor editor, String part) {
        Text messages = robot.waitForControlWithData(root(editor), Text.class, DynamoDbEditor.MESSAGES);
        robot.waitUntil("the messages to say '" + part + "'", () -> messages.getText().contains(part));
    }

    private static String awaitStatus(String part) {
        CLabel status = robot.waitForControlWithData(windowShell, CLabel.class, STATUS);
        robot.waitUntil("the status line to say '" + part + "'", () -> status.getText().contains(part));
        return robot.onUiThread(status::getText);
    }

    private static void typeSecret(Text field, String secret) {
        robot.type(field, secret);
    }

    private static void press(Shell shell, String button) {
        robot.click(robot.waitForControlWithText(shell, Button.class, button));
    }
}
