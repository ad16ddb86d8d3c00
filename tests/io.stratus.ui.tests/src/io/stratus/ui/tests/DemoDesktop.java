package io.stratus.ui.tests;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/** The desktop the UI tests drive, in demo mode: its window, and the keys of the demo account's people. */
final class DemoDesktop {

    private DemoDesktop() {
    }

    /** The workbench window, once it shows. */
    static IWorkbenchWindow awaitWindow(UiRobot robot) {
        IWorkbench workbench = PlatformUI.getWorkbench();
        return robot.waitFor("the Stratus workbench window to be visible", () -> Arrays.stream(workbench.getWorkbenchWindows())
                .filter(open -> open.getShell().isVisible()).findFirst());
    }

    /** The access key of an IAM user of the demo account (demo mode's seed), such as {@code "ada"}. */
    static Seed.AccessKey keyOf(String user) {
        try (InputStream demo = Platform.getBundle("io.stratus.aws.simulator").getEntry("seeds/demo.json").openStream()) {
            return Seed.fromJson(demo).accounts().getFirst().users().stream()
                    .filter(candidate -> candidate.name().equals(user)).findFirst().orElseThrow().accessKeys().getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("The demo seed of the AWS simulator could not be read", e);
        }
    }
}
