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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Stratus installs into an existing Eclipse IDE": the platform's own p2 director installs our
 * features from the update site into a bare Eclipse platform, without bringing a second copy of
 * the platform, and the platform then resolves every Stratus bundle and activates its components.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
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
    void p2InstallsStratusIntoEclipseWhichThenResolvesAndActivatesIt() throws Exception {
        EclipseInstallation eclipse = EclipseInstallation.copyOf(ReleaseLocations.idePlatform(), temp.resolve("eclipse"));
        Map<String, String> platformBundles = versionsBySymbolicName(eclipse.bundlesInfo());

        long started = System.nanoTime();
        installStratusWithTheDirectorOf(eclipse, UI_FEATURE);
        Set<String> withTheUi = eclipse.bundlesInfo().stream().map(EclipseInstallation.Bundle::symbolicName).collect(toSet());
        assertTrue(withTheUi.stream().noneMatch(name -> name.startsWith("org.eclipse.jetty") || name.equals("io.stratus.server")),
                "the IDE plugins bring nothing only the server needs: " + withTheUi);
        installStratusWithTheDirectorOf(eclipse, SERVER_FEATURE);
        long installed = System.nanoTime();

        assertEachPlatformBundleStillInstalledOnce(eclipse, platformBundles);
        Set<String> installedNames = eclipse.bundlesInfo().stream().map(EclipseInstallation.Bundle::symbolicName).collect(toSet());
        assertTrue(installedNames.containsAll(STRATUS_BUNDLES), "bundles.info after the install: " + installedNames);

        RunningProduct running = launcher.start("bare platform with Stratus installed", eclipse,
                // no application: the platform only starts its bundles and offers its console
                List.of("-Declipse.ignoreApp=true", "-Dosgi.noShutdown=true"),
                List.of("-nosplash", "-consoleLog", "-console"));
        OsgiConsole console = new OsgiConsole(running, CONSOLE_COMMAND);

        Map<String, String> components = awaitComponents(console, states -> !states.isEmpty(), Duration.ofSeconds(60));
        assertTrue(components.containsKey("io.stratus.server.internal.ApiDispatcher"), "Stratus components: " + components);
        Map<String, String> bundleStates = console.bundleStates("io.stratus");
        for (String bundle : STRATUS_BUNDLES) {
            assertTrue(RESOLVED_STATES.contains(bundleStates.get(bundle)), bundle + " is not resolved: " + bundleStates);
        }

        // The store opens nothing until it is told where (in the IDE: by the workbench, from the
        // workspace); sign-in and administration wait for it.
        console.configure("io.stratus.store", "dataDirectory", eclipse.root().resolve("stratus-data").toString());
        components = awaitComponents(console, states -> states.values().stream().noneMatch(
                state -> state.contains("UNSATISFIED") || state.equals("NO CONFIGURATION")), Duration.ofSeconds(60));

        // Delayed components stay SATISFIED until someone uses their service, so use it.
        for (Map.Entry<String, String> component : components.entrySet()) {
            if (component.getValue().equals("SATISFIED")) {
                console.getService(console.serviceOf(component.getKey()), component.getKey());
            }
        }
        Map<String, String> afterUse = console.componentStates("io.stratus");
        assertTrue(afterUse.values().stream().allMatch("ACTIVE"::equals), "Stratus components after use: " + afterUse);
        assertEquals("ACTIVE", console.bundleStates("io.stratus.server").get("io.stratus.server"),
                "activating its component activates io.stratus.server");

        console.shutDown();
        assertEquals(0, running.awaitExit(Duration.ofSeconds(30)), "exit code after shutdown at the console");
        assertFalse(ERROR_LOG_ENTRY.matcher(running.output()).find(), "the platform logged an error (see its output)");
        System.out.printf("[release-tests] install into the bare platform: p2 director %d ms, then start, checks and shutdown %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(installed - started), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - installed));
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

    /** Waits until the Stratus components' states satisfy {@code done}; returns the last states seen. */
    private static Map<String, String> awaitComponents(OsgiConsole console, Predicate<Map<String, String>> done,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, String> components = console.componentStates("io.stratus");
            if (done.test(components) || System.nanoTime() > deadline) {
                return components;
            }
            Thread.sleep(200);
        }
    }

    private static Map<String, String> versionsBySymbolicName(List<EclipseInstallation.Bundle> bundles) {
        return bundles.stream().collect(toMap(EclipseInstallation.Bundle::symbolicName, EclipseInstallation.Bundle::version,
                (first, second) -> first + ", " + second, TreeMap::new));
    }
}
