package io.stratus.release.tests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Each platform's desktop archive, as people download it: its launchers (executable where Unix
 * needs it; on macOS also the app bundle Finder opens), its own SWT fragment and no other, of its
 * SWT host's version, an SWT with every class, field and method its bundles use, the same bundles
 * as the Linux archive that {@link DesktopProductTest} runs, and an eclipse.ini and config.ini that
 * fit the platform. The Linux launcher script is run here where it must refuse to start, the macOS
 * app's executable with a stand-in java; {@link DesktopProductTest} starts the desktop through the
 * Linux script.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DesktopArchivesTest {

    /** For the parameterized tests. */
    static final List<DesktopPlatform> PLATFORMS = DesktopPlatform.ALL;
    static final List<DesktopPlatform> MACS = PLATFORMS.stream().filter(DesktopPlatform::isMac).toList();

    /** Bundles of the desktop itself, which every archive must hold. */
    private static final List<String> DESKTOP_BUNDLES = List.of("io.stratus.ui.app", "io.stratus.ui",
            "io.stratus.ui.explorer", "io.stratus.ui.admin", "io.stratus.ui.results", "io.stratus.ui.documentdb", "io.stratus.core",
            "io.stratus.bootstrap");

    /** Bundles that use SWT, among them those that call SWT's newest methods: the SWT check must read them. */
    private static final List<String> SWT_USERS = List.of("io.stratus.ui.app", "io.stratus.ui.explorer", "org.eclipse.jface",
            "org.eclipse.ui.workbench", "org.eclipse.e4.ui.workbench.renderers.swt", "org.eclipse.e4.ui.css.swt.theme");

    private static final Map<DesktopPlatform, DesktopArchive> ARCHIVES = new LinkedHashMap<>();

    @BeforeAll
    static void readArchives() {
        for (DesktopPlatform platform : DesktopPlatform.ALL) {
            ARCHIVES.put(platform, DesktopArchive.read(ReleaseLocations.desktopArchive(platform), platform));
        }
    }

    @Test
    void theBuildMakesOneArchivePerPlatformAndNoOther() throws IOException {
        Set<String> expected = DesktopPlatform.ALL.stream().map(p -> p.archiveName(ReleaseLocations.version()))
                .collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.list(ReleaseLocations.desktopArchives())) {
            Set<String> built = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith("stratus-desktop-"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, built);
        }
    }

    @ParameterizedTest
    @FieldSource("PLATFORMS")
    void itsLaunchersAreAtTheTopAndTheUnixOnesAreExecutable(DesktopPlatform platform) {
        DesktopArchive archive = ARCHIVES.get(platform);
        assertEquals(new TreeSet<>(platform.appFiles()), new TreeSet<>(archive.outsideInstallFolder()),
                "files outside " + platform.installFolder());
        Set<String> topLevel = archive.files().keySet().stream().filter(path -> !path.contains("/"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(platform.launchers());
        expected.addAll(List.of("eclipse.ini", "artifacts.xml"));
        assertEquals(expected, topLevel, "the top of the installation");

        for (String launcher : platform.launchers()) {
            String script = archive.text(launcher).orElseThrow();
            if (platform.isWindows()) {
                assertFalse(script.replace("\r\n", "").contains("\n"), launcher + " has Windows line ends");
                assertTrue(script.contains("plugins\\org.eclipse.equinox.launcher_*.jar"), launcher + " runs the launcher jar");
            } else {
                assertTrue(script.startsWith("#!/bin/sh\n"), launcher + " is a shell script");
                int mode = archive.files().get(launcher).mode();
                assertEquals("755", Integer.toOctalString(mode & 0777), launcher + "'s mode: executable by everyone");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("PLATFORMS")
    void itHoldsItsOwnSwtFragmentAndNoOther(DesktopPlatform platform) {
        Map<String, Attributes> fragments = swtFragments(ARCHIVES.get(platform));
        assertEquals(1, fragments.size(), "SWT fragments in the " + platform + " archive: " + fragments.keySet());
        Map.Entry<String, Attributes> fragment = fragments.entrySet().iterator().next();
        assertTrue(fragment.getKey().startsWith(platform.swtFragment() + "_"), fragment.getKey());
        assertEquals(platform.swtFragment(), symbolicName(fragment.getValue()));
        String filter = fragment.getValue().getValue("Eclipse-PlatformFilter").replaceAll("\\s", "");
        for (String property : List.of("osgi.os=" + platform.os(), "osgi.ws=" + platform.ws(), "osgi.arch=" + platform.arch())) {
            assertTrue(filter.contains("(" + property + ")"), fragment.getKey() + " is for " + filter);
        }
    }

    /**
     * A fragment attaches to every host its Fragment-Host range takes (SWT's take [3.128.0,4.0.0)),
     * but the workbench calls methods as new as its SWT (see the next test): each platform ships the
     * fragment of exactly its host's version, as SWT's own p2.inf asks (which Tycho leaves out of
     * the metadata of Maven artifacts, so p2 would not refuse an older fragment).
     */
    @ParameterizedTest
    @FieldSource("PLATFORMS")
    void itsSwtFragmentIsOfItsSwtHostsVersion(DesktopPlatform platform) {
        DesktopArchive archive = ARCHIVES.get(platform);
        List<Attributes> hosts = archive.bundleManifests().values().stream()
                .filter(manifest -> symbolicName(manifest).equals("org.eclipse.swt")).toList();
        assertEquals(1, hosts.size(), "org.eclipse.swt bundles in the " + platform + " archive");
        Version host = Version.parseVersion(hosts.get(0).getValue("Bundle-Version"));
        Attributes fragment = swtFragments(archive).values().iterator().next();

        String fragmentHost = fragment.getValue("Fragment-Host");
        Matcher range = Pattern.compile("bundle-version\\s*=\\s*\"([^\"]+)\"").matcher(fragmentHost);
        assertTrue(range.find(), "Fragment-Host: " + fragmentHost);
        assertTrue(new VersionRange(range.group(1)).includes(host), "Fragment-Host: " + fragmentHost + " takes " + host);
        assertEquals(host, Version.parseVersion(fragment.getValue("Bundle-Version")), platform.swtFragment() + "'s version");
    }

    /**
     * The JVM looks an SWT method up only when the code calling it runs, so an archive whose SWT
     * lacks one starts and fails later with NoSuchMethodError, as SWT 3.133 lacks three methods
     * that the 4.41 workbench calls at start (the target is at 4.39 for that).
     */
    @ParameterizedTest
    @FieldSource("PLATFORMS")
    void itsSwtHasEveryClassFieldAndMethodItsBundlesUse(DesktopPlatform platform) {
        DesktopArchive archive = ARCHIVES.get(platform);
        ApiLinks links = archive.swtLinks();
        Set<String> users = links.linkingBundles().stream().map(file -> symbolicName(archive.bundleManifests().get(file)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(users.containsAll(SWT_USERS), "bundles that use SWT: " + users);

        List<String> unresolved = links.unresolved();
        assertEquals(List.of(), unresolved.subList(0, Math.min(unresolved.size(), 20)),
                unresolved.size() + " uses of SWT that the " + platform + " archive's SWT lacks (first 20)");
    }

    @ParameterizedTest
    @FieldSource("PLATFORMS")
    void itHoldsTheSameBundlesAsTheLinuxArchiveApartFromSwt(DesktopPlatform platform) {
        Map<String, String> bundles = bundlesBesidesSwt(ARCHIVES.get(platform));
        assertTrue(bundles.keySet().containsAll(DESKTOP_BUNDLES), "bundles: " + bundles.keySet());
        // java -jar starts the launcher jar; the native launcher's fragments are for the executable Central lacks.
        assertTrue(bundles.keySet().stream().noneMatch(name -> name.startsWith("org.eclipse.equinox.launcher.")),
                "bundles: " + bundles.keySet());
        assertEquals(bundlesBesidesSwt(ARCHIVES.get(DesktopPlatform.LINUX_X86_64)), bundles);
    }

    @ParameterizedTest
    @FieldSource("PLATFORMS")
    void itsConfigurationFitsThePlatform(DesktopPlatform platform) throws IOException {
        DesktopArchive archive = ARCHIVES.get(platform);
        List<String> started = startedBundleFiles(archive);
        for (String file : started) {
            assertTrue(archive.bundleManifests().containsKey(file), "config.ini starts " + file + ", which plugins/ lacks");
        }
        Set<String> swtFragments = swtFragments(archive).keySet();
        assertEquals(swtFragments, started.stream().filter(swtFragments::contains).collect(Collectors.toSet()),
                "config.ini starts its own SWT fragment");

        List<String> vmargs = vmargs(archive.text("eclipse.ini").orElseThrow());
        assertTrue(vmargs.contains("-Dosgi.requiredJavaVersion=21"), "eclipse.ini's Java options: " + vmargs);
        // SWT on Cocoa must own the first thread; elsewhere the option is unknown to Java.
        assertEquals(platform.isMac(), vmargs.contains("-XstartOnFirstThread"), "eclipse.ini's Java options: " + vmargs);
    }

    @Test
    void theLinuxLauncherSaysWhatToInstallWhenThereIsNoJava(@TempDir Path temp) throws Exception {
        Path installation = unpackLinux(temp);
        Path path = toolsWithoutJava(temp);

        ScriptRun run = runScript(installation.resolve("stratus"), Map.of("PATH", path.toString()));

        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("Stratus needs Java 21 or newer, and none was found"), run.output());
        assertTrue(run.output().contains("set JAVA_HOME"), run.output());
    }

    @Test
    void theLinuxLauncherRefusesJavaOlderThan21(@TempDir Path temp) throws Exception {
        Optional<Path> oldJava = javaOlderThan21();
        assumeTrue(oldJava.isPresent(), "no Java older than 21 in /usr/lib/jvm to try");
        Path home = oldJava.get();
        Path installation = unpackLinux(temp);
        Path path = toolsWithoutJava(temp);

        ScriptRun run = runScript(installation.resolve("stratus"),
                Map.of("JAVA_HOME", home.toString(), "PATH", path + ":" + home.resolve("bin")));

        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("Stratus needs Java 21 or newer"), run.output());
        assertTrue(run.output().contains(home.resolve("bin/java") + " is Java " + javaVersion(home).orElseThrow()), run.output());
    }

    /**
     * Finder opens an app bundle by running the executable that its Info.plist names; there it
     * must run the installation's launcher script, which passes eclipse.ini's -XstartOnFirstThread.
     * The script runs here with a stand-in java that prints the command line it gets.
     */
    @ParameterizedTest
    @FieldSource("MACS")
    void finderOpensTheMacAppThroughTheLauncherScriptWithTheFirstThreadOption(DesktopPlatform mac, @TempDir Path temp)
            throws Exception {
        DesktopArchive archive = ARCHIVES.get(mac);
        Map<String, String> plist = plistStrings(archive.text("../Info.plist").orElseThrow());
        assertEquals("APPL", plist.get("CFBundlePackageType"), "Info.plist: " + plist);
        String executable = "../MacOS/" + plist.get("CFBundleExecutable");
        assertTrue(archive.files().containsKey(executable), "Info.plist names " + executable + ", which the archive lacks");
        assertEquals("755", Integer.toOctalString(archive.files().get(executable).mode() & 0777), executable + "'s mode");

        DesktopArchive.unpack(ReleaseLocations.desktopArchive(mac), temp);
        Path installation = temp.resolve(mac.installFolder()).toRealPath();
        Path tools = toolsWithoutJava(temp);
        Files.writeString(tools.resolve("java"), JAVA_THAT_PRINTS_ITS_ARGUMENTS);
        Files.setPosixFilePermissions(tools.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));

        ScriptRun run = runScript(installation.resolve(executable), Map.of("PATH", tools.toString()));

        assertEquals(0, run.exitCode(), run.output());
        List<String> command = run.output().lines().toList();
        int jar = command.indexOf("-jar");
        assertTrue(jar > command.indexOf("-XstartOnFirstThread") && command.indexOf("-XstartOnFirstThread") >= 0,
                "java's arguments: " + command);
        assertTrue(command.get(jar + 1).startsWith(installation.resolve("plugins/org.eclipse.equinox.launcher_").toString()),
                "java's arguments: " + command);
    }

    /** Answers the launcher script's question for Java's version with 21, and prints what else it gets, one argument a line. */
    private static final String JAVA_THAT_PRINTS_ITS_ARGUMENTS = """
            #!/bin/sh
            if [ "$1" = -XshowSettings:properties ]; then
              echo '    java.specification.version = 21'
              exit 0
            fi
            printf '%s\n' "$@"
            """;

    private record ScriptRun(int exitCode, String output) {
    }

    private static Path unpackLinux(Path temp) throws IOException, InterruptedException {
        DesktopArchive.unpack(ReleaseLocations.desktopArchive(DesktopPlatform.LINUX_X86_64), temp);
        return temp.resolve(DesktopPlatform.LINUX_X86_64.installFolder());
    }

    /** Runs a script of the installation with exactly this environment (no JAVA_HOME unless given). */
    private static ScriptRun runScript(Path script, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(script.toString()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "the script ended");
        return new ScriptRun(process.exitValue(), output);
    }

    /** A PATH folder with the tools the script uses besides Java, and no java. */
    private static Path toolsWithoutJava(Path temp) throws IOException {
        Path tools = Files.createDirectory(temp.resolve("tools"));
        for (String tool : List.of("dirname", "sed", "awk")) {
            Path found = Arrays.stream(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, tool))
                    .filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(tool + " is not on PATH"));
            Files.copy(found, tools.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return tools;
    }

    /** A Java home whose release file says it is older than 21, as Debian's default java 17 is. */
    private static Optional<Path> javaOlderThan21() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> javaVersion(home).filter(major -> major < 21).isPresent()).findFirst();
        }
    }

    private static Optional<Integer> javaVersion(Path home) {
        Properties release = new Properties();
        try (var in = Files.newInputStream(home.resolve("release"))) {
            release.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = release.getProperty("JAVA_VERSION", "").replace("\"", "");
        return version.matches("\\d+.*") ? Optional.of(Integer.parseInt(version.split("\\.")[0])) : Optional.empty();
    }

    /**
     * SWT's native fragments in plugins/, by file name: whatever their name, the fragments of
     * org.eclipse.swt that are for one platform (org.eclipse.swt.svg is for all).
     */
    private static Map<String, Attributes> swtFragments(DesktopArchive archive) {
        Map<String, Attributes> fragments = new LinkedHashMap<>();
        archive.bundleManifests().forEach((file, manifest) -> {
            String host = manifest.getValue("Fragment-Host");
            if (host != null && host.split(";")[0].strip().equals("org.eclipse.swt")
                    && manifest.getValue("Eclipse-PlatformFilter") != null) {
                fragments.put(file, manifest);
            }
        });
        return fragments;
    }

    /** The versions of the bundles by symbolic name, SWT fragments left out. */
    private static Map<String, String> bundlesBesidesSwt(DesktopArchive archive) {
        Set<String> swt = swtFragments(archive).keySet();
        Map<String, String> bundles = new TreeMap<>();
        archive.bundleManifests().forEach((file, manifest) -> {
            if (!swt.contains(file)) {
                bundles.put(symbolicName(manifest), manifest.getValue("Bundle-Version"));
            }
        });
        return bundles;
    }

    private static String symbolicName(Attributes manifest) {
        return manifest.getValue("Bundle-SymbolicName").split(";")[0].strip();
    }

    /** The bundle files (jar or folder names in plugins/) that config.ini's osgi.bundles installs. */
    private static List<String> startedBundleFiles(DesktopArchive archive) throws IOException {
        Properties config = new Properties();
        config.load(new StringReader(archive.text("configuration/config.ini").orElseThrow()));
        List<String> files = new ArrayList<>();
        for (String entry : config.getProperty("osgi.bundles", "").split(",")) {
            String location = entry.replaceFirst("@.*$", "").replaceFirst("^reference:file:", "");
            files.add(location.endsWith("/") ? location.substring(0, location.length() - 1) : location);
        }
        assertFalse(files.contains(""), "osgi.bundles: " + config.getProperty("osgi.bundles"));
        return files;
    }

    /** The string values of an Info.plist's dictionary by key; parsing it also shows that it is well-formed XML. */
    private static Map<String, String> plistStrings(String plist) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // Its DOCTYPE names Apple's DTD on the web, which parsing does not need.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element dict = (Element) factory.newDocumentBuilder().parse(new InputSource(new StringReader(plist)))
                .getElementsByTagName("dict").item(0);
        List<Element> entries = new ArrayList<>();
        for (Node child = dict.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                entries.add(element);
            }
        }
        Map<String, String> strings = new TreeMap<>();
        for (int i = 0; i + 1 < entries.size(); i += 2) {
            if (entries.get(i + 1).getTagName().equals("string")) {
                strings.put(entries.get(i).getTextContent(), entries.get(i + 1).getTextContent());
            }
        }
        return strings;
    }

    /** The lines after -vmargs in an eclipse.ini. */
    private static List<String> vmargs(String eclipseIni) {
        List<String> lines = eclipseIni.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        int vmargs = lines.indexOf("-vmargs");
        return vmargs < 0 ? List.of() : lines.subList(vmargs + 1, lines.size());
    }
}
