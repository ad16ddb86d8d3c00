package io.stratus.release.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.release.tests.ServerProcesses.Server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one server archive for every machine: it holds no bundle for one platform only (SWT, native
 * code, a platform filter), starts through its own script as people start it, twice from one
 * installation, and again after a stop.
 */
class ServerArchiveTest {

    /** What names a platform in a bundle's name, as Eclipse's platform fragments are named. */
    private static final Pattern PLATFORM_NAME = Pattern.compile(
            "\\.(linux|win32|macosx|cocoa|gtk|x86_64|aarch64|ppc64le|riscv64)(\\.|_)");
    private static final Pattern NATIVE_LIBRARY = Pattern.compile(".*\\.(so|dll|dylib|jnilib)(\\.[0-9.]+)?$");
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @RegisterExtension
    final ProductLauncher launcher = new ProductLauncher();

    @TempDir
    Path temp;

    @Test
    void theArchiveHoldsNoPlatformSpecificBundleAndBothFormsHoldTheSameFiles() throws IOException {
        Map<String, Integer> tarFiles = new TreeMap<>();
        Map<String, Attributes> manifests = new TreeMap<>();
        Map<String, String> texts = new TreeMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(
                Files.newInputStream(ReleaseLocations.serverArchive(".tar.gz"))))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
                if (!entry.isDirectory()) {
                    String path = entry.getName();
                    tarFiles.put(path, entry.getMode());
                    if (path.matches("stratus-server/plugins/[^/]+\\.jar")) {
                        JarInputStream jar = new JarInputStream(new DesktopArchive.Unclosable(tar), false);
                        manifests.put(path, jar.getManifest() == null ? new Attributes() : jar.getManifest().getMainAttributes());
                    } else if (!path.startsWith("stratus-server/plugins/")) {
                        texts.put(path, new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        assertTrue(manifests.size() > 50, "the bundles are in plugins/: " + manifests.keySet());
        List<String> platformSpecific = new ArrayList<>();
        manifests.forEach((jar, manifest) -> {
            String name = manifest.getValue("Bundle-SymbolicName");
            if (manifest.getValue("Eclipse-PlatformFilter") != null || manifest.getValue("Bundle-NativeCode") != null
                    || String.valueOf(manifest.getValue("Fragment-Host")).startsWith("org.eclipse.swt")
                    || String.valueOf(name).startsWith("org.eclipse.swt") || PLATFORM_NAME.matcher(jar).find()) {
                platformSpecific.add(jar);
            }
        });
        assertEquals(List.of(), platformSpecific, "bundles for one platform only");
        assertEquals(List.of(), tarFiles.keySet().stream().filter(path -> NATIVE_LIBRARY.matcher(path).matches()
                || path.startsWith("stratus-server/p2/")).toList(), "native libraries, or a p2 profile naming a platform");
        String config = texts.get("stratus-server/configuration/config.ini");
        assertFalse(config.contains("osgi.os") || config.contains("osgi.ws") || config.contains("osgi.arch"), config);

        assertEquals(0755, tarFiles.get("stratus-server/stratus-server") & 0777, "the Unix start script runs as it is");
        assertTrue(tarFiles.containsKey("stratus-server/stratus-server.cmd"), "the Windows start script");
        assertTrue(texts.get("stratus-server/samples/stratus-server.service").contains("ExecStart=/opt/stratus-server/stratus-server"));
        assertTrue(texts.get("stratus-server/samples/haproxy.cfg").contains("option httpchk GET /api/health/ready"));
        assertTrue(texts.get("stratus-server/eclipse.ini").contains("-vmargs"), "the JVM options the scripts read");

        List<String> zipFiles = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(ReleaseLocations.serverArchive(".zip")))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                if (!entry.isDirectory()) {
                    zipFiles.add(entry.getName());
                }
            }
        }
        assertEquals(List.copyOf(tarFiles.keySet()), zipFiles.stream().sorted().toList(), "the zip holds what the tar.gz holds");
    }

    @Test
    @Timeout(300)
    void startsThroughItsScriptTwiceFromOneInstallationThenStopsAndStartsAgain() throws Exception {
        DesktopArchive.unpack(ReleaseLocations.serverArchive(".tar.gz"), temp);
        EclipseInstallation installation = new EclipseInstallation(temp.resolve("stratus-server"));
        ServerProcesses servers = new ServerProcesses(launcher, temp);

        Server first = start(servers, installation, "one");
        Server second = start(servers, installation, "two");
        servers.awaitReady(first, GENEROUS);
        servers.awaitReady(second, GENEROUS);

        ServerProcesses.stop(first, GENEROUS);
        assertEquals(0, first.process().awaitExit(GENEROUS), "exit status after SIGTERM");
        assertEquals(200, servers.get(second.port(), "/api/health/ready").statusCode(), "the other node runs on");

        Server again = start(servers, installation, "one");
        servers.awaitReady(again, GENEROUS);
        ServerProcesses.stop(again, GENEROUS);
        ServerProcesses.stop(second, GENEROUS);
        assertEquals(0, again.process().awaitExit(GENEROUS));
        assertEquals(0, second.process().awaitExit(GENEROUS));
    }

    private Server start(ServerProcesses servers, EclipseInstallation installation, String data) throws IOException {
        int port = ServerProcesses.freePort();
        RunningProduct process = launcher.startScript("server " + data, installation, "stratus-server", List.of(),
                List.of("--port", Integer.toString(port), "--data", temp.resolve("data-" + data).toString()), Map.of());
        return new Server(installation, process, port);
    }
}
