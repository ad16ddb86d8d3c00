package io.stratus.ui.tests;

import static io.stratus.ui.tests.SignInDesktop.ACCESS_KEY_ID;
import static io.stratus.ui.tests.SignInDesktop.SECRET_ACCESS_KEY;
import static io.stratus.ui.tests.SignInDesktop.SESSION_TOKEN;
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
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

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

    private static final String SET_UP = "Set Up Stratus";

    private static SignInDesktop desktop;
    private static UiRobot robot;
    private static Seed.AccessKey ada;

    @BeforeAll
    static void waitForTheWorkbenchWindow() {
        desktop = SignInDesktop.atStart();
        robot = desktop.robot;
        ada = DemoDesktop.keyOf("ada");
    }

    /** Only dialogs a failed step left open: the steps themselves close what they open. */
    @AfterEach
    void closeDialogsLeftOpen() {
        robot.closeShellsExcept(desktop.windowShell);
    }

    @Test
    @Order(1)
    void aFreshInstanceOpensTheSetupWizardAtStartAndSetsItUp() {
        Shell wizard = robot.waitForShell(SET_UP);
        robot.waitForControlShowing(wizard, "makes you its Administrator");
        robot.waitForControlShowing(wizard, "binds this instance to your AWS account");
        desktop.screenshot(wizard, "setup-wizard-explanation.png");
        desktop.press(wizard, "Next >");

        robot.type(desktop.field(wizard, ACCESS_KEY_ID), ada.id());
        desktop.typeSecret(desktop.field(wizard, SECRET_ACCESS_KEY), "not-ada's-secret-at-all-0000000000000000");
        desktop.press(wizard, "Finish");
        robot.waitForControlShowing(wizard, "The secret access key does not match the access key id");
        robot.waitForControlShowing(wizard, "create a new key if it is lost"); // whole, in the form
        assertEquals("", robot.textOf(desktop.field(wizard, SECRET_ACCESS_KEY)), "a refused secret is cleared");
        assertEquals(ada.id(), robot.textOf(desktop.field(wizard, ACCESS_KEY_ID)), "the key id stays");
        desktop.screenshot(wizard, "setup-wizard-refused.png");

        desktop.typeSecret(desktop.field(wizard, SECRET_ACCESS_KEY), ada.secret());
        desktop.press(wizard, "Finish");
        robot.waitUntil("the setup wizard to close", wizard::isDisposed);

        assertTrue(desktop.session.instanceConfigured());
        String status = desktop.awaitStatus("ada");
        assertTrue(status.contains("111122223333") && status.contains("Administrator") && status.contains("until"), status);
        desktop.screenshot(desktop.windowShell, "signed-in-window.png");
    }

    @Test
    @Order(2)
    void signingOutWipesTheSessionAndTheStatusLineSaysSo() {
        Shell windowShell = desktop.windowShell;
        assertTrue(robot.isMenuEnabled(windowShell, "File", "Sign Out"));
        assertFalse(robot.isMenuEnabled(windowShell, "File", "Sign In..."), "one person at a time: sign out first");
        robot.awaitCompletion("File > Sign Out", robot.clickMenu(windowShell, "File", "Sign Out"));
        desktop.awaitStatus("Not signed in");
        assertTrue(desktop.session.signedIn().isEmpty());
        assertFalse(robot.isMenuEnabled(windowShell, "File", "Sign Out"));
    }

    @Test
    @Order(3)
    void theSignInDialogShowsTheServicesRefusalsAndKeepsWhatWasTyped() {
        CompletableFuture<Void> menu = robot.clickMenu(desktop.windowShell, "File", "Sign In...");
        Shell dialog = robot.waitForShell(SignInDesktop.SIGN_IN);
        assertFalse(robot.onUiThread(desktop.field(dialog, SESSION_TOKEN)::isVisible), "no session token for long-term keys");

        robot.type(desktop.field(dialog, ACCESS_KEY_ID), "ASIADEMOTEMPORARY001");
        assertTrue(robot.onUiThread(desktop.field(dialog, SESSION_TOKEN)::isVisible), "temporary keys ask for their token");
        desktop.typeSecret(desktop.field(dialog, SECRET_ACCESS_KEY), "some/temporary/secret/0000000000000000000");
        desktop.press(dialog, "Sign In");
        robot.waitForControlShowing(dialog, "only work together with their session token");
        assertEquals("", robot.textOf(desktop.field(dialog, SECRET_ACCESS_KEY)));

        robot.type(desktop.field(dialog, ACCESS_KEY_ID), ada.id());
        desktop.typeSecret(desktop.field(dialog, SECRET_ACCESS_KEY), "not-ada's-secret-either-00000000000000000");
        desktop.press(dialog, "Sign In");
        robot.waitForControlShowing(dialog, "The secret access key does not match the access key id");
        assertEquals(ada.id(), robot.textOf(desktop.field(dialog, ACCESS_KEY_ID)));
        desktop.screenshot(dialog, "sign-in-refused.png");

        desktop.press(dialog, "Cancel");
        robot.awaitCompletion("File > Sign In... to return", menu);
        assertTrue(desktop.session.signedIn().isEmpty());
    }

    @Test
    @Order(4)
    void keysAreNeverWrittenByTheDesktop() throws IOException {
        Credentials role = assumeDemoReadOnlyRole();
        CompletableFuture<Void> keyBinding = desktop.runSignInCommand();
        Shell dialog = robot.waitForShell(SignInDesktop.SIGN_IN);
        robot.type(desktop.field(dialog, ACCESS_KEY_ID), role.accessKeyId());
        desktop.typeSecret(desktop.field(dialog, SECRET_ACCESS_KEY), role.secretAccessKey());
        desktop.typeSecret(desktop.field(dialog, SESSION_TOKEN), role.sessionToken());
        desktop.screenshot(dialog, "sign-in-dialog.png");
        desktop.press(dialog, "Sign In");
        robot.awaitCompletion("the sign-in command to return", keyBinding);
        desktop.awaitStatus("DemoReadOnly");

        // Signed in from the status line's menu, signed out there too.
        robot.awaitCompletion("Sign Out from the status line", robot.clickPopupMenu(desktop.statusLine(), "Sign Out"));
        desktop.awaitStatus("Not signed in");

        desktop.assertNoSecretWritten();
        List<Path> places = DemoDesktop.dataAndLogs();
        assertFalse(DemoDesktop.filesHolding(places, "assumed-role/DemoReadOnly").isEmpty(),
                "the search must see the desktop's store, where the role's sign-in is recorded: " + places);
    }

    @Test
    @Order(5)
    void whenAwsRejectsTheKeysTheDesktopOffersToReauthenticateOrSignOutAndKeepsItsLayout() {
        desktop.signInAs("ada");
        // As when AWS answers a call made with the session's keys that it no longer accepts them.
        try {
            desktop.session.signedIn().orElseThrow().session().awsKeys().use(keys -> {
                throw new StratusException(Problem.NOT_SIGNED_IN, "AWS does not recognise this access key id.");
            });
        } catch (StratusException expected) {
            assertEquals(Problem.KEYS_EXPIRED, expected.problem(), "the session waits for new keys");
        }

        Shell prompt = robot.waitForShell("AWS Keys Expired");
        robot.waitForControlShowing(prompt, "AWS no longer accepts the keys of your session");
        desktop.awaitStatus("AWS keys expired: re-authenticate");
        desktop.screenshotOfDisplay("keys-rejected.png");
        assertEquals(StratusPerspective.ID, robot.onUiThread(() -> desktop.window.getActivePage().getPerspective().getId()));
        assertTrue(robot.onUiThread(() -> !desktop.windowShell.isDisposed() && desktop.windowShell.isVisible()),
                "the window stays");

        desktop.press(prompt, "Sign Out");
        desktop.awaitStatus("Not signed in");
        desktop.signInAs("ada");
    }

    /** Temporary keys of the demo role, as AWS hands them out: a secret and a session token. */
    private static Credentials assumeDemoReadOnlyRole() {
        AwsKeys asAda = AwsKeys.of(new AwsCredentials(ada.id(), Secret.of(ada.secret()), null));
        return DesktopServices.service(AwsClients.class).call(asAda, AwsService.sts(), "AssumeRole",
                (sts, signedAs) -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::111122223333:role/DemoReadOnly")
                        .roleSessionName("ui-test").overrideConfiguration(signedAs))).credentials();
    }
}
