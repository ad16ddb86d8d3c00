package io.stratus.release.tests;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
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
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "Stratus installs into an existing Eclipse IDE": the IDE's own p2 director installs our UI feature
 * from the update site, without bringing a second copy of the platform, into an Eclipse IDE at the
 * platform versions we build against and into an Eclipse 2025-12 IDE (so that we never require an
 * API an IDE of the last year lacks). The IDE then starts as people start it, with a fresh
 * workspace, and the probe bundle (tests/io.stratus.ide.probe, installed beside our feature) does in
 * it what a person does: opens the Stratus perspective, signs in with the demo account's keys
 * against the AWS simulator, and waits for a database in the Cloud Explorer.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class InstallIntoEclipseTest {

    private static final String UI_FEATURE = "io.stratus.ui.feature.feature.group";
    private static final String SERVER_FEATURE = "io.stratus.server.feature.feature.group";
    private static final String PROBE = "io.stratus.ide.probe";
    private static final List<String> STRATUS_BUNDLES = List.of("io.stratus.core", "io.stratus.aws", "io.stratus.store",
            "io.stratus.auth", "io.stratus.admin", "io.stratus.explorer", "io.stratus.connect.jdbc",
            "io.stratus.connect.postgresql", "io.stratus.connect.mysql", "io.stratus.server", "io.stratus.ui");
    private static final List<String> UI_BUNDLES = List.of("io.stratus.ui", "io.stratus.ui.explorer", "io.stratus.ui.admin",
            "io.stratus.ui.results", "io.stratus.ui.documentdb");
    /**
     * Libraries that an Eclipse IDE may already have and our third-party feature ships too (the
     * Eclipse Platform has slf4j.api). With the same version p2 keeps a single copy, which the
     * install test checks.
     */
    private static final Set<String> LIBRARIES_AN_IDE_MAY_SHARE = Set.of("slf4j.api");
    /** The Eclipse platform's classes (SWT, JFace, the workbench, the Common Navigator, ...). */
    private static final String ECLIPSE_API = "org/eclipse/";
    /** The demo account's PostgreSQL database, as the Cloud Explorer shows it below the account. */
    private static final String DATABASE = "RDS and Aurora/eu-west-1/orders";
    private static final Duration DIRECTOR = Duration.ofMinutes(2);
    private static final Duration IDE_SCENARIO = Duration.ofMinutes(3);
    private static final Duration CONSOLE_COMMAND = Duration.ofSeconds(30);
    private static final Duration COMPONENTS_UP = Duration.ofSeconds(60);

    @RegisterExtension
    final ProductLauncher launcher = new ProductLauncher();

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(EclipseIde.class)
    void updateSiteShipsNoBundleOfThePlatform(EclipseIde ide) {
        Map<String, String> site = versionsBySymbolicName(new EclipseInstallation(ReleaseLocations.updateSite()).bundlesInPlugins());
        Map<String, String> platform = versionsBySymbolicName(new EclipseInstallation(ide.installation()).bundlesInPlugins());

        Set<String> inBoth = new TreeSet<>(site.keySet());
        inBoth.retainAll(platform.keySet());
        inBoth.removeAll(LIBRARIES_AN_IDE_MAY_SHARE);

        assertTrue(site.keySet().containsAll(STRATUS_BUNDLES), "the update site has " + site.keySet());
        assertTrue(platform.keySet().containsAll(List.of("org.eclipse.ui.ide.application", "org.eclipse.core.resources",
                "org.eclipse.ui.editors", "org.eclipse.ui.navigator.resources")), "an Eclipse IDE: " + platform.keySet());
        assertTrue(platform.keySet().stream().noneMatch(name -> name.startsWith("io.stratus")),
                "the IDE must not contain Stratus already: " + platform.keySet());
        assertEquals(Set.of(), inBoth, "bundles that both the update site and the IDE ship");
    }

    /**
     * The UI bundles run in the IDE only as far as a test drives them; this finds, ahead of time,
     * every Eclipse class, field or method they use that the IDE lacks (NoSuchMethodError once a
     * person gets there), in code no test reaches too.
     */
    @ParameterizedTest
    @EnumSource(EclipseIde.class)
    void theIdeHasEveryEclipseClassFieldAndMethodTheUiBundlesUse(EclipseIde ide) {
        Predicate<String> uiBundles = bundle -> bundle.startsWith("io.stratus.ui");
        ApiLinks eclipseApi = new ApiLinks(ECLIPSE_API, uiBundles);
        new EclipseInstallation(ide.installation()).addClassesTo(eclipseApi, bundle -> bundle.startsWith("org.eclipse."));
        new EclipseInstallation(ReleaseLocations.updateSite()).addClassesTo(eclipseApi, uiBundles);
        Set<String> users = eclipseApi.linkingBundles().stream().map(file -> file.split("_")[0]).collect(toSet());
        assertTrue(users.containsAll(UI_BUNDLES), "bundles that use the Eclipse platform: " + users);

        List<String> unresolved = eclipseApi.unresolved();
        assertEquals(List.of(), unresolved.subList(0, Math.min(unresolved.size(), 20)),
                unresolved.size() + " uses of the Eclipse platform that the " + ide + " IDE lacks (first 20)");
    }

    @ParameterizedTest
    @EnumSource(EclipseIde.class)
    void inTheIdeAPersonSignsInWithTheDemoAccountAndSeesItsDatabases(EclipseIde ide) throws Exception {
        EclipseInstallation eclipse = EclipseInstallation.copyOf(ide.installation(), temp.resolve("eclipse"));
        Map<String, String> platformBundles = versionsBySymbolicName(eclipse.bundlesInfo());

        long started = System.nanoTime();
        installWithTheDirectorOf(eclipse, List.of(UI_FEATURE, PROBE), ReleaseLocations.updateSite(), ReleaseLocations.ideProbeSite());
        long installed = System.nanoTime();
        Set<String> withTheUi = eclipse.bundlesInfo().stream().map(EclipseInstallation.Bundle::symbolicName).collect(toSet());
        assertTrue(withTheUi.stream().noneMatch(name -> name.startsWith("org.eclipse.jetty") || name.equals("io.stratus.server")),
                "the IDE plugins bring nothing only the server needs: " + withTheUi);
        assertEachPlatformBundleStillInstalledOnce(eclipse, platformBundles);
        assertTrue(withTheUi.containsAll(UI_BUNDLES) && withTheUi.containsAll(STRATUS_BUNDLES.stream()
                .filter(name -> !name.equals("io.stratus.server")).toList()), "bundles.info after the install: " + withTheUi);

        Path workspace = temp.resolve("workspace");
        Path home = Files.createDirectories(temp.resolve("home"));
        Path report = temp.resolve("probe-report.properties");
        Path screenshot = ReleaseLocations.screenshots().resolve("ide-" + ide.name().toLowerCase() + "-cloud-explorer.png");
        Files.deleteIfExists(screenshot);
        DemoAws.DemoKey ada;
        String account;
        long ideStarted;
        try (DemoAws aws = DemoAws.start(new EclipseInstallation(ReleaseLocations.serverProduct()), temp)) {
            ada = aws.keyOf("ada");
            account = aws.accountId();
            ideStarted = System.nanoTime();
            RunningProduct running = launcher.start("Eclipse IDE (" + ide + ") with Stratus installed", eclipse,
                    List.of("-Duser.home=" + home, "-Dio.stratus.ide.probe.report=" + report,
                            "-Dio.stratus.ide.probe.screenshot=" + screenshot, "-Dio.stratus.ide.probe.database=" + DATABASE),
                    List.of("-data", workspace.toString(), "-nosplash", "-consoleLog"),
                    Map.of("DISPLAY", ReleaseLocations.display(), "GDK_BACKEND", "x11", "HOME", home.toString(),
                            "XDG_CONFIG_HOME", ReleaseLocations.gtkSettings().toString(),
                            // How a person points the plugins at another AWS endpoint (LocalStack, here the simulator).
                            "STRATUS_AWS_ENDPOINT", aws.endpoint().toString(), "STRATUS_AWS_REGION", DemoAws.REGION,
                            "STRATUS_REGIONS", DemoAws.REGIONS,
                            "IDE_PROBE_ACCESS_KEY_ID", ada.accessKeyId(), "IDE_PROBE_SECRET_ACCESS_KEY", ada.secretAccessKey()));
            // The probe closes the IDE once it has written its report, as File > Exit would.
            assertEquals(0, running.awaitExit(IDE_SCENARIO), "exit code of the IDE");
        }
        long ideEnded = System.nanoTime();

        Properties probe = readReport(report);
        assertEquals("passed", probe.getProperty("outcome"), "the probe failed in the IDE: " + probe.getProperty("failure")
                + "\nthe Cloud Explorer showed:\n" + probe.getProperty("explorer.signedIn"));
        assertEquals("org.eclipse.platform.ide", probe.getProperty("product"), "the IDE runs as the Eclipse Platform's product");
        assertEquals("org.eclipse.ui.ide.workbench", probe.getProperty("application"), "the IDE application");
        assertEquals("", probe.getProperty("stratus.unresolved"), "Stratus bundles the IDE's framework could not resolve");
        assertEquals("io.stratus.ui.perspective", probe.getProperty("perspective"), "the perspective the IDE shows");
        assertEquals("Sign in to see your databases", probe.getProperty("explorer.signedOut"));
        assertEquals("Set Up Stratus", probe.getProperty("signIn.dialog"), "a fresh instance: the first sign-in sets it up");
        String status = probe.getProperty("status");
        assertTrue(status.contains("ada") && status.contains(account) && status.contains("Administrator"), status);
        assertTrue(probe.getProperty("database").startsWith("orders") && probe.getProperty("database").contains("PostgreSQL"),
                "the database the Cloud Explorer shows: " + probe.getProperty("database"));
        assertTrue(isPng(screenshot), "a screenshot of the IDE at " + screenshot);

        EclipseLog log = EclipseLog.ofWorkspace(workspace);
        assertEquals(List.of(), log.errorsOfStratus(), "errors in the IDE's log that Stratus logged or caused");
        assertEquals(1, storesInDataAreas(eclipse).size(), "the store lives in the UI bundle's OSGi data area");
        assertEquals(List.of(), filesContaining(ada.secretAccessKey(), eclipse.root(), workspace, home),
                "files of the IDE that hold the secret access key typed into it");

        System.out.printf("[release-tests] Eclipse IDE %s (workbench %s, SWT %s): p2 director %d ms; IDE start to window %s ms,"
                + " perspective %s ms, signed in %s ms, database shown %s ms, every region %s ms, exit %d ms after start;"
                + " %d other errors in its log%n",
                ide, probe.getProperty("version.org.eclipse.ui.workbench"), probe.getProperty("version.org.eclipse.swt"),
                millis(installed - started), probe.getProperty("reached.window"), probe.getProperty("reached.perspective"),
                probe.getProperty("reached.signedIn"), probe.getProperty("reached.database"),
                probe.getProperty("reached.explorerLoaded"), millis(ideEnded - ideStarted),
                log.errors().size());
        log.errors().forEach(error -> System.out.println("[release-tests] error in the IDE's log:\n" + error.text()));
    }

    @Test
    void theServerFeatureInstallsBesideTheUiAndStartsItsApi() throws Exception {
        EclipseInstallation eclipse = EclipseInstallation.copyOf(EclipseIde.CURRENT.installation(), temp.resolve("eclipse"));
        installWithTheDirectorOf(eclipse, List.of(UI_FEATURE, SERVER_FEATURE), ReleaseLocations.updateSite());
        Set<String> installedNames = eclipse.bundlesInfo().stream().map(EclipseInstallation.Bundle::symbolicName).collect(toSet());
        assertTrue(installedNames.containsAll(STRATUS_BUNDLES), "bundles.info after the install: " + installedNames);

        // Without its IDE application: the platform starts its bundles and offers its console.
        RunningProduct running = launcher.start("Eclipse IDE with Stratus and its server installed", eclipse,
                List.of("-Declipse.ignoreApp=true", "-Dosgi.noShutdown=true"), List.of("-nosplash", "-consoleLog", "-console"));
        OsgiConsole console = new OsgiConsole(running, CONSOLE_COMMAND);
        Map<String, String> components = console.useComponents("io.stratus", COMPONENTS_UP);
        assertTrue(components.keySet().containsAll(StratusComponents.SERVICES), "Stratus components: " + components);
        assertTrue(components.values().stream().allMatch("ACTIVE"::equals), "Stratus components after use: " + components);
        assertEquals("ACTIVE", console.bundleStates("io.stratus.server").get("io.stratus.server"),
                "activating its component activates io.stratus.server");
        console.shutDown();
        assertEquals(0, running.awaitExit(Duration.ofSeconds(30)), "exit code after shutdown at the console");
        assertEquals(List.of(), EclipseLog.parse(running.output()).errors(), "errors the platform logged (see its output)");
    }

    /** Runs the IDE's own p2 director, installing into the running installation itself (no -destination). */
    private void installWithTheDirectorOf(EclipseInstallation eclipse, List<String> units, Path... repositories)
            throws Exception {
        RunningProduct director = launcher.start("p2 director of the IDE", eclipse, List.of(), List.of(
                "-nosplash", "-consoleLog",
                "-application", "org.eclipse.equinox.p2.director",
                "-repository", String.join(",", Stream.of(repositories).map(repository -> repository.toUri().toString()).toList()),
                "-installIU", String.join(",", units)));
        assertEquals(0, director.awaitExit(DIRECTOR), "exit code of the p2 director");
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

    /** The store folders in the bundles' OSGi data areas (configuration/org.eclipse.osgi/ID/data/store). */
    private static List<Path> storesInDataAreas(EclipseInstallation eclipse) throws IOException {
        try (Stream<Path> stores = Files.find(eclipse.root().resolve("configuration/org.eclipse.osgi"), 3,
                (path, attributes) -> attributes.isDirectory() && path.getFileName().toString().equals("store")
                        && path.getParent().getFileName().toString().equals("data"))) {
            return stores.toList();
        }
    }

    private static Properties readReport(Path report) throws IOException {
        assertTrue(Files.exists(report), "the probe wrote no report: did it start in the IDE? (see the IDE's output)");
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(report, UTF_8)) {
            values.load(in);
        }
        return values;
    }

    private static boolean isPng(Path file) throws IOException {
        return Files.isRegularFile(file) && new String(Files.readAllBytes(file), ISO_8859_1).startsWith("\u0089PNG");
    }

    /** Every file below the folders whose bytes contain {@code text} (ASCII, as AWS keys are). */
    private static List<Path> filesContaining(String text, Path... folders) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    if (new String(Files.readAllBytes(file), ISO_8859_1).contains(text)) {
                        found.add(file);
                    }
                }
            }
        }
        return found;
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static Map<String, String> versionsBySymbolicName(List<EclipseInstallation.Bundle> bundles) {
        return bundles.stream().collect(toMap(EclipseInstallation.Bundle::symbolicName, EclipseInstallation.Bundle::version,
                (first, second) -> first + ", " + second, TreeMap::new));
    }
}
