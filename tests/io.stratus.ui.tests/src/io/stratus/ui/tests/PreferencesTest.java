package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.auth.AuthConfiguration;
import io.stratus.bootstrap.Setting;
import io.stratus.bootstrap.Settings;
import io.stratus.bootstrap.Startup;
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The application's Window menu and Window &gt; Preferences &gt; Stratus, on the real desktop: a wrong
 * value is refused with the setting's name and nothing is written; a right one lands in
 * {@code stratus.properties} of the data folder and in the services' configuration.
 */
@Order(20) // last: its new idle timeout restarts the sign-in service, which ends every session
class PreferencesTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));
    private static final String PAGE = "io.stratus.ui.preferences";
    private static final String FIELD = "io.stratus.ui.preferences.setting";

    private static UiRobot robot;
    private static IWorkbenchWindow window;
    private static Shell windowShell;
    /** The settings file as the test found it, put back after it: the desktop's home outlives a build without clean. */
    private static Path settingsFile;
    private static String settingsBefore;

    @BeforeAll
    static void findTheWindow() {
        robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
        window = DemoDesktop.awaitWindow(robot);
        windowShell = robot.onUiThread(window::getShell);
    }

    @AfterEach
    void closeDialogsLeftOpen() {
        robot.closeShellsExcept(windowShell);
    }

    @AfterAll
    static void putTheSettingsFileBack() throws IOException {
        if (settingsFile == null) {
            return;
        }
        if (settingsBefore.isEmpty()) {
            Files.deleteIfExists(settingsFile);
        } else {
            Files.writeString(settingsFile, settingsBefore);
        }
    }

    @Test
    void theWindowMenuOffersPreferencesAndTheProgressView() {
        List<String> windowMenu = robot.menuLabels(windowShell, "Window");
        assertTrue(windowMenu.containsAll(List.of("Open Perspective", "Show View", "Preferences...")), "Window: " + windowMenu);
        Object progress = robot.onUiThread(() -> {
            try {
                return window.getActivePage().showView("org.eclipse.ui.views.ProgressView");
            } catch (org.eclipse.ui.PartInitException e) {
                throw new AssertionError("The desktop cannot show the Progress view: " + e.getMessage(), e);
            }
        });
        assertNotNull(progress);
        robot.screenshot(windowShell, SCREENSHOTS.resolve("window-with-progress-view.png"));
    }

    @Test
    void aWrongRegionIsRefusedAndARightSettingIsSavedAndApplied() throws IOException {
        Startup run = service(Startup.class);
        Path file = run.settings().dataDirectory().resolve(Settings.FILE_NAME);
        String before = Files.exists(file) ? Files.readString(file) : "";
        settingsFile = file;
        settingsBefore = before;

        PreferenceDialog dialog = openStratusPreferences();
        Shell preferences = robot.waitForShell("Preferences");
        robot.type(field(preferences, Setting.REGIONS), "eu-west-1, moon-1");
        pressApplyAndClose(preferences);
        String refusal = robot.waitFor("the page to refuse the region", () -> robot.onUiThread(() -> Optional.ofNullable(
                ((PreferencePage) dialog.getSelectedPage()).getErrorMessage())));
        assertEquals("Regions to explore: 'moon-1' is not an AWS region such as eu-west-1.", refusal);
        robot.screenshot(preferences, SCREENSHOTS.resolve("preferences-refused.png"));
        assertEquals(before, Files.exists(file) ? Files.readString(file) : "", "nothing written after a refusal");

        robot.type(field(preferences, Setting.REGIONS), "eu-west-1, us-east-1");
        robot.type(field(preferences, Setting.IDLE_TIMEOUT), "600");
        pressApplyAndClose(preferences);
        robot.waitUntil("the preferences to close", () -> robot.onUiThread(preferences::isDisposed));

        String saved = Files.readString(file);
        assertTrue(saved.contains("explorer.regions=eu-west-1, us-east-1"), saved);
        assertTrue(saved.contains("session.idleTimeoutSeconds=600"), saved);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        Object idle = service(ConfigurationAdmin.class).getConfiguration(AuthConfiguration.PID, "?").getProperties()
                .get(AuthConfiguration.IDLE_TIMEOUT_SECONDS);
        assertEquals(600L, idle, "the sign-in service has the new idle timeout");

        openStratusPreferences();
        Shell again = robot.waitForShell("Preferences");
        robot.screenshot(again, SCREENSHOTS.resolve("preferences-saved.png"));
        assertEquals("600", robot.textOf(field(again, Setting.IDLE_TIMEOUT)), "the page shows what the file says");
    }

    /** Opens Window > Preferences on the Stratus page; the dialog is modal, so it opens after this returns. */
    private static PreferenceDialog openStratusPreferences() {
        PreferenceDialog dialog = robot.onUiThread(() -> PreferencesUtil.createPreferenceDialogOn(windowShell, PAGE,
                null, null));
        windowShell.getDisplay().asyncExec(dialog::open);
        return dialog;
    }

    private static Text field(Shell preferences, Setting setting) {
        return robot.waitForControlWithData(preferences, Text.class, FIELD, setting.name());
    }

    private static void pressApplyAndClose(Shell preferences) {
        robot.click(robot.waitForControlWithText(preferences, Button.class, "Apply and Close"));
    }

    /** A service of the running desktop, held until the test bundle stops. */
    private static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(PreferencesTest.class).getBundleContext();
        return robot.waitFor("the " + type.getSimpleName() + " service", () -> Optional
                .ofNullable(context.getServiceReference(type)).map(context::getService));
    }
}
