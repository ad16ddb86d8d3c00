package io.stratus.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.ui.AboutStratusDialog;
import io.stratus.ui.StratusPerspective;
import io.stratus.ui.app.internal.LogView;
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/**
 * Runs against the real Stratus desktop application, started by Tycho's UI test harness the way
 * the product starts it, and checks what a person would see first. After {@link SignInTest}, which
 * deals with the setup wizard the desktop opens at start.
 */
@Order(2)
class DesktopSmokeTest {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("stratus.screenshots", "target/screenshots"));

    private static UiRobot robot;
    private static IWorkbenchWindow window;
    private static Shell windowShell;

    @BeforeAll
    static void waitForTheWorkbenchWindow() {
        robot = new UiRobot(PlatformUI.getWorkbench().getDisplay(), UI_TIMEOUT);
        window = DemoDesktop.awaitWindow(robot);
        windowShell = robot.onUiThread(window::getShell);
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElseThrow();
        System.out.printf("Stratus workbench window seen visible %d ms after the test JVM started%n",
                Duration.between(jvmStart, Instant.now()).toMillis());
    }

    /** A modal dialog left open by a failed test would keep the workbench, and the test run, from ending. */
    @AfterEach
    void closeDialogsLeftOpen() {
        robot.closeShellsExcept(windowShell);
    }

    @Test
    void workbenchWindowOpensOnTheStratusPerspective() {
        assertEquals(StratusPerspective.ID, robot.onUiThread(() -> window.getActivePage().getPerspective().getId()));
        robot.screenshot(windowShell, SCREENSHOTS.resolve("workbench-window.png"));
    }

    @Test
    void stratusProductIsTheRunningProduct() throws IOException {
        IProduct product = Platform.getProduct();
        assertNotNull(product, "No product is running; Eclipse did not find io.stratus.ui.app.product");
        assertEquals("io.stratus.ui.app.product", product.getId());
        assertEquals("io.stratus.ui.app.desktop", product.getApplication());
        Path log = Platform.getLogFileLocation().toPath();
        String logged = Files.exists(log) ? Files.readString(log) : "";
        assertFalse(logged.contains("could not be found"), () -> "The Eclipse log reports a missing product:\n" + logged);
    }

    @Test
    void defaultCssThemeIsApplied() {
        String themeId = robot.onUiThread(() -> window.getService(IEclipseContext.class)
                .get(IThemeEngine.class)
                .getActiveTheme()
                .getId());
        assertEquals("org.eclipse.e4.ui.css.theme.e4_default", themeId);
    }

    @Test
    void helpAboutStratusShowsTheBundleVersion() {
        CompletableFuture<Void> menuAction = robot.clickMenu(windowShell, "Help", "About Stratus");
        Shell about = robot.waitForShell(AboutStratusDialog.TITLE);
        Label version = robot.waitForControlWithData(about, Label.class, AboutStratusDialog.VERSION_LABEL);

        assertEquals(versionShownFor(Platform.getBundle("io.stratus.ui").getVersion()), robot.onUiThread(version::getText));
        robot.screenshot(about, SCREENSHOTS.resolve("about-dialog.png"));
        robot.screenshotOfDisplay(SCREENSHOTS.resolve("desktop-with-about-dialog.png"));

        closeWithItsCloseButton(about);
        robot.awaitCompletion("Help > About Stratus to return", menuAction);
    }

    @Test
    void aboutCommandCanBeExecutedById() {
        CompletableFuture<Void> command = robot.executeCommand(window, "io.stratus.ui.about");
        Shell about = robot.waitForShell(AboutStratusDialog.TITLE);
        closeWithItsCloseButton(about);
        robot.awaitCompletion("the io.stratus.ui.about command to return", command);
    }

    @Test
    void theLogViewShowsWhatWasLoggedWithItsStackTrace() {
        String marker = "Stratus log view check " + System.nanoTime();
        ILog.of(DesktopSmokeTest.class).error(marker, new IllegalStateException("the cause of " + marker));
        robot.awaitCompletion("Window > Show View > Log", robot.clickMenu(windowShell, "Window", "Show View", "Log"));
        Table entries = robot.waitForControlWithData(windowShell, Table.class, LogView.TABLE);
        robot.waitUntil("the entry logged before the view opened", () -> robot.rowsOf(entries).stream()
                .anyMatch(row -> row.get(0).equals(marker)));
        robot.selectRow(entries, marker);
        Text details = robot.waitForControlWithData(windowShell, Text.class, LogView.DETAILS);
        robot.waitUntil("the entry's details", () -> details.getText().contains("java.lang.IllegalStateException: the cause of "
                + marker));
        assertTrue(robot.onUiThread(details::getText).startsWith("Error in io.stratus.ui.tests: " + marker));

        String later = "Logged while the view is open " + System.nanoTime();
        ILog.of(DesktopSmokeTest.class).warn(later);
        robot.waitUntil("the newest entry on top", () -> entries.getItemCount() > 0 && entries.getItem(0).getText(0).equals(later));
        robot.screenshot(windowShell, SCREENSHOTS.resolve("log-view.png"));
    }

    private static void closeWithItsCloseButton(Shell about) {
        Button close = robot.waitForControlWithText(about, Button.class, "Close");
        robot.awaitCompletion("the Close button of About Stratus", robot.click(close));
        robot.waitUntil("the About Stratus dialog to close", about::isDisposed);
    }

    /** The release and build qualifier of the bundle, as the about dialog must print them. */
    private static String versionShownFor(Version bundleVersion) {
        return "Version %d.%d.%d (build %s)".formatted(bundleVersion.getMajor(), bundleVersion.getMinor(),
                bundleVersion.getMicro(), bundleVersion.getQualifier());
    }
}
