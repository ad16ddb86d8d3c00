package io.stratus.release.tests;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Stratus installs into an existing Eclipse IDE": the platform's own p2 director installs our
 * features from the update site into a bare Eclipse platform, without bringing a second copy of
 * the platform, and the platform then resolves every Stratus bundle and starts its services, which
 * configure themselves, with their data in the UI bundle's OSGi data area.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class InstallIntoEclipseTest {

    private static final String UI_FEATURE = "io.stratus.ui.feature.feature.group";
    private static final String SERVER_FEATURE = "io.stratus.server.feature.feature.group";
    private static final List<String> STRATUS_BUNDLES = List.of("io.stratus.core", "io.stratus.aws", "io.stratus.store",
            "io.stratus.auth", "io.stratus.admin", "io.stratus.explorer", "io.stratus.connect.jdbc",
            "io.stratus.connect.postgresql", "io.stratus.connect.mysql", "io.stratus.server", "io.stratus.ui");
    private static final Set<String> RESOLVED_STATES = Set.of("RESOLVED", "STARTING", "ACTIVE");
    /**
     * Libraries that an Eclipse IDE may already have and our third-party feature ships too (real
     * IDEs carry slf4j.api for their help server's Jetty). With the same version p2 keeps a
     * single copy, which the install test checks.
     */
    private static final Set<String> LIBRARIES_AN_IDE_MAY_SHARE = Set.of("slf4j.api");
    private static final Duration CONSOLE_COMMAND = Duration.ofSeconds(30);
    private static final Duration COMPONENTS_UP = Duration.ofSeconds(60);
    /** An Eclipse log entry of severity ERROR, as -consoleLog prints it: "!ENTRY bundle 4 code date". */
    private static final Pattern ERROR_LOG_ENTRY = Pattern.compile("^!ENTRY \\S+ 4 ", Pattern.MULTILINE);

    @RegisterExtension
    final ProductLauncher launcher = new ProductLauncher();

    @TempDir
    Path temp;

    @Test
    void updateSiteShipsNoBundleOfThePlatform() {
        Map<String, String> site = versionsBySymbolicName(new EclipseInstallation(ReleaseLocations.updateSite()).bundlesInPlugins());
        Map<String, String> platform = versionsBySymbolicName(new EclipseInstallation(ReleaseLocations.idePlatform()).bundlesInPlugins());

        Set<String> inBoth = new TreeSet<>(site.keySet());
        inBoth.retainAll(platform.keySet());
        inBoth.removeAll(LIBRARIES_AN_IDE_MAY_SHARE);

        assertTrue(site.keySet().containsAll(STRATUS_BUNDLES), "the update site has " + site.keySet());
        assertTrue(platform.keySet().stream().noneMatch(name -> name.startsWith("io.stratus")),
                "the bare platform must not contain Stratus already: " + platform.keySet());
        assertEquals(Set.of(), inBoth, "bundles that both the update site and the platform ship");
    }

    @Test
    void p2InstallsStratusIntoEclipseWhichThenStartsItsServicesWithoutConfiguration() throws Exception {
        EclipseInstallation eclipse = EclipseInstallation.copyOf(ReleaseLocations.idePlatform(), temp.resolve("eclipse"));
        Map<String, String> platformBundles = versionsBySymbolicName(eclipse.bundlesInfo());

        long started = System.nanoTime();
        installStratusWithTheDirectorOf(eclipse, UI_FEATURE);
        long installed = System.nanoTime();
        Set<String> withTheUi = eclipse.bundlesInfo().stream().map(EclipseInstallation.Bundle::symbolicName).collect(toSet());
        assertTrue(withTheUi.stream().noneMatch(name -> name.startsWith("org.eclipse.jetty") || name.equals("io.stratus.server")),
                "the IDE plugins bring nothing only the server needs: " + withTheUi);
        assertEachPlatformBundleStillInstalledOnce(eclipse, platformBundles);
        List<String> uiBundles = STRATUS_BUNDLES.stream().filter(name -> !name.equals("io.stratus.server")).toList();
        assertTrue(withTheUi.containsAll(uiBundles), "bundles.info after the install: " + withTheUi);

        // Nobody configures anything: the UI bundle bootstraps the services as our bundles start.
        OsgiConsole console = startWithTheConsole(eclipse);
        Map<String, String> components = console.useComponents("io.stratus", COMPONENTS_UP);
        assertTrue(components.keySet().containsAll(StratusComponents.SERVICES), "Stratus components: " + components);
        assertTrue(components.values().stream().allMatch("ACTIVE"::equals), "Stratus components after use: " + components);
        Map<String, String> bundleStates = console.bundleStates("io.stratus");
        for (String bundle : uiBundles) {
            assertTrue(RESOLVED_STATES.contains(bundleStates.get(bundle)), bundle + " is not resolved: " + bundleStates);
        }
        assertEquals(1, storesInDataAreas(eclipse).size(), "the store lives in the UI bundle's OSGi data area");
        shutDown(console);
        long checked = System.nanoTime();

        installStratusWithTheDirectorOf(eclipse, SERVER_FEATURE);
        Set<String> installedNames = eclipse.bundlesInfo().stream().map(EclipseInstallation.Bundle::symbolicName).collect(toSet());
        assertTrue(installedNames.containsAll(STRATUS_BUNDLES), "bundles.info after the install: " + installedNames);
        console = startWithTheConsole(eclipse);
        components = console.useComponents("io.stratus", COMPONENTS_UP);
        assertEquals("ACTIVE", components.get("io.stratus.server.internal.ApiDispatcher"), "Stratus components: " + components);
        assertEquals("ACTIVE", console.bundleStates("io.stratus.server").get("io.stratus.server"),
                "activating its component activates io.stratus.server");
        shutDown(console);
        System.out.printf("[release-tests] install into the bare platform: p2 director %d ms, then start, checks and shutdown %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(installed - started), TimeUnit.NANOSECONDS.toMillis(checked - installed));
    }

    /** The platform without an application: it only starts its bundles and offers its console. */
    private OsgiConsole startWithTheConsole(EclipseInstallation eclipse) throws Exception {
        RunningProduct running = launcher.start("bare platform with Stratus installed", eclipse,
                List.of("-Declipse.ignoreApp=true", "-Dosgi.noShutdown=true"),
                List.of("-nosplash", "-consoleLog", "-console"));
        return new OsgiConsole(running, CONSOLE_COMMAND);
    }

    private static void shutDown(OsgiConsole console) throws InterruptedException {
        console.shutDown();
        assertEquals(0, console.product().awaitExit(Duration.ofSeconds(30)), "exit code after shutdown at the console");
        assertFalse(ERROR_LOG_ENTRY.matcher(console.product().output()).find(), "the platform logged an error (see its output)");
    }

    /** The store folders in the bundles' OSGi data areas (configuration/org.eclipse.osgi/ID/data/store). */
    private static List<Path> storesInDataAreas(EclipseInstallation eclipse) throws IOException {
        try (Stream<Path> stores = Files.find(eclipse.root().resolve("configuration/org.eclipse.osgi"), 3,
                (path, attributes) -> attributes.isDirectory() && path.getFileName().toString().equals("store")
                        && path.getParent().getFileName().toString().equals("data"))) {
            return stores.toList();
        }
    }

    /** Runs the platform's own p2 director, installing into the running platform itself (no -destination). */
    private void installStratusWithTheDirectorOf(EclipseInstallation eclipse, String feature) throws Exception {
        RunningProduct director = launcher.start("p2 director of the bare platform", eclipse, List.of(), List.of(
                "-nosplash", "-consoleLog",
                "-application", "org.eclipse.equinox.p2.director",
                "-repository", ReleaseLocations.updateSite().toUri().toString(),
                "-installIU", feature));
        int exitCode = director.awaitExit(Duration.ofMinutes(2));
        assertEquals(0, exitCode, "exit code of the p2 director");
        assertTrue(director.output().contains("Operation completed"), "the director reports success");
    }

    /** No second copy of the platform: each of its bundles is still there once, at its version. */
    private static void assertEachPlatformBundleStillInstalledOnce(EclipseInstallation eclipse, Map<String, String> before) {
        Map<String, List<String>> after = eclipse.bundlesInfo().stream().collect(groupingBy(
                EclipseInstallation.Bundle::symbolicName, mapping(EclipseInstallation.Bundle::version, toList())));
        Map<String, Long> inPlugins = eclipse.bundlesInPlugins().stream().collect(groupingBy(
                EclipseInstallation.Bundle::symbolicName, counting()));
        for (Map.Entry<String, String> bundle : before.entrySet()) {
            assertEquals(List.of(bundle.getValue()), after.get(bundle.getKey()),
                    "versions of " + bundle.getKey() + " in bundles.info after the install");
            assertEquals(1L, inPlugins.getOrDefault(bundle.getKey(), 0L), "copies of " + bundle.getKey() + " in plugins/");
        }
    }

    private static Map<String, String> versionsBySymbolicName(List<EclipseInstallation.Bundle> bundles) {
        return bundles.stream().collect(toMap(EclipseInstallation.Bundle::symbolicName, EclipseInstallation.Bundle::version,
                (first, second) -> first + ", " + second, TreeMap::new));
    }
}
