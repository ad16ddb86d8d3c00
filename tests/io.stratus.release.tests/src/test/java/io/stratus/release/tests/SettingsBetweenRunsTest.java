package io.stratus.release.tests;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.release.tests.ServerProcesses.Server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one run of the server product leaves for the next, started again in the same install
 * folder: nothing but its data directory. No setting of an earlier run is in force later, no
 * password is written anywhere, instance data is its owner's only, and a store that cannot be
 * opened stops start-up rather than leaving a server that only answers 503.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SettingsBetweenRunsTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final Pattern SIMULATOR = Pattern.compile("AWS is simulated at (\\S+);");
    private static final Pattern ADA = Pattern.compile("ada\\s+account \\d{12}\\s+access key (\\S+)\\s+secret (\\S+)");
    private static final Set<PosixFilePermission> NOT_THE_OWNER = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @RegisterExtension
    final ProductLauncher launcher = new ProductLauncher();

    @TempDir
    Path temp;

    private ServerProcesses servers;
    private EclipseInstallation installation;

    @BeforeEach
    void servers() {
        servers = new ServerProcesses(launcher, temp);
        installation = servers.freshCopy();
    }

    @Test
    void theNextRunUsesAwsItselfNotTheDemosEndpoint() throws Exception {
        Server demo = servers.startIn(installation, temp.resolve("demo"), Map.of(), "--demo");
        servers.awaitReady(demo, GENEROUS);
        Matcher simulator = SIMULATOR.matcher(demo.process().output());
        assertTrue(simulator.find(), demo.process().output());
        URI demoEndpoint = URI.create(simulator.group(1));
        stopCleanly(demo);

        // Whoever takes the demo's port next (a fake STS) must never hear from the next run.
        try (ServerSocket impostor = new ServerSocket(demoEndpoint.getPort(), 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger calls = new AtomicInteger();
            Thread.ofVirtual().start(() -> countConnections(impostor, calls));
            Server server = servers.startIn(installation, temp.resolve("data"), Map.of());
            servers.awaitReady(server, GENEROUS);

            HttpResponse<String> setup = servers.post(server.port(), "/api/setup",
                    "{\"accessKeyId\": \"AKIAATTACKER00000000\", \"secretAccessKey\": \"" + "x".repeat(40) + "\"}", null);

            assertNotEquals(201, setup.statusCode(), setup.body());
            assertEquals(0, calls.get(), "the run without an AWS endpoint called the demo's " + demoEndpoint);
        }
    }

    @Test
    void anIdleTimeoutGivenOnceIsNotInForceTheNextRun() throws Exception {
        Server first = servers.startIn(installation, temp.resolve("first"), Map.of(), "--demo", "--idle-timeout", "1");
        servers.awaitReady(first, GENEROUS);
        stopCleanly(first);

        Server next = servers.startIn(installation, temp.resolve("next"), Map.of(), "--demo");
        servers.awaitReady(next, GENEROUS);
        Matcher ada = ADA.matcher(next.process().output());
        assertTrue(ada.find(), next.process().output());
        HttpResponse<String> setup = servers.post(next.port(), "/api/setup", "{\"accessKeyId\": \"" + ada.group(1)
                + "\", \"secretAccessKey\": \"" + ada.group(2) + "\"}", null);
        assertEquals(201, setup.statusCode(), setup.body());
        String cookie = setup.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Thread.sleep(2_500); // idle for longer than the first run's timeout

        HttpResponse<String> session = servers.get(next.port(), "/api/session", cookie);
        assertEquals(200, session.statusCode(), "the session ended after the first run's idle timeout: " + session.body());
    }

    @Test
    void theStorePasswordIsWrittenNowhere() throws Exception {
        String password = "store-secret-" + UUID.randomUUID();
        Path data = temp.resolve("data");
        // No PostgreSQL listens there: the server must give up on it, and still write the password nowhere.
        Server server = servers.startIn(installation, data, Map.of(
                "STRATUS_STORE_URL", "jdbc:postgresql://127.0.0.1:" + ServerProcesses.freePort() + "/stratus",
                "STRATUS_STORE_USER", "stratus", "STRATUS_STORE_PASSWORD", password));

        int exit = awaitExitOrStop(server);

        assertEquals(List.of(), filesContaining(installation.root(), password), "files in the install folder");
        assertEquals(List.of(), filesContaining(data, password), "files in the data directory");
        String output = server.process().output();
        assertFalse(output.contains(password), "the password is in the output");
        assertEquals(2, exit, "a store that cannot be reached stops start-up");
        assertTrue(output.contains("Stratus server cannot start. Stratus could not connect to its configuration store"),
                output);
    }

    @Test
    void instanceDataIsReadableByItsOwnerOnly() throws Exception {
        Path data = temp.resolve("data");
        Server server = servers.startIn(installation, data, Map.of());
        servers.awaitReady(server, GENEROUS);
        stopCleanly(server);

        try (Stream<Path> files = Files.walk(data)) {
            List<String> open = files.filter(path -> !permissions(path).stream().filter(NOT_THE_OWNER::contains).toList()
                    .isEmpty()).map(path -> path + " " + permissions(path)).toList();
            assertEquals(List.of(), open, "instance data others may read");
        }
        assertTrue(Files.isRegularFile(data.resolve("store").resolve("config.mv.db")), "the run created its store");
    }

    @Test
    void aZeroLengthStoreStopsStartUpWithExitTwo() throws Exception {
        Path data = temp.resolve("data");
        Path store = Files.createDirectories(data.resolve("store")).resolve("config.mv.db");
        Files.write(store, new byte[0]);

        Server server = servers.startIn(installation, data, Map.of());

        assertEquals(2, server.process().awaitExit(GENEROUS), "exit status");
        String output = server.process().output();
        assertTrue(output.contains("Stratus server cannot start. The configuration store (H2 file " + store + ")"), output);
        assertTrue(output.contains("Restore " + store + " from a backup."), output);
    }

    private static void stopCleanly(Server server) throws InterruptedException {
        server.process().terminate();
        assertEquals(0, server.process().awaitExit(GENEROUS), "exit status after SIGTERM");
    }

    /** The exit status, once the server ended by itself or, still running after a while, was stopped. */
    private static int awaitExitOrStop(Server server) throws InterruptedException {
        try {
            return server.process().awaitExit(GENEROUS);
        } catch (AssertionError stillRunning) {
            server.process().terminate();
            return server.process().awaitExit(GENEROUS);
        }
    }

    private static void countConnections(ServerSocket socket, AtomicInteger calls) {
        while (true) {
            try (Socket call = socket.accept()) {
                calls.incrementAndGet();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<Path> filesContaining(Path root, String text) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> read(file).contains(text)).toList();
        }
    }

    /** Any file as text, byte for byte: an ASCII password shows in it however the file is encoded around it. */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<PosixFilePermission> permissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
