package io.stratus.release.tests;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's package) in front of two server nodes, run with the repository's sample
 * configuration ({@code releng/io.stratus.products/samples/haproxy.cfg}) with this test's ports in
 * place of the sample's, in the foreground; its output goes to a log beside the configuration.
 */
final class Haproxy implements AutoCloseable {

    /** The cookie with which the sample keeps a person on their node. */
    static final String NODE_COOKIE = "STRATUS_NODE";
    private static final Duration START = Duration.ofSeconds(20);

    private final Process process;
    private final Path log;
    private final int port;

    private Haproxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts it on a free loopback port in front of the nodes on {@code node1} and {@code node2}. */
    static Haproxy start(Path work, int node1, int node2) throws IOException, InterruptedException {
        String sample = Files.readString(ReleaseLocations.haproxySample());
        int port = ServerProcesses.freePort();
        String config = replaceOnce(replaceOnce(replaceOnce(sample, "bind :8080", "bind 127.0.0.1:" + port),
                "127.0.0.1:8091", "127.0.0.1:" + node1), "127.0.0.1:8092", "127.0.0.1:" + node2);
        Path file = work.resolve("haproxy.cfg");
        Files.writeString(file, config);
        Path log = work.resolve("haproxy.log");
        Process process = new ProcessBuilder(List.of("haproxy", "-db", "-f", file.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Haproxy haproxy = new Haproxy(process, log, port);
        try {
            haproxy.awaitListening();
        } catch (IOException | RuntimeException | Error e) {
            haproxy.close();
            throw e;
        }
        return haproxy;
    }

    private static String replaceOnce(String text, String sample, String replacement) {
        if (!text.contains(sample)) {
            throw new IllegalStateException("The sample HAProxy configuration no longer holds '" + sample + "'");
        }
        return text.replace(sample, replacement);
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("HAProxy did not listen on " + port + ": " + output());
                }
                Thread.sleep(50);
            }
        }
    }

    int port() {
        return port;
    }

    /** What HAProxy printed, for a failure's message. */
    String output() throws IOException {
        return Files.readString(log, UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
