package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The desktop as the sign-in tests drive it (SignInTest, SignInMethodsTest, IdentityCenterSignInTest,
 * ReauthenticationTest): its window and session, the sign-in dialog's fields (by the data keys the dialog gives
 * them), the status line, and the secrets a test handed to the desktop, looked for on disk at the end.
 */
final class SignInDesktop {

    static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    static final String SIGN_IN = "Sign In to Stratus";
    /** Data keys of the sign-in dialog's fields (io.stratus.ui.internal.session). */
    static final String METHOD = "io.stratus.ui.session.method";
    static final String ACCESS_KEY_ID = "io.stratus.ui.session.accessKeyId";
    static final String SECRET_ACCESS_KEY = "io.stratus.ui.session.secretAccessKey";
    static final String SESSION_TOKEN = "io.stratus.ui.session.sessionToken";
    static final String MFA_SERIAL = "io.stratus.ui.session.mfaSerial";
    static final String MFA_CODE = "io.stratus.ui.session.mfaCode";
    static final String ROLE_ARN = "io.stratus.ui.session.roleArn";
    static final String EXTERNAL_ID = "io.stratus.ui.session.externalId";
    static final String PROFILE = "io.stratus.ui.session.profile";
    static final String PROFILE_SUMMARY = "io.stratus.ui.session.profileSummary";
    static final String PROFILE_MFA_CODE = "io.stratus.ui.session.profileMfaCode";
    static final String START_URL = "io.stratus.ui.session.ssoStartUrl";
    static final String REGION = "io.stratus.ui.session.ssoRegion";
    static final String USER_CODE = "io.stratus.ui.session.ssoUserCode";
    static final String PROGRESS = "io.stratus.ui.session.ssoProgress";
    static final String SSO_ROLE = "io.stratus.ui.session.ssoRole";
    /** The whole problem a sign-in dialog shows, in its form. */
    static final String PROBLEM = "io.stratus.ui.session.problem";
    private static final String STATUS = "io.stratus.ui.session.status";
    private static final String SIGN_IN_COMMAND = "io.stratus.ui.session.signIn";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));

    final UiRobot robot;
    final IWorkbenchWindow window;
    final Shell windowShell;
    final CurrentSession session;
    /** Every secret handed to the desktop (typed, or in a profile's file), looked for on disk at the end. */
    private final List<String> secrets = new CopyOnWriteArrayList<>();

    private SignInDesktop(UiRobot robot, IWorkbenchWindow window) {
        this.robot = robot;
        this.window = window;
        this.windowShell = robot.onUiThread(window::getShell);
        this.session = robot.onUiThread(() -> window.getService(CurrentSession.class));
    }

    /** The desktop as it starts: on a fresh instance, with the setup wizard open. */
    static SignInDesktop atStart() {
        UiRobot robot = robot();
        return new SignInDesktop(robot, DemoDesktop.awaitWindow(robot));
    }

    /** The desktop set up (by ada, if no test did), no dialog open, nobody signed in. */
    static SignInDesktop setUpAndSignedOut() throws Exception {
        UiRobot robot = robot();
        SignInDesktop desktop = new SignInDesktop(robot, DemoDesktop.awaitSetUpWindow(robot));
        desktop.session.signOut();
        desktop.awaitStatus("Not signed in");
        return desktop;
    }

    private static UiRobot robot() {
        return new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
    }

    /** Closes what a step left open (a failed one, or one that stops with the dialog open) and signs out. */
    void closeDialogsAndSignOut() {
        robot.closeShellsExcept(windowShell);
        session.signOut();
    }

    /** Runs the sign-in command as its key binding does; the future completes when its dialog has closed. */
    CompletableFuture<Void> runSignInCommand() {
        return robot.executeCommand(window, SIGN_IN_COMMAND);
    }

    /** Opens the sign-in dialog with the sign-in command; a dialog that does not come says why, with a screenshot. */
    Shell openSignInDialog() {
        CompletableFuture<Void> command = runSignInCommand();
        try {
            return robot.waitForShell(SIGN_IN);
        } catch (AssertionError noDialog) {
            robot.screenshotOfDisplay(SCREENSHOTS.resolve("sign-in-dialog-missing.png"));
            if (command.isCompletedExceptionally()) {
                command.join(); // says why
            }
            throw noDialog;
        }
    }

    /** Signs in with the dialog as {@code user} of the demo account, with their access keys. */
    void signInAs(String user) {
        Seed.AccessKey key = DemoDesktop.keyOf(user);
        CompletableFuture<Void> command = runSignInCommand();
        Shell dialog = robot.waitForShell(SIGN_IN);
        robot.type(field(dialog, ACCESS_KEY_ID), key.id());
        typeSecret(field(dialog, SECRET_ACCESS_KEY), key.secret());
        press(dialog, "Sign In");
        robot.awaitCompletion("sign-in as " + user, command);
        awaitStatus(user);
    }

    Text field(Shell shell, String dataKey) {
        return robot.waitForControlWithData(shell, Text.class, dataKey);
    }

    /** Chooses {@code item} in the combo box with {@code dataKey}, such as a sign-in method or a profile. */
    void choose(Shell dialog, String dataKey, String item) {
        robot.choose(robot.waitForControlWithData(dialog, Combo.class, dataKey), item);
    }

    /** Types a secret, and keeps it to look for on disk at the end. */
    void typeSecret(Text field, String secret) {
        keepSecret(secret);
        robot.type(field, secret);
    }

    /** Keeps a secret the desktop got another way (a profile's file, Identity Center) to look for on disk. */
    void keepSecret(String secret) {
        secrets.add(secret);
    }

    void press(Shell shell, String button) {
        robot.click(robot.waitForControlWithText(shell, Button.class, button));
    }

    /** The short message the title area of a sign-in dialog shows for a problem, if it shows one. */
    String titleAreaError(Shell dialog) {
        return robot.onUiThread(() -> ((TitleAreaDialog) dialog.getData()).getErrorMessage());
    }

    /** The status line's item that says who is signed in; a click on it offers to sign in or out. */
    CLabel statusLine() {
        return robot.waitForControlWithData(windowShell, CLabel.class, STATUS);
    }

    /** Waits for the status line to show {@code part}; returns all it shows. */
    String awaitStatus(String part) {
        CLabel status = statusLine();
        robot.waitUntil("the status line to show '" + part + "'", () -> status.getText().contains(part));
        return robot.textOf(status);
    }

    void screenshot(Shell shell, String png) {
        robot.screenshot(shell, SCREENSHOTS.resolve(png));
    }

    void screenshotOfDisplay(String png) {
        robot.screenshotOfDisplay(SCREENSHOTS.resolve(png));
    }

    /**
     * Writes out what the desktop holds in memory (dialog settings, preferences), then looks for every kept
     * secret in its data, settings and logs.
     */
    void assertNoSecretWritten() throws IOException {
        assertFalse(secrets.isEmpty(), "a search for no secret proves nothing");
        PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(CurrentSession.class)).saveDialogSettings();
        robot.runOnUiThread(() -> {
            try {
                Platform.getPreferencesService().getRootNode().flush();
            } catch (BackingStoreException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Path> places = DemoDesktop.dataAndLogs();
        for (String secret : secrets) {
            assertEquals(List.of(), DemoDesktop.filesHolding(places, secret), "a secret handed to the desktop was written");
        }
    }

    /**
     * AWS CLI config and credentials files of a test's own, in a new folder, pointed at with the system properties
     * the AWS SDKs honour (as {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE} would); closing
     * points the desktop back at the person's own.
     */
    static final class AwsCliFiles implements AutoCloseable {

        private final Path folder;

        private AwsCliFiles(Path folder) {
            this.folder = folder;
            System.setProperty("aws.configFile", folder.resolve("config").toString());
            System.setProperty("aws.sharedCredentialsFile", folder.resolve("credentials").toString());
        }

        static AwsCliFiles inNewFolder(String prefix) throws IOException {
            return new AwsCliFiles(Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), prefix));
        }

        Path folder() {
            return folder;
        }

        void write(String config, String credentials) throws IOException {
            Files.writeString(folder.resolve("config"), config);
            Files.writeString(folder.resolve("credentials"), credentials);
        }

        @Override
        public void close() {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.sharedCredentialsFile");
        }
    }
}
