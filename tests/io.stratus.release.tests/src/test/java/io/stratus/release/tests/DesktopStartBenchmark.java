package io.stratus.release.tests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's time to a populated Cloud Explorer, as a person meets it: from starting the Linux
 * archive's {@code stratus} script to the workbench window, then, after signing in with the demo
 * account's keys in the dialog the desktop opens by itself, to its databases in the Cloud Explorer
 * and to every region answered. The IDE probe (tests/io.stratus.ide.probe) signs in and notes when
 * each step was reached; AWS is the demo account's simulator in a process of its own, as AWS is
 * elsewhere. Each round starts on a fresh home (setup wizard, a new store) and then again on the
 * same home (sign-in dialog, the store as left). Targets on the 2-core build machine: window within
 * 4 s, populated explorer within 6 s. Prints its figures; run it with
 * {@code ./mvnw verify -DskipTests -Dbenchmarks -Dtest=DesktopStartBenchmark}.
 */
class DesktopStartBenchmark {

    private static final int ROUNDS = 5;
    private static final long WINDOW_TARGET_MILLIS = 4_000;
    private static final long EXPLORER_TARGET_MILLIS = 6_000;
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String DATABASE = "RDS and Aurora/eu-west-1/orders";
    private static final List<String> PROBE = List.of("io.stratus.ide.probe", "io.stratus.ui.testkit");

    @RegisterExtension
    final ProductLauncher launcher = new ProductLauncher();

    @TempDir
    Path temp;

    /** The figures of one kind of start, in milliseconds from starting the script. */
    private record Starts(String kind, List<Long> window, List<Long> database, List<Long> populated) {
        Starts(String kind) {
            this(kind, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    @Test
    void timeToAPopulatedExplorer() throws Exception {
        Path unpacked = Files.createDirectory(temp.resolve("unpacked"));
        DesktopArchive.unpack(ReleaseLocations.desktopArchive(DesktopPlatform.LINUX_X86_64), unpacked);
        EclipseInstallation desktop = new EclipseInstallation(unpacked.resolve(DesktopPlatform.LINUX_X86_64.installFolder()));
        desktop.addStartedBundlesOf(new EclipseInstallation(ReleaseLocations.ideProbeSite()), PROBE);
        Starts first = new Starts("first start (setup wizard, new store)");
        Starts again = new Starts("started before (sign-in dialog)");
        try (DemoAws aws = DemoAws.start(new EclipseInstallation(ReleaseLocations.serverProduct()), temp)) {
            for (int round = 0; round < ROUNDS; round++) {
                Path home = Files.createDirectories(temp.resolve("home-" + round));
                measure(desktop, aws, home, round + "-first", first);
                measure(desktop, aws, home, round + "-again", again);
            }
        }
        for (Starts starts : List.of(first, again)) {
            print("window shown, " + starts.kind(), starts.window(), "target " + WINDOW_TARGET_MILLIS + " ms");
            print("first database in the Cloud Explorer, " + starts.kind(), starts.database(), "no target");
            print("populated explorer (every region answered), " + starts.kind(), starts.populated(),
                    "target " + EXPLORER_TARGET_MILLIS + " ms");
        }
    }

    /** One start, signed in and measured by the probe, which then closes the desktop. */
    private void measure(EclipseInstallation desktop, DemoAws aws, Path home, String name, Starts into) throws Exception {
        DemoAws.DemoKey ada = aws.keyOf("ada");
        Path report = temp.resolve("report-" + name + ".properties");
        long started = System.currentTimeMillis();
        RunningProduct running = launcher.startScript("desktop " + name, desktop, "stratus",
                List.of("-Duser.home=" + home, "-Dio.stratus.ide.probe.report=" + report,
                        "-Dio.stratus.ide.probe.screenshot=" + temp.resolve("desktop-" + name + ".png"),
                        "-Dio.stratus.ide.probe.database=" + DATABASE, "-Dio.stratus.ide.probe.signInAsked=true"),
                List.of(),
                Map.of("HOME", home.toString(), "DISPLAY", ReleaseLocations.display(), "GDK_BACKEND", "x11",
                        "XDG_CONFIG_HOME", ReleaseLocations.gtkSettings().toString(),
                        "STRATUS_AWS_ENDPOINT", aws.endpoint().toString(), "STRATUS_AWS_REGION", DemoAws.REGION,
                        "STRATUS_REGIONS", DemoAws.REGIONS,
                        "IDE_PROBE_ACCESS_KEY_ID", ada.accessKeyId(), "IDE_PROBE_SECRET_ACCESS_KEY", ada.secretAccessKey()));
        assertEquals(0, running.awaitExit(PATIENCE), "exit code of the desktop after the probe closed it");
        Properties probe = read(report);
        assertEquals("passed", probe.getProperty("outcome"), "the probe failed in the desktop: " + probe.getProperty("failure"));
        // The probe counts from its JVM's start; the script and the JVM's own start count too.
        long fromStart = Long.parseLong(probe.getProperty("jvm.startedAt")) - started;
        into.window().add(fromStart + Long.parseLong(probe.getProperty("reached.window")));
        into.database().add(fromStart + Long.parseLong(probe.getProperty("reached.database")));
        into.populated().add(fromStart + Long.parseLong(probe.getProperty("reached.explorerLoaded")));
    }

    private static Properties read(Path report) throws IOException {
        assertTrue(Files.exists(report), "the probe wrote no report: did it start in the desktop? (see its output)");
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(report, UTF_8)) {
            values.load(in);
        }
        return values;
    }

    private static void print(String what, List<Long> millis, String target) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("[benchmark] desktop %s: median %d ms, lowest %d, highest %d (%s; runs in order: %s)%n", what,
                sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast(), target,
                millis.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
}
