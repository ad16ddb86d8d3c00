package io.stratus.ui.tests;

import static io.stratus.ui.tests.SignInDesktop.METHOD;
import static io.stratus.ui.tests.SignInDesktop.PROFILE;
import static io.stratus.ui.tests.SignInDesktop.PROGRESS;
import static io.stratus.ui.tests.SignInDesktop.REGION;
import static io.stratus.ui.tests.SignInDesktop.SSO_ROLE;
import static io.stratus.ui.tests.SignInDesktop.START_URL;
import static io.stratus.ui.tests.SignInDesktop.USER_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.tests.SignInDesktop.AwsCliFiles;
import io.stratus.ui.session.WebBrowser;
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
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
 * Signing in through IAM Identity Center in the sign-in dialog, on the demo's simulated portal: the browser (a
 * recording stand-in ranked before the system's) is asked to open the verification page with the code the dialog
 * shows; the test approves or denies the code on that page, as a person would. An approved code offers the roles
 * of the bound account and signs in as the chosen one; a denied one says so and the dialog starts over; an SSO
 * profile of the AWS CLI files goes the same way with its role chosen. At the end, the role's keys are nowhere in
 * the desktop's data, settings or logs.
 */
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityCenterSignInTest {

    private static final String IDENTITY_CENTER = "IAM Identity Center (AWS SSO)";
    private static final String DEMO_PORTAL = "https://stratus-demo.awsapps.com/start";
    private static final String ACCOUNT = "111122223333";
    /** The demo portal's poll interval (the simulator's default). */
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    /** The pages Stratus asked a browser to open. */
    private static final List<URI> opened = new CopyOnWriteArrayList<>();
    private static ServiceRegistration<WebBrowser> recordingBrowser;
    private static SignInDesktop desktop;
    private static UiRobot robot;
    private static AwsCliFiles awsFiles;

    @BeforeAll
    static void setUp() throws Exception {
        Hashtable<String, Object> inFront = new Hashtable<>();
        inFront.put(Constants.SERVICE_RANKING, 100);
        recordingBrowser = FrameworkUtil.getBundle(IdentityCenterSignInTest.class).getBundleContext()
                .registerService(WebBrowser.class, page -> opened.add(page), inFront);
        desktop = SignInDesktop.setUpAndSignedOut();
        robot = desktop.robot;
        awsFiles = AwsCliFiles.inNewFolder("aws-sso-");
    }

    @AfterAll
    static void tearDown() {
        recordingBrowser.unregister();
        awsFiles.close();
    }

    @AfterEach
    void closeDialogsAndSignOut() {
        desktop.closeDialogsAndSignOut();
    }

    @Test
    @Order(1)
    void anApprovedCodeOffersTheBoundAccountsRolesAndSignsInAsTheChosenOne() throws Exception {
        Shell dialog = desktop.openSignInDialog();
        desktop.choose(dialog, METHOD, IDENTITY_CENTER);
        assertEquals(DEMO_PORTAL, robot.textOf(desktop.field(dialog, START_URL)), "the instance's portal is filled in");
        assertEquals("us-east-1", robot.textOf(desktop.field(dialog, REGION)));
        desktop.screenshot(dialog, "sign-in-identity-center.png");

        String code = startAndAwaitCode(dialog);
        desktop.screenshot(dialog, "sign-in-identity-center-code.png");
        assertFalse(robot.onUiThread(robot.waitForControlWithText(dialog, Button.class, "Sign In")::isEnabled),
                "nothing to sign in with before the approval");
        decide(code, "approve");
        Combo roles = robot.waitForControlWithData(dialog, Combo.class, SSO_ROLE);
        robot.waitUntil("the roles to show", () -> roles.isVisible() && roles.getItemCount() > 0);
        List<String> offered = robot.onUiThread(() -> List.of(roles.getItems()));
        assertEquals(2, offered.size(), "only the roles of the bound account: " + offered);
        assertTrue(offered.stream().allMatch(role -> role.contains(ACCOUNT)), offered.toString());
        robot.choose(roles, offered.stream().filter(role -> role.startsWith("DatabaseReader")).findFirst().orElseThrow());
        robot.runOnUiThread(dialog::update); // the roles just replaced the code
        desktop.screenshot(dialog, "sign-in-identity-center-roles.png");
        desktop.press(dialog, "Sign In");
        robot.waitUntil("the sign-in dialog to close", dialog::isDisposed);
        desktop.awaitStatus("DatabaseReader");
        var signedIn = desktop.session.signedIn().orElseThrow().session();
        assertTrue(signedIn.keysExpireAt().isPresent(), "Identity Center's keys expire");
        signedIn.awsKeys().use(keys -> {
            desktop.keepSecret(keys.secretAccessKey().reveal());
            keys.sessionToken().ifPresent(token -> desktop.keepSecret(token.reveal()));
            return null;
        });
    }

    @Test
    @Order(2)
    void aDeniedCodeSaysSoAndACancelledOneIsOverInIdentityCenter() throws Exception {
        Shell dialog = desktop.openSignInDialog();
        assertEquals(IDENTITY_CENTER, robot.onUiThread(robot.waitForControlWithData(dialog, Combo.class, METHOD)::getText),
                "the method is remembered");
        String denied = startAndAwaitCode(dialog);
        decide(denied, "deny");
        robot.waitForControlShowing(dialog, "denied");
        desktop.screenshot(dialog, "sign-in-identity-center-denied.png");
        assertTrue(robot.waitForControlWithText(dialog, Button.class, "Start") != null, "a denied code starts over");

        String cancelled = startAndAwaitCode(dialog);
        desktop.press(dialog, "Cancel Sign-In");
        robot.waitForControlShowing(dialog, "Sign-in cancelled");
        decide(cancelled, "approve"); // too late: Stratus stopped asking and forgot the sign-in
        Thread.sleep(POLL_INTERVAL.multipliedBy(3).toMillis()); // a poll would have seen the approval by now
        Combo roles = robot.waitForControlWithData(dialog, Combo.class, SSO_ROLE);
        assertTrue(!robot.onUiThread(roles::isVisible), "a cancelled sign-in offers no roles");
        robot.waitForControlShowing(dialog, "Sign-in cancelled");
        desktop.press(dialog, "Sign In");
        robot.waitForControlShowing(dialog, "Start the sign-in, approve it in your browser and choose a role first.");
    }

    @Test
    @Order(3)
    void aStartUrlIdentityCenterDoesNotKnowOrThatIsNoUrlSaysSoAndNothingStarts() {
        Shell dialog = desktop.openSignInDialog();
        Text startUrl = desktop.field(dialog, START_URL);
        robot.type(startUrl, "d-0000000000.awsapps.com/start");
        desktop.press(dialog, "Start");
        robot.waitForControlShowing(dialog, "is not the start URL of an AWS access portal");
        robot.type(startUrl, "https://d-0000000000.awsapps.com/start");
        int asked = opened.size();
        desktop.press(dialog, "Start");
        robot.waitForControlShowing(dialog, "does not know the start URL");
        desktop.screenshot(dialog, "sign-in-identity-center-unknown-portal.png");
        assertEquals(asked, opened.size(), "no browser opens without a code");
        assertTrue(robot.onUiThread(startUrl::isEnabled), "the start URL can be corrected");
        var settings = PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(CurrentSession.class));
        assertEquals(DEMO_PORTAL, settings.getDialogSettings().getSection("SignIn").get("ssoStartUrl"),
                "only a portal Identity Center knows is remembered");
    }

    @Test
    @Order(4)
    void anSsoProfileSignsInThroughTheSameFlowWithItsRoleChosen() throws Exception {
        awsFiles.write("""
                [profile reader]
                sso_session = demo
                sso_account_id = %s
                sso_role_name = DatabaseAdmin

                [sso-session demo]
                sso_start_url = %s
                sso_region = us-east-1
                """.formatted(ACCOUNT, DEMO_PORTAL), "");
        Shell dialog = desktop.openSignInDialog();
        desktop.choose(dialog, METHOD, "An AWS profile (AWS CLI configuration)");
        desktop.choose(dialog, PROFILE, "reader");
        assertEquals(DEMO_PORTAL, robot.textOf(desktop.field(dialog, START_URL)));
        String code = startAndAwaitCode(dialog);
        decide(code, "approve");
        Combo roles = robot.waitForControlWithData(dialog, Combo.class, SSO_ROLE);
        robot.waitUntil("the roles to show", () -> roles.isVisible() && roles.getItemCount() > 0);
        assertTrue(robot.onUiThread(roles::getText).startsWith("DatabaseAdmin in"), "the profile's role is chosen");
        desktop.screenshot(dialog, "sign-in-identity-center-profile.png");
        desktop.press(dialog, "Sign In");
        robot.waitUntil("the sign-in dialog to close", dialog::isDisposed);
        desktop.awaitStatus("DatabaseAdmin");
    }

    @Test
    @Order(5)
    void theRolesKeysAreNotWrittenAnywhere() throws IOException {
        var settings = PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(CurrentSession.class));
        settings.getDialogSettings().getSection("SignIn").put("method", "KEYS"); // as the UI tests after this one expect
        desktop.assertNoSecretWritten(); // the role's keys, kept by the first test
    }

    /** Presses Start; returns the code the dialog shows, once the browser was asked to open its page. */
    private static String startAndAwaitCode(Shell dialog) {
        int before = opened.size();
        desktop.press(dialog, "Start");
        Text code = desktop.field(dialog, USER_CODE);
        robot.waitUntil("the user code to show", () -> code.isVisible() && !code.getText().isEmpty());
        String userCode = robot.textOf(code);
        robot.waitUntil("the browser to be asked to open the verification page", () -> opened.size() > before);
        URI page = opened.get(opened.size() - 1);
        assertTrue(page.toString().endsWith("/device?user_code=" + userCode), page.toString());
        robot.waitForControlWithData(dialog, Label.class, PROGRESS);
        robot.waitForControlShowing(dialog, "Waiting for you to approve the code");
        return userCode;
    }

    /** Approves (as ada) or denies the code on the verification page the browser was asked to open. */
    private static void decide(String userCode, String decision) throws IOException, InterruptedException {
        DemoDesktop.decideUserCode(opened.get(opened.size() - 1), userCode, "ada", decision);
    }
}
