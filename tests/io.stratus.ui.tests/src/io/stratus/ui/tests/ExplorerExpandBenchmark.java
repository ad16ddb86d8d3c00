package io.stratus.ui.tests;

import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudService;
import io.stratus.core.explorer.ExplorerTree;
import io.stratus.core.explorer.ScanStatus;
import io.stratus.ui.explorer.AccountItem;
import io.stratus.ui.explorer.CloudExplorerView;
import io.stratus.ui.explorer.RegionItem;
import io.stratus.ui.testkit.UiRobot;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonViewer;
import org.junit.jupiter.api.Test;

/**
 * How long the Cloud Explorer takes to expand a region holding 2,000 DB instances (the discovery
 * benchmark's big region), and to refresh the tree with that region expanded (a filter keystroke,
 * a refresh's answer): in the real view, its navigator content, labels and icons, painted. The
 * databases are made here in the shape discovery gives them, so the figure is the UI's alone.
 * Asserts nothing: run it with {@code ./mvnw verify -DskipTests -Dbenchmarks}. Target: 300 ms.
 */
class ExplorerExpandBenchmark {

    private static final int INSTANCES = 2_000;
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 7;
    private static final String REGION = "us-east-1";
    private static final CloudService RDS = new CloudService("RDS", "RDS and Aurora", List.of("rds:DescribeDBInstances"), 0);

    @Test
    void expandingARegionOfTwoThousandInstances() throws Exception {
        IWorkbench workbench = PlatformUI.getWorkbench();
        UiRobot robot = new UiRobot(workbench.getDisplay(), Duration.ofSeconds(60));
        IWorkbenchWindow window = robot.waitFor("the workbench window", () -> Arrays.stream(workbench.getWorkbenchWindows())
                .filter(open -> open.getShell().isVisible()).findFirst());
        Shell shell = robot.onUiThread(window::getShell);
        robot.closeShellsExcept(shell); // the setup wizard of the fresh instance
        CommonViewer viewer = robot.onUiThread(() -> {
            try {
                return ((CloudExplorerView) window.getActivePage().showView(CloudExplorerView.ID)).getCommonViewer();
            } catch (PartInitException e) {
                throw new AssertionError(e);
            }
        });
        Object model = robot.onUiThread(viewer::getInput);

        long[] expand = new long[ROUNDS];
        long[] refresh = new long[ROUNDS];
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            AccountItem account = new AccountItem(bigRegion(), Optional.empty());
            RegionItem region = new RegionItem(RDS, account.tree().services().getFirst().regions().getFirst());
            robot.runOnUiThread(() -> {
                viewer.setInput(account);
                viewer.setExpandedState(account, true);
                viewer.setExpandedState(account.tree().services().getFirst(), true);
                viewer.getTree().update();
            });
            long expanded = timed(robot, () -> {
                viewer.setExpandedState(region, true);
                TreeItem item = (TreeItem) viewer.testFindItem(region);
                item.getParent().showItem(item.getItem(INSTANCES / 2)); // scrolled into the middle, as a person would
                viewer.getTree().update();
            });
            long refreshed = timed(robot, () -> {
                viewer.refresh();
                viewer.getTree().update();
            });
            if (round >= 0) {
                expand[round] = expanded;
                refresh[round] = refreshed;
            }
            if (robot.onUiThread(() -> ((TreeItem) viewer.testFindItem(region)).getItemCount()) != INSTANCES) {
                throw new IllegalStateException("the region did not show its " + INSTANCES + " instances");
            }
        }
        robot.runOnUiThread(() -> viewer.setInput(model));
        report("expand a region of 2,000 DB instances", expand);
        report("refresh the tree with it expanded", refresh);
    }

    private static long timed(UiRobot robot, Runnable action) {
        Instant start = Instant.now();
        robot.runOnUiThread(action);
        return Duration.between(start, Instant.now()).toMillis();
    }

    private static void report(String what, long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("[benchmark] Cloud Explorer: %-40s median %4d ms   best %4d ms   all %s   (target: 300 ms)%n",
                what, sorted[sorted.length / 2], sorted[0], Arrays.toString(millis));
    }

    private static ExplorerTree bigRegion() {
        List<CloudResource> instances = IntStream.rangeClosed(1, INSTANCES).mapToObj(ExplorerExpandBenchmark::instance)
                .toList();
        return new ExplorerTree("123456789012", List.of(new ExplorerTree.ServiceNode(RDS,
                List.of(new ExplorerTree.RegionNode(REGION, ScanStatus.OK, Instant.now(), instances)))));
    }

    private static CloudResource instance(int n) {
        String name = "bulk-%05d".formatted(n);
        return new CloudResource("arn:aws:rds:" + REGION + ":123456789012:db:" + name, RDS, REGION, name, "instance",
                n % 2 == 0 ? "postgres" : "mysql", n % 2 == 0 ? "16.4" : "8.0.39", "available",
                Optional.of(new CloudResource.Endpoint(name + ".c0ffee.us-east-1.rds.amazonaws.com", 5432)),
                Optional.of("app"), false, true, Map.of("team", "bulk"),
                Map.of("instanceClass", "db.t4g.micro", "vpc", "vpc-0bench"), List.of());
    }
}
