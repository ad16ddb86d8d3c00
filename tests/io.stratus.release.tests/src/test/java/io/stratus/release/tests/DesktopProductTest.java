package io.stratus.release.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop product, started as {@code ./stratus desktop} starts it (on Xvfb), starts the store,
 * sign-in, administration, explorer and connections by itself, with its data in
 * {@code ~/.stratus/desktop}: nobody configures anything.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DesktopProductTest {

    /** The desktop ships no OSGi console; the test adds the IDE platform's to its copy. */
    private static final List<String> CONSOLE = List.of("org.eclipse.equinox.console", "org.apache.felix.gogo.runtime",
            "org.apache.felix.gogo.shell", "org.apache.felix.gogo.command");

    @RegisterExtension
    final ProductLauncher launcher = new ProductLauncher();

    @TempDir
    Path temp;

    @Test
    void theDesktopStartsItsServicesWithTheirDataInTheHomeFolder() throws Exception {
        EclipseInstallation desktop = EclipseInstallation.copyOf(ReleaseLocations.desktopProduct(), temp.resolve("desktop"));
        desktop.addStartedBundlesOf(new EclipseInstallation(EclipseIde.CURRENT.installation()), CONSOLE);
        Path home = Files.createDirectory(temp.resolve("home"));

        RunningProduct running = launcher.start("desktop product", desktop, List.of("-Duser.home=" + home),
                List.of("-consoleLog", "-console"),
                Map.of("HOME", home.toString(), "DISPLAY", ReleaseLocations.display(), "GDK_BACKEND", "x11"));
        OsgiConsole console = new OsgiConsole(running, Duration.ofSeconds(30));
        Map<String, String> components = console.useComponents("io.stratus", Duration.ofSeconds(90));

        assertTrue(components.keySet().containsAll(StratusComponents.SERVICES), "Stratus components: " + components);
        assertTrue(components.values().stream().allMatch("ACTIVE"::equals), "Stratus components after use: " + components);
        Path data = home.resolve(".stratus/desktop");
        assertTrue(Files.isDirectory(data.resolve("store")), "the store is in " + data);
        assertTrue(Files.isDirectory(data.resolve(".metadata")), "the workspace, with the log, is in " + data);
    }
}
