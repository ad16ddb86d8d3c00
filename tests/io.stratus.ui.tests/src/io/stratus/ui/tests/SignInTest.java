package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.AwsClients;
import io.stratus.aws.AwsService;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.identity.Secret;
import io.stratus.ui.StratusPerspective;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
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

import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Signing in to the desktop, which runs in demo mode here ({@code --demo}: the AWS simulator plays the
 * sample account, the instance starts unconfigured). Runs before the other UI tests (see
 * {@code junit-platform.properties}) because the first thing the desktop shows on a fresh instance is
 * the setup wizard, and the steps build on each other: setup, refusals, keys never written, session end.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));
    private static final String SIGN_IN = "Sign In to Stratus";
    private static final String SET_UP = "Set Up Stratus";
    private static final String STATUS = "io.stratus.ui.session.status";
    private static final String ACCESS_KEY_ID = "io.stratus.ui.session.accessKeyId";
    private static final String SECRET_ACCESS_KEY = "io.stratus.ui.session.secretAccessKey";
    private static final String SESSION_TOKEN = "io.stratus.ui.session.sessionToken";

    private static UiRobot robot;
    private static IWorkbenchWindow window;
    private static Shell windowShell;
    private static CurrentSession session;
    private static Seed.AccessKey ada;
    /** Every secret typed into the desktop, looked for on disk at the end. */
    private static final List<String> secretsTyped = new ArrayList<>();

    @BeforeAll
    static void waitForTheWorkbenchWindow() {
        robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
        window = DemoDesktop.awaitWindow(robot);
        windowShell = robot.onUiThread(window::getShell);
        session = robot.onUiThread(() -> window.getService(CurrentSession.class));
        ada = DemoDesktop.keyOf("ada");
    }

    /** Only dialogs a failed step left open: the steps themselves close what they open. */
    @AfterEach
    void closeDialogsLeftOpen() {
        robot.closeShellsExcept(windowShell);
    }

    @Test
    @Order(1)
    void aFreshInstanceOpensTheSetupWizardAtStartAndSetsItUp() {
        Shell wizard = robot.waitForShell(SET_UP);
        robot.waitForControlShowing(wizard, "makes you its Administrator");
        robot.waitForControlShowing(wizard, "binds this instance to your AWS account");
        robot.screenshot(wizard, SCREENSHOTS.resolve("setup-wizard-explanation.png"));
        press(wizard, "Next >");

        robot.type(field(wizard, ACCESS_KEY_ID), ada.id());
        typeSecret(field(wizard, SECRET_ACCESS_KEY), "not-ada's-secret-at-all-0000000000000000");
        press(wizard, "Finish");
        robot.waitForControlShowing(wizard, "The secret access key does not match the access key id");
        robot.waitForControlShowing(wizard, "create a new key if it is lost"); // whole, in the form
        assertEquals("", robot.textOf(field(wizard, SECRET_ACCESS_KEY)), "a refused secret is cleared");
        assertEquals(ada.id(), robot.textOf(field(wizard, ACCESS_KEY_ID)), "the key id stays");
        robot.screenshot(wizard, SCREENSHOTS.resolve("setup-wizard-refused.png"));

        typeSecret(field(wizard, SECRET_ACCESS_KEY), ada.secret());
        press(wizard, "Finish");
        robot.waitUntil("the setup wizard to close", wizard::isDisposed);

        assertTrue(session.instanceConfigured());
        String status = awaitStatus("ada");
        assertTrue(status.contains("111122223333") && status.contains("Administrator") && status.contains("until"), status);
        robot.screenshot(windowShell, SCREENSHOTS.resolve("signed-in-window.png"));
    }

    @Test
    @Order(2)
    void signingOutWipesTheSessionAndTheStatusLineSaysSo() {
        assertTrue(robot.isMenuEnabled(windowShell, "File", "Sign Out"));
        assertFalse(robot.isMenuEnabled(windowShell, "File", "Sign In..."), "one person at a time: sign out first");
        robot.awaitCompletion("File > Sign Out", robot.clickMenu(windowShell, "File", "Sign Out"));
        awaitStatus("Not signed in");
        assertTrue(session.signedIn().isEmpty());
        assertFalse(robot.isMenuEnabled(windowShell, "File", "Sign Out"));
    }

    @Test
    @Order(3)
    void theSignInDialogShowsTheServicesRefusalsAndKeepsWhatWasTyped() {
        CompletableFuture<Void> menu = robot.clickMenu(windowShell, "File", "Sign In...");
        Shell dialog = robot.waitForShell(SIGN_IN);
        assertFalse(robot.onUiThread(field(dialog, SESSION_TOKEN)::isVisible), "no session token for long-term keys");

        robot.type(field(dialog, ACCESS_KEY_ID), "ASIADEMOTEMPORARY001");
        assertTrue(robot.onUiThread(field(dialog, SESSION_TOKEN)::isVisible), "temporary keys ask for their token");
        typeSecret(field(dialog, SECRET_ACCESS_KEY), "some/temporary/secret/0000000000000000000");
        press(dialog, "Sign In");
        robot.waitForControlShowing(dialog, "only work together with their session token");
        assertEquals("", robot.textOf(field(dialog, SECRET_ACCESS_KEY)));

        robot.type(field(dialog, ACCESS_KEY_ID), ada.id());
        typeSecret(field(dialog, SECRET_ACCESS_KEY), "not-ada's-secret-either-00000000000000000");
        press(dialog, "Sign In");
        robot.waitForControlShowing(dialog, "The secret access key does not match the access key id");
        assertEquals(ada.id(), robot.textOf(field(dialog, ACCESS_KEY_ID)));
        robot.screenshot(dialog, SCREENSHOTS.resolve("sign-in-refused.png"));

        press(dialog, "Cancel");
        robot.awaitCompletion("File > Sign In... to return", menu);
        assertTrue(session.signedIn().isEmpty());
    }

    @Test
    @Order(4)
    void keysAreNeverWrittenByTheDesktop() throws IOException {
        Credentials role = assumeDemoReadOnlyRole();
        CompletableFuture<Void> keyBinding = robot.executeCommand(window, "io.stratus.ui.session.signIn");
        Shell dialog = robot.waitForShell(SIGN_IN);
        robot.type(field(dialog, ACCESS_KEY_ID), role.accessKeyId());
        typeSecret(field(dialog, SECRET_ACCESS_KEY), role.secretAccessKey());
        typeSecret(field(dialog, SESSION_TOKEN), role.sessionToken());
        robot.screenshot(dialog, SCREENSHOTS.resolve("sign-in-dialog.png"));
        press(dialog, "Sign In");
        robot.awaitCompletion("the sign-in command to return", keyBinding);
        awaitStatus("DemoReadOnly");

        // Signed in from the status line's menu, signed out there too.
        CLabel status = robot.waitForControlWithData(windowShell, CLabel.class, STATUS);
        robot.awaitCompletion("Sign Out from the status line", robot.clickPopupMenu(status, "Sign Out"));
        awaitStatus("Not signed in");

        PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(CurrentSession.class)).saveDialogSettings();
        robot.runOnUiThread(() -> {
            try {
                Platform.getPreferencesService().getRootNode().flush();
            } catch (org.osgi.service.prefs.BackingStoreException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Path> places = DemoDesktop.dataAndLogs();
        for (String secret : secretsTyped) {
            for (Path found : DemoDesktop.filesHolding(places, secret)) {
                throw new AssertionError("A secret typed at sign-in was written to " + found);
            }
        }
        assertFalse(DemoDesktop.filesHolding(places, "assumed-role/DemoReadOnly").isEmpty(),
                "the search must see the desktop's store, where the role's sign-in is recorded: " + places);
    }

    @Test
    @Order(5)
    void whenAwsRejectsTheKeysTheDesktopOffersToReauthenticateOrSignOutAndKeepsItsLayout() {
        signInAsAda();
        // As when AWS answers a call made with the session's keys that it no longer accepts them.
        try {
            session.signedIn().orElseThrow().session().awsKeys().use(keys -> {
                throw new StratusException(Problem.NOT_SIGNED_IN, "AWS does not recognise this access key id.");
            });
        } catch (StratusException expected) {
            assertEquals(Problem.KEYS_EXPIRED, expected.problem(), "the session waits for new keys");
        }

        Shell prompt = robot.waitForShell("AWS Keys Expired");
        robot.waitForControlShowing(prompt, "AWS no longer accepts the keys of your session");
        awaitStatus("AWS keys expired: re-authenticate");
        robot.screenshotOfDisplay(SCREENSHOTS.resolve("keys-rejected.png"));
        assertEquals(StratusPerspective.ID, robot.onUiThread(() -> window.getActivePage().getPerspective().getId()));
        assertTrue(robot.onUiThread(() -> !windowShell.isDisposed() && windowShell.isVisible()), "the window stays");

        press(prompt, "Sign Out");
        awaitStatus("Not signed in");
        signInAsAda();
    }

    private static void signInAsAda() {
        CompletableFuture<Void> toolbar = robot.executeCommand(window, "io.stratus.ui.session.signIn");
        Shell dialog = robot.waitForShell(SIGN_IN);
        robot.type(field(dialog, ACCESS_KEY_ID), ada.id());
        typeSecret(field(dialog, SECRET_ACCESS_KEY), ada.secret());
        press(dialog, "Sign In");
        robot.awaitCompletion("sign-in as ada", toolbar);
        awaitStatus("ada");
    }

    private static Text field(Shell shell, String dataKey) {
        return robot.waitForControlWithData(shell, Text.class, dataKey);
    }

    private static void typeSecret(Text field, String secret) {
        secretsTyped.add(secret);
        robot.type(field, secret);
    }

    private static void press(Shell shell, String button) {
        robot.click(robot.waitForControlWithText(shell, Button.class, button));
    }

    private static String awaitStatus(String part) {
        CLabel status = robot.waitForControlWithData(windowShell, CLabel.class, STATUS);
        robot.waitUntil("the status line to show '" + part + "'", () -> status.getText().contains(part));
        return robot.textOf(status);
    }

    /** Temporary keys of the demo role, as AWS hands them out: a secret and a session token. */
    private static Credentials assumeDemoReadOnlyRole() {
        AwsKeys asAda = AwsKeys.of(new AwsCredentials(ada.id(), Secret.of(ada.secret()), null));
        return service(AwsClients.class).call(asAda, AwsService.sts(), "AssumeRole", (sts, signedAs) -> sts.assumeRole(
                r -> r.roleArn("arn:aws:iam::111122223333:role/DemoReadOnly").roleSessionName("ui-test")
                        .overrideConfiguration(signedAs))).credentials();
    }

    private static <T> T service(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(SignInTest.class).getBundleContext(),
                type, null);
        tracker.open();
        try {
            T found = tracker.waitForService(UI_TIMEOUT.toMillis());
            if (found == null) {
                throw new AssertionError("No " + type.getName() + " service");
            }
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
