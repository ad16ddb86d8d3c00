package io.stratus.ui.tests;

import static io.stratus.ui.tests.SignInDesktop.ACCESS_KEY_ID;
import static io.stratus.ui.tests.SignInDesktop.SECRET_ACCESS_KEY;
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
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
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

    private static final String TABLE = "sessions";

    private static SignInDesktop desktop;
    private static UiRobot robot;
    private static DynamoDbTableSteps table;
    private static final ManualClock signInTime = ManualClock.startingNow();
    private static ServiceRegistration<Clock> signInClock;

    @BeforeAll
    static void signInAsTheRoleForAQuarterOfAnHour() throws Exception {
        desktop = SignInDesktop.setUpAndSignedOut();
        robot = desktop.robot;
        table = new DynamoDbTableSteps(robot, desktop.window);
        signInClock = FrameworkUtil.getBundle(ReauthenticationTest.class).getBundleContext().registerService(Clock.class,
                signInTime, new Hashtable<>(Map.of(AuthConfiguration.CLOCK_PROPERTY, AuthConfiguration.SIGN_IN_CLOCK)));
        desktop.session.signIn(asDemoReadOnly()).get(SignInDesktop.UI_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @AfterAll
    static void signOut() {
        desktop.closeDialogsAndSignOut();
        signInClock.unregister();
    }

    private static SignInRequest asDemoReadOnly() {
        Seed.AccessKey ada = DemoDesktop.keyOf("ada");
        return SignInRequest.withKeys(new AwsCredentials(ada.id(), Secret.of(ada.secret()), null)).assuming(new RoleToAssume(
                "arn:aws:iam::111122223333:role/DemoReadOnly", Optional.empty(), Optional.of(Duration.ofMinutes(15))));
    }

    @Test
    void whenTheKeysExpireThePromptRenewsThemIntoTheSameSessionAndTheEditorWorksOn() throws IOException {
        UserSession signedIn = desktop.session.signedIn().orElseThrow().session();
        assertTrue(desktop.awaitStatus("keys until").contains("DemoReadOnly"));
        DynamoDbEditor editor = table.open(TABLE, connect -> { });
        table.run(editor);
        table.awaitRows(editor, 3);
        table.awaitMessages(editor, "Scan of sessions: 3 items");

        signInTime.advance(Duration.ofMinutes(11));
        desktop.awaitStatus("AWS keys expire at");
        desktop.screenshot(desktop.windowShell, "reauth-keys-expire-soon.png");

        signInTime.advance(Duration.ofMinutes(5));
        table.run(editor); // the scan needs the keys: refused, and the session waits for new ones
        Shell prompt = robot.waitForShell("AWS Keys Expired");
        robot.waitForControlShowing(prompt, "expired");
        robot.waitForControlShowing(prompt, "stay open");
        assertEquals(Optional.of(KeysLapse.EXPIRED), signedIn.keysLapse());
        desktop.awaitStatus("AWS keys expired: re-authenticate");
        table.awaitMessages(editor, "Re-authenticate");
        desktop.screenshot(desktop.windowShell, "reauth-prompt.png");
        // The simulator issues the new keys by the real time: the sign-in clock goes back to it (the lapse stays).
        signInTime.advance(Duration.ofMinutes(-16));
        CompletableFuture<Void> renewing = robot.click(robot.waitForControlWithText(prompt, Button.class, "Re-authenticate..."));

        Shell dialog = robot.waitForShell("Re-authenticate");
        robot.waitForControlShowing(dialog, "Assuming arn:aws:iam::111122223333:role/DemoReadOnly again");
        Seed.AccessKey ada = DemoDesktop.keyOf("ada");
        assertEquals(ada.id(), robot.textOf(desktop.field(dialog, ACCESS_KEY_ID)),
                "the key id is filled in");
        Seed.AccessKey ben = DemoDesktop.keyOf("ben");
        robot.type(desktop.field(dialog, ACCESS_KEY_ID), ben.id());
        desktop.typeSecret(desktop.field(dialog, SECRET_ACCESS_KEY), ben.secret());
        desktop.press(dialog, "Re-authenticate");
        // ben may not assume the role (and keys of his own would be another identity): nothing changes hands.
        robot.waitForControlShowing(dialog, "did not let you assume the role");
        robot.waitForControlShowing(dialog, "give a code of your MFA device"); // the refusal whole, to what to check
        desktop.screenshot(dialog, "reauth-refused.png");
        assertEquals(Optional.of(KeysLapse.EXPIRED), signedIn.keysLapse());
        robot.type(desktop.field(dialog, ACCESS_KEY_ID), ada.id());
        desktop.typeSecret(desktop.field(dialog, SECRET_ACCESS_KEY), ada.secret());
        desktop.screenshot(dialog, "reauth-dialog.png");
        desktop.press(dialog, "Re-authenticate");
        robot.waitUntil("the renewal dialog to close", dialog::isDisposed);
        robot.awaitCompletion("the prompt to close", renewing);

        assertSame(signedIn, desktop.session.signedIn().orElseThrow().session(), "the same session");
        assertEquals(Optional.empty(), signedIn.keysLapse());
        assertFalse(robot.onUiThread(editor.form().control()::isDisposed), "the editor stayed open");
        desktop.awaitStatus("keys until");
        table.run(editor);
        table.awaitRows(editor, 3);
        table.awaitMessages(editor, "Scan of sessions: 3 items");
        desktop.screenshot(desktop.windowShell, "reauth-renewed.png");
        desktop.assertNoSecretWritten(); // the secrets typed to renew, and ben's refused ones
    }
}
