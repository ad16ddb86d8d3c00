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
 * The desktop product, unpacked from its Linux x86_64 archive and started through the launcher
 * script that archive ships (as people who download it and {@code ./stratus desktop} start it, on
 * Xvfb), starts the store, sign-in, administration, explorer and connections by itself, with its
 * data in {@code ~/.stratus/desktop}: nobody configures anything.
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
        Path unpacked = Files.createDirectory(temp.resolve("unpacked"));
        DesktopArchive.unpack(ReleaseLocations.desktopArchive(DesktopPlatform.LINUX_X86_64), unpacked);
        EclipseInstallation desktop = new EclipseInstallation(unpacked.resolve(DesktopPlatform.LINUX_X86_64.installFolder()));
        desktop.addStartedBundlesOf(new EclipseInstallation(EclipseIde.CURRENT.installation()), CONSOLE);
        Path home = Files.createDirectory(temp.resolve("home"));

        RunningProduct running = launcher.startScript("desktop product", desktop, "stratus", List.of("-Duser.home=" + home),
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
