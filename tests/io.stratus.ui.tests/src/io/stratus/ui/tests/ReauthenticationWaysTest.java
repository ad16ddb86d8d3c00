package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.auth.AuthConfiguration;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.ManualClock;
import io.stratus.core.session.AuthorizationProgress;
import io.stratus.core.session.DeviceAuthorization;
import io.stratus.core.session.IdentityCenter;
import io.stratus.core.session.IdentityCenterPortal;
import io.stratus.core.session.IdentityCenterSignIn;
import io.stratus.core.session.KeysLapse;
import io.stratus.core.session.SignInService;
import io.stratus.core.session.UserSession;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignInWay;
import io.stratus.ui.session.WebBrowser;
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
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
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * Re-authenticating into the same session the way the person signed in, when the keys expired: a session of IAM
 * Identity Center through a new approval in the dialog (code shown, the browser asked to open the page, a Job
 * polling; somebody else's approval refused), and a session of an AWS profile by reading the profile again (its
 * credential_process runs again, no keys asked). The sign-in clock is moved past the keys' expiry, as in
 * ReauthenticationTest. At the end, none of the keys is in the desktop's data, settings or logs.
 */
@Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReauthenticationWaysTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));
    private static final String STATUS = "io.stratus.ui.session.status";
    private static final String METHOD = "io.stratus.ui.session.method";
    private static final String PROFILE = "io.stratus.ui.session.profile";
    private static final String START_URL = "io.stratus.ui.session.ssoStartUrl";
    private static final String USER_CODE = "io.stratus.ui.session.ssoUserCode";
    private static final String PROGRESS = "io.stratus.ui.session.ssoProgress";
    private static final String ACCESS_KEY_ID = "io.stratus.ui.session.accessKeyId";
    private static final String ACCOUNT = "111122223333";
    private static final IdentityCenterPortal DEMO_PORTAL = new IdentityCenterPortal(
            "https://stratus-demo.awsapps.com/start", "us-east-1");

    private static final List<URI> opened = new CopyOnWriteArrayList<>();
    private static final List<String> secrets = new ArrayList<>();
    /** Stands still from the class's start: the tests move it past the keys' expiry (with a margin for the time they take). */
    private static ManualClock signInTime;
    private static ServiceRegistration<Clock> signInClock;
    private static ServiceRegistration<WebBrowser> recordingBrowser;
    private static UiRobot robot;
    private static Shell windowShell;
    private static CurrentSession session;
    private static Path awsFolder;

    @BeforeAll
    static void setUp() throws Exception {
        robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
        IWorkbenchWindow window = DemoDesktop.awaitSetUpWindow(robot);
        windowShell = robot.onUiThread(window::getShell);
        session = robot.onUiThread(() -> window.getService(CurrentSession.class));
        session.signOut();
        signInTime = ManualClock.startingNow();
        var context = FrameworkUtil.getBundle(ReauthenticationWaysTest.class).getBundleContext();
        signInClock = context.registerService(Clock.class, signInTime,
                new Hashtable<>(Map.of(AuthConfiguration.CLOCK_PROPERTY, AuthConfiguration.SIGN_IN_CLOCK)));
        recordingBrowser = context.registerService(WebBrowser.class, page -> opened.add(page),
                new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 100)));
        awsFolder = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "aws-reauth-");
        System.setProperty("aws.configFile", awsFolder.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", awsFolder.resolve("credentials").toString());
    }

    @AfterAll
    static void tearDown() {
        robot.closeShellsExcept(windowShell);
        session.signOut();
        signInClock.unregister();
        recordingBrowser.unregister();
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
        var settings = PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(CurrentSession.class));
        settings.getDialogSettings().getSection("SignIn").put("method", "KEYS"); // as the UI tests after this one expect
        settings.saveDialogSettings();
    }

    @AfterEach
    void closeDialogsAndSignOut() {
        robot.closeShellsExcept(windowShell);
        session.signOut();
    }

    @Test
    @Order(1)
    void aSessionOfIdentityCenterIsRenewedThroughANewApprovalAndSomebodyElsesIsRefused() throws Exception {
        IdentityCenter identityCenter = DesktopServices.service(IdentityCenter.class);
        DeviceAuthorization started = identityCenter.start(DEMO_PORTAL);
        decide(started.verificationUriComplete(), started.userCode(), "ada");
        for (int i = 0; i < 100 && identityCenter.poll(started.id()).state() != AuthorizationProgress.State.APPROVED; i++) {
            Thread.sleep(100);
        }
        IdentityCenterSignIn reader = new IdentityCenterSignIn(DEMO_PORTAL, ACCOUNT, "DatabaseReader");
        session.adopt("Signing in through IAM Identity Center", new SignInWay.IdentityCenter(reader),
                () -> identityCenter.signIn(started.id(), ACCOUNT, "DatabaseReader")).get(30, TimeUnit.SECONDS);
        UserSession signedIn = session.signedIn().orElseThrow().session();
        keepSecretsOf(signedIn);

        expire(signedIn, Duration.ofMinutes(70)); // Identity Center's keys last an hour
        Shell prompt = robot.waitForShell("AWS Keys Expired");
        signInTime.advance(Duration.ofMinutes(-70)); // the simulator issues new keys by the real time
        CompletableFuture<Void> renewing = robot.click(robot.waitForControlWithText(prompt, Button.class,
                "Re-authenticate..."));
        Shell dialog = robot.waitForShell("Re-authenticate");
        robot.waitForControlShowing(dialog, "as DatabaseReader in " + ACCOUNT + " again");
        assertTrue(robot.findControlWithData(dialog, Text.class, ACCESS_KEY_ID).isEmpty(), "no keys to type");
        Text startUrl = robot.waitForControlWithData(dialog, Text.class, START_URL);
        assertEquals(DEMO_PORTAL.startUrl(), robot.textOf(startUrl));
        assertTrue(!robot.onUiThread(startUrl::isEnabled), "the session's own portal");

        String code = startAndAwaitCode(dialog);
        robot.screenshot(dialog, SCREENSHOTS.resolve("reauth-identity-center-code.png"));
        decide(opened.getLast(), code, "ben");
        robot.waitForControlShowing(dialog, "Approved. Go on with the role below.");
        press(dialog, "Re-authenticate");
        robot.waitForControlShowing(dialog, "approve a new sign-in as ada");
        robot.screenshot(dialog, SCREENSHOTS.resolve("reauth-identity-center-somebody-else.png"));
        assertEquals(Optional.of(KeysLapse.EXPIRED), signedIn.keysLapse(), "still waiting for ada's keys");

        decide(opened.getLast(), startAndAwaitCode(dialog), "ada");
        robot.waitForControlShowing(dialog, "Approved. Go on with the role below.");
        press(dialog, "Re-authenticate");
        robot.waitUntil("the re-authentication dialog to close", dialog::isDisposed);
        robot.awaitCompletion("the prompt to close", renewing);
        assertSame(signedIn, session.signedIn().orElseThrow().session(), "the same session");
        assertEquals(Optional.empty(), signedIn.keysLapse());
        keepSecretsOf(signedIn);
        awaitStatus("keys until");
    }

    @Test
    @Order(2)
    void aSessionOfAnAwsProfileIsRenewedByReadingTheProfileAgain() throws Exception {
        Seed.AccessKey ada = DemoDesktop.keyOf("ada");
        Path runs = awsFolder.resolve("runs");
        Path process = awsFolder.resolve("keys.sh");
        Files.writeString(process, """
                #!/bin/sh
                echo run >> '%s'
                printf '{"Version": 1, "AccessKeyId": "%s", "SecretAccessKey": "%s", "Expiration": "%%s"}' \\
                    "$(date -u -d '+15 minutes' +%%Y-%%m-%%dT%%H:%%M:%%SZ)"
                """.formatted(runs, ada.id(), ada.secret()));
        Files.setPosixFilePermissions(process, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(awsFolder.resolve("config"), "[profile vault]\ncredential_process = " + process + "\n");
        Files.writeString(awsFolder.resolve("credentials"), "");
        secrets.add(ada.secret());

        robot.executeCommand(robot.onUiThread(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow()),
                "io.stratus.ui.session.signIn");
        Shell signIn = robot.waitForShell("Sign In to Stratus");
        robot.choose(robot.waitForControlWithData(signIn, Combo.class, METHOD), "An AWS profile (AWS CLI configuration)");
        robot.choose(robot.waitForControlWithData(signIn, Combo.class, PROFILE), "vault");
        press(signIn, "Sign In");
        robot.waitUntil("the sign-in dialog to close", signIn::isDisposed);
        UserSession signedIn = session.signedIn().orElseThrow().session();
        assertEquals(1, Files.readAllLines(runs).size());

        expire(signedIn, Duration.ofMinutes(25)); // its keys last 15 minutes
        Shell prompt = robot.waitForShell("AWS Keys Expired");
        signInTime.advance(Duration.ofMinutes(-25));
        CompletableFuture<Void> renewing = robot.click(robot.waitForControlWithText(prompt, Button.class,
                "Re-authenticate..."));
        Shell dialog = robot.waitForShell("Re-authenticate");
        robot.waitForControlShowing(dialog, "Reading the AWS profile 'vault' again");
        assertTrue(robot.findControlWithData(dialog, Text.class, ACCESS_KEY_ID).isEmpty(), "no keys to type");
        robot.screenshot(dialog, SCREENSHOTS.resolve("reauth-profile.png"));
        press(dialog, "Re-authenticate");
        robot.waitUntil("the re-authentication dialog to close", dialog::isDisposed);
        robot.awaitCompletion("the prompt to close", renewing);

        assertEquals(2, Files.readAllLines(runs).size(), "the profile was read again: its process ran again");
        assertSame(signedIn, session.signedIn().orElseThrow().session(), "the same session");
        assertEquals(Optional.empty(), signedIn.keysLapse());
        awaitStatus("keys until");
    }

    @Test
    @Order(3)
    void noKeyOfTheseSessionsIsWrittenAnywhere() throws IOException {
        assertTrue(secrets.size() >= 3, "the sessions' keys were kept: " + secrets.size());
        List<Path> places = DemoDesktop.dataAndLogs();
        for (String secret : secrets) {
            assertEquals(List.of(), DemoDesktop.filesHolding(places, secret), "a secret was written");
        }
    }

    /** Moves the sign-in clock past the keys' expiry, using the session meanwhile so that it does not go idle. */
    private static void expire(UserSession signedIn, Duration by) {
        SignInService signIn = DesktopServices.service(SignInService.class);
        Duration step = Duration.ofMinutes(20);
        for (Duration left = by; !left.isZero(); ) {
            Duration now = left.compareTo(step) > 0 ? step : left;
            signInTime.advance(now);
            signIn.find(signedIn.id());
            left = left.minus(now);
        }
    }

    private static void keepSecretsOf(UserSession signedIn) {
        signedIn.awsKeys().use(keys -> {
            secrets.add(keys.secretAccessKey().reveal());
            keys.sessionToken().ifPresent(token -> secrets.add(token.reveal()));
            return null;
        });
    }

    /** Presses Start; returns the code the dialog shows, once the browser was asked to open its page. */
    private static String startAndAwaitCode(Shell dialog) {
        int before = opened.size();
        press(dialog, "Start");
        Text code = robot.waitForControlWithData(dialog, Text.class, USER_CODE);
        robot.waitUntil("the user code to show", () -> code.isVisible() && !code.getText().isEmpty());
        robot.waitUntil("the browser to be asked to open the verification page", () -> opened.size() > before);
        robot.waitForControlWithData(dialog, Label.class, PROGRESS);
        return robot.textOf(code);
    }

    private static void decide(URI page, String userCode, String person) throws IOException, InterruptedException {
        DemoDesktop.decideUserCode(page, userCode, person, "approve");
    }

    private static void press(Shell shell, String button) {
        robot.click(robot.waitForControlWithText(shell, Button.class, button));
    }

    private static void awaitStatus(String part) {
        CLabel status = robot.waitForControlWithData(windowShell, CLabel.class, STATUS);
        robot.waitUntil("the status line to show '" + part + "'", () -> status.getText().contains(part));
    }
}
