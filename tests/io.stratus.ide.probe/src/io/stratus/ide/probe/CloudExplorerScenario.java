package io.stratus.ide.probe;

import io.stratus.ui.StratusPerspective;
import io.stratus.ui.explorer.AccountItem;
import io.stratus.ui.explorer.CloudExplorerView;
import io.stratus.ui.testkit.TreeRobot;
import io.stratus.ui.testkit.UiRobot;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;

import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * What a person does in an Eclipse IDE with Stratus installed to see their databases: opens the
 * Stratus perspective, signs in from the File menu (on an instance nobody has set up yet, through
 * the setup wizard), and waits until a database shows in the Cloud Explorer. Every step goes through
 * the IDE's own menus, commands and widgets, driven by the UI test kit; the report says what the
 * IDE showed and when, the screenshot how it looked.
 */
final class CloudExplorerScenario {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(60);
    private static final String SHOW_PERSPECTIVE = "org.eclipse.ui.perspectives.showPerspective";
    private static final String PERSPECTIVE_ID = "org.eclipse.ui.perspectives.showPerspective.perspectiveId";
    private static final String SET_UP = "Set Up Stratus";
    private static final String SIGN_IN = "Sign In to Stratus";
    /** Data keys of io.stratus.ui's session widgets, as its UI tests find them. */
    private static final String STATUS = "io.stratus.ui.session.status";
    private static final String ACCESS_KEY_ID = "io.stratus.ui.session.accessKeyId";
    private static final String SECRET_ACCESS_KEY = "io.stratus.ui.session.secretAccessKey";

    /** The platform bundles whose versions the report gives, to tell the IDEs apart. */
    private static final Set<String> PLATFORM_VERSIONS = Set.of("org.eclipse.ui.workbench", "org.eclipse.swt");

    private final ProbeOrder order;
    private final ProbeReport report = new ProbeReport();

    CloudExplorerScenario(ProbeOrder order) {
        this.order = order;
    }

    /** Runs the scenario, writes the report whatever happened, then closes the IDE as File > Exit would. */
    void runAndCloseTheIde() {
        IWorkbench workbench = PlatformUI.getWorkbench();
        UiRobot robot = new UiRobot(workbench.getDisplay(), UI_TIMEOUT);
        try {
            run(workbench, robot);
            report.put("outcome", "passed");
        } catch (Throwable failure) {
            report.put("outcome", "failed");
            report.put("failure", stackTrace(failure));
            try {
                robot.screenshotOfDisplay(order.screenshot());
            } catch (RuntimeException | AssertionError noScreen) {
                report.put("screenshot.failure", noScreen.toString());
            }
        } finally {
            try {
                report.write(order.report());
            } finally {
                Display display = workbench.getDisplay();
                if (!display.isDisposed()) {
                    display.asyncExec(() -> closeTheIde(workbench));
                }
            }
        }
    }

    private void run(IWorkbench workbench, UiRobot robot) {
        describeTheIde();
        TreeRobot trees = new TreeRobot(robot);
        IWorkbenchWindow window = robot.waitFor("the IDE's workbench window", () -> Arrays
                .stream(workbench.getWorkbenchWindows()).filter(open -> open.getShell().isVisible()).findFirst());
        Shell shell = robot.onUiThread(window::getShell);
        report.put("window.title", robot.textOf(shell));
        report.reached("window");

        // Window > Perspective > Open Perspective > Stratus runs this command.
        robot.awaitCompletion("opening the Stratus perspective",
                robot.executeCommand(window, SHOW_PERSPECTIVE, Map.of(PERSPECTIVE_ID, StratusPerspective.ID)));
        report.put("perspective", robot.onUiThread(() -> window.getActivePage().getPerspective().getId()));
        Tree explorer = robot.waitForControlWithData(shell, Tree.class, CloudExplorerView.TREE);
        robot.waitUntil("the Cloud Explorer to show something", () -> explorer.getItemCount() > 0);
        report.put("explorer.signedOut", String.join(" | ", trees.topTexts(explorer)));
        report.reached("perspective");

        report.put("signIn.dialog", signIn(robot, shell));
        CLabel status = robot.waitForControlWithData(shell, CLabel.class, STATUS);
        robot.waitUntil("the status line to show who signed in", () -> !status.getText().startsWith("Not signed in"));
        report.put("status", robot.textOf(status));
        report.reached("signedIn");

        // Below the account node, whose label gains the account's alias once that is read.
        TreeItem database = trees.waitForItem(explorer, item -> item.getData() instanceof AccountItem,
                order.database().toArray(String[]::new));
        trees.select(database);
        report.put("database", robot.onUiThread(database::getText));
        report.reached("database");

        // Regions answer one by one: the screenshot shows the tree once the discovery has ended.
        robot.waitUntil("the Cloud Explorer's discovery to end",
                () -> Job.getJobManager().find(CloudExplorerView.JOB_FAMILY).length == 0);
        robot.runOnUiThread(() -> { }); // the tree updates the discovery queued have run
        report.put("explorer.signedIn", trees.outline(explorer));
        report.reached("explorerLoaded");

        robot.screenshot(shell, order.screenshot());
        report.put("screenshot", order.screenshot().toString());
    }

