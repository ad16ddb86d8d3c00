package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.StratusException;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignInWay;
import io.stratus.ui.session.WebBrowser;
import io.stratus.ui.testkit.UiRobot;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The first setup through IAM Identity Center in the setup wizard, on a store nobody has set up (the demo's store
 * comes back afterwards): the code shown, the browser asked to open the verification page, the approval seen by the
 * polling Job (Finish waits meanwhile, and comes back when a sign-in is cancelled), every account's roles offered (nothing is
 * bound yet), and the chosen role becomes the instance's
 * Administrator, its account the bound one. The role's keys are nowhere in the desktop's data, settings or logs.
 */
@Order(19) // before PreferencesTest, which restarts the services; it moves the store and back
class IdentityCenterSetUpTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));
    private static final String SET_UP = "Set Up Stratus";
    private static final String STATUS = "io.stratus.ui.session.status";
    private static final String METHOD = "io.stratus.ui.session.method";
    private static final String START_URL = "io.stratus.ui.session.ssoStartUrl";
    private static final String USER_CODE = "io.stratus.ui.session.ssoUserCode";
    private static final String ROLE = "io.stratus.ui.session.ssoRole";
    private static final String DEMO_PORTAL = "https://stratus-demo.awsapps.com/start";
    private static final String ACCOUNT = "111122223333";

    @Test
    void theFirstSetupThroughIdentityCenterMakesTheChosenRoleTheAdministrator() throws Exception {
        UiRobot robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
        IWorkbenchWindow window = DemoDesktop.awaitSetUpWindow(robot);
        Shell windowShell = robot.onUiThread(window::getShell);
        CurrentSession session = robot.onUiThread(() -> window.getService(CurrentSession.class));
        session.signOut();
        List<URI> opened = new CopyOnWriteArrayList<>();
        ServiceRegistration<WebBrowser> browser = FrameworkUtil.getBundle(IdentityCenterSetUpTest.class)
                .getBundleContext().registerService(WebBrowser.class, page -> opened.add(page),
                        new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 100)));
        List<String> secrets = new ArrayList<>();
        Path store = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "stratus-fresh-");
        try (AutoCloseable fresh = DesktopServices.freshStore(store)) {
            robot.waitFor("the desktop to see an instance nobody has set up", () -> {
                try {
                    return session.instanceConfigured() ? Optional.empty() : Optional.of(true);
                } catch (StratusException e) {
                    return Optional.empty(); // its services are starting on the fresh store
                }
            });
            robot.waitUntil("Sign In to be enabled", () -> robot.isCommandEnabled(window, "io.stratus.ui.session.signIn"));
            robot.executeCommand(window, "io.stratus.ui.session.signIn");
            Shell wizard = robot.waitForShell(SET_UP);
            press(robot, wizard, "Next >");
            robot.choose(robot.waitForControlWithData(wizard, Combo.class, METHOD), "IAM Identity Center (AWS SSO)");
            Text startUrl = robot.waitForControlWithData(wizard, Text.class, START_URL);
            assertEquals(DEMO_PORTAL, robot.textOf(startUrl), "the instance's portal is filled in");

            Button finish = robot.waitForControlWithText(wizard, Button.class, "Finish");
            press(robot, wizard, "Start");
            Text code = awaitCode(robot, wizard);
            assertFalse(robot.onUiThread(finish::isEnabled), "nothing to set up with before the approval");
            press(robot, wizard, "Cancel Sign-In");
            robot.waitUntil("Finish to be enabled again once the sign-in is cancelled", finish::isEnabled);

            int asked = opened.size();
            press(robot, wizard, "Start");
            awaitCode(robot, wizard);
            robot.waitUntil("the browser to be asked to open the verification page", () -> opened.size() > asked);
            assertFalse(robot.onUiThread(finish::isEnabled), "Finish waits for the approval");
            String userCode = robot.textOf(code);
            assertTrue(opened.getLast().toString().endsWith("/device?user_code=" + userCode), opened.toString());
            robot.screenshot(wizard, SCREENSHOTS.resolve("setup-wizard-identity-center-code.png"));
            DemoDesktop.decideUserCode(opened.getLast(), userCode, "ada", "approve");

            Combo roles = robot.waitForControlWithData(wizard, Combo.class, ROLE);
            robot.waitUntil("the roles to show", () -> roles.isVisible() && roles.getItemCount() > 0);
            assertTrue(robot.onUiThread(finish::isEnabled), "approved: Finish sets up with the role chosen");
            List<String> offered = robot.onUiThread(() -> List.of(roles.getItems()));
            assertEquals(3, offered.size(), "nothing is bound yet: every account's roles " + offered);
            robot.choose(roles, offered.stream().filter(role -> role.startsWith("DatabaseAdmin") && role.contains(ACCOUNT))
                    .findFirst().orElseThrow());
            robot.screenshot(wizard, SCREENSHOTS.resolve("setup-wizard-identity-center-roles.png"));
            press(robot, wizard, "Finish");
            robot.waitUntil("the setup wizard to close", wizard::isDisposed);

            assertTrue(session.instanceConfigured());
            CLabel status = robot.waitForControlWithData(windowShell, CLabel.class, STATUS);
            robot.waitUntil("the status line to show the Administrator",
                    () -> status.getText().contains("DatabaseAdmin") && status.getText().contains("Administrator"));
            var signedIn = session.signedIn().orElseThrow();
            assertEquals(ACCOUNT, signedIn.session().identity().accountId());
            assertTrue(signedIn.way() instanceof SignInWay.IdentityCenter, signedIn.way().toString());
            robot.screenshot(windowShell, SCREENSHOTS.resolve("setup-identity-center-signed-in.png"));
            signedIn.session().awsKeys().use(keys -> {
                secrets.add(keys.secretAccessKey().reveal());
                keys.sessionToken().ifPresent(token -> secrets.add(token.reveal()));
                return null;
            });
            session.signOut();
        } finally {
            browser.unregister();
            robot.closeShellsExcept(windowShell);
            var settings = PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(CurrentSession.class));
            settings.getDialogSettings().getSection("SignIn").put("method", "KEYS"); // as the later UI tests expect
            settings.saveDialogSettings();
        }
        List<Path> places = new ArrayList<>(DemoDesktop.dataAndLogs());
        places.add(store);
        for (String secret : secrets) {
            assertEquals(List.of(), DemoDesktop.filesHolding(places, secret), "a secret was written");
        }
    }

    /** Waits for the user code of the sign-in just started, and returns its field. */
    private static Text awaitCode(UiRobot robot, Shell wizard) {
        Text code = robot.waitForControlWithData(wizard, Text.class, USER_CODE);
        robot.waitUntil("the user code to show", () -> code.isVisible() && !code.getText().isEmpty());
        return code;
    }

    private static void press(UiRobot robot, Shell shell, String button) {
        robot.click(robot.waitForControlWithText(shell, Button.class, button));
    }
}
