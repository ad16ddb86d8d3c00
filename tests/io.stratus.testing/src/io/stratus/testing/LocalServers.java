package io.stratus.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the tests' real database servers (Debian's PostgreSQL and MariaDB, each a throw-away
 * instance in a temporary directory on a free loopback port) have in common: running their
 * tools, the unprivileged user they run as under root, ports and clean-up.
 */
final class LocalServers {

    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private LocalServers() {
    }

    /** Runs a tool of the server; on failure, says what failed with its output and the server log. */
    static void run(String what, List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("Could not " + what + ": " + String.join(" ", command)
                    + "\n" + output + (Files.exists(log) ? "\n" + log.getFileName() + ":\n" + Files.readString(log) : ""));
        }
    }

    static void removeTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    /** The first of these users that exists: database servers refuse to run as root. */
    static UserPrincipal unprivilegedUser(String... names) throws IOException {
        UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
        for (String name : names) {
            try {
                return users.lookupPrincipalByName(name);
            } catch (UserPrincipalNotFoundException e) {
                // try the next one
            }
        }
        throw new IllegalStateException("Running as root, the test database needs an unprivileged user to run as,"
                + " and none of " + List.of(names) + " exists. Create one, or run the tests as a normal user.");
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