    /**
     * Which IDE this is (its product and application, the versions of the workbench and SWT) and
     * which Stratus bundles its framework could not resolve: none, or the IDE lacks what they require.
     */
    private void describeTheIde() {
        IProduct product = Platform.getProduct();
        report.put("product", product == null ? "" : product.getId());
        report.put("application", product == null ? "" : product.getApplication());
        Bundle[] bundles = FrameworkUtil.getBundle(CloudExplorerScenario.class).getBundleContext().getBundles();
        for (Bundle bundle : bundles) {
            if (PLATFORM_VERSIONS.contains(bundle.getSymbolicName())) {
                report.put("version." + bundle.getSymbolicName(), bundle.getVersion().toString());
            }
        }
        report.put("stratus.unresolved", Arrays.stream(bundles)
                .filter(bundle -> bundle.getSymbolicName().startsWith("io.stratus.") && bundle.getState() == Bundle.INSTALLED)
                .map(Bundle::getSymbolicName).sorted().collect(Collectors.joining(",")));
    }

    /** Signs in with the dialog the product asked with or File > Sign In... opened; returns its title: the setup wizard or the sign-in dialog. */
    private String signIn(UiRobot robot, Shell window) {
        // The desktop asks by itself as soon as its services run; in an IDE a person asks from the File menu.
        CompletableFuture<Void> menu = order.signInAsked() ? CompletableFuture.completedFuture(null)
                : robot.clickMenu(window, "File", "Sign In...");
        Shell dialog = robot.waitFor("the setup wizard or the sign-in dialog", () -> Arrays.stream(window.getDisplay()
                .getShells()).filter(shell -> shell.isVisible() && Set.of(SET_UP, SIGN_IN).contains(shell.getText())).findFirst());
        String title = robot.textOf(dialog);
        if (title.equals(SET_UP)) {
            press(robot, dialog, "Next >");
        }
        robot.type(robot.waitForControlWithData(dialog, Text.class, ACCESS_KEY_ID), order.accessKeyId());
        robot.type(robot.waitForControlWithData(dialog, Text.class, SECRET_ACCESS_KEY), order.secretAccessKey());
        press(robot, dialog, title.equals(SET_UP) ? "Finish" : "Sign In");
        robot.waitUntil("the " + title + " dialog to close after AWS accepted the keys", dialog::isDisposed);
        robot.awaitCompletion("the sign-in", menu);
        return title;
    }

    /** Closes what a failed step left open (a modal dialog would keep the IDE from closing), then the IDE. */
    private static void closeTheIde(IWorkbench workbench) {
        Set<Shell> windows = new HashSet<>();
        Arrays.stream(workbench.getWorkbenchWindows()).map(IWorkbenchWindow::getShell).forEach(windows::add);
        Arrays.stream(workbench.getDisplay().getShells()).filter(shell -> !windows.contains(shell) && !shell.isDisposed())
                .forEach(Shell::close);
        workbench.close();
    }

    private static void press(UiRobot robot, Shell dialog, String button) {
        robot.click(robot.waitForControlWithText(dialog, Button.class, button));
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
