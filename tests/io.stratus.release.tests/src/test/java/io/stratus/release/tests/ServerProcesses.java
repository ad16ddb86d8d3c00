package io.stratus.release.tests;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts copies of the materialized server product, each with its own port and data folder
 * (fresh copies, or again in a copy that was started before), and talks HTTP to them.
 */
final class ServerProcesses {

    /** A started server product and the port it was told to listen on. */
    record Server(EclipseInstallation installation, RunningProduct process, int port) {
    }

    private final ProductLauncher launcher;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private int copies;

    ServerProcesses(ProductLauncher launcher, Path work) {
        this.launcher = launcher;
        this.work = work;
    }

    /** Starts a fresh copy with the flags people use, --port and --data, and any others given. */
    Server start(String... flags) throws IOException {
        EclipseInstallation installation = freshCopy();
        return startIn(installation, work.resolve("data-" + copies), Map.of(), flags);
    }

    /**
     * Starts {@code installation} (which may have run before) on a free port with {@code --data},
     * these environment variables and any other flags given.
     */
    Server startIn(EclipseInstallation installation, Path data, Map<String, String> environment, String... flags)
            throws IOException {
        return startOn(freePort(), installation, data, environment, flags);
    }

    /** As {@link #startIn}, on {@code port}: a node coming back where its load balancer expects it. */
    Server startOn(int port, EclipseInstallation installation, Path data, Map<String, String> environment,
            String... flags) throws IOException {
        List<String> arguments = new java.util.ArrayList<>(List.of("--port", Integer.toString(port),
                "--data", data.toString()));
        arguments.addAll(List.of(flags));
        RunningProduct process = launcher.start("server product", installation, List.of(), arguments, environment);
        return new Server(installation, process, port);
    }

    /** A fresh copy of the product, not started. */
    EclipseInstallation freshCopy() {
        return EclipseInstallation.copyOf(ReleaseLocations.serverProduct(), work.resolve("stratus-server-" + ++copies));
    }

    /** Polls /api/health until it answers 200; fails early if the server process ends. */
    HttpResponse<String> awaitHealthy(Server server, Duration timeout) throws IOException, InterruptedException {
        return awaitHealth(server, timeout, false);
    }

    /** Polls /api/health until it says the services behind the API are ready too. */
    HttpResponse<String> awaitReady(Server server, Duration timeout) throws IOException, InterruptedException {
        return awaitHealth(server, timeout, true);
    }

    private HttpResponse<String> awaitHealth(Server server, Duration timeout, boolean ready)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = get(server.port(), "/api/health");
                if (response.statusCode() == 200 && (!ready || response.body().contains("\"ready\":true"))) {
                    return response;
                }
            } catch (ConnectException notListeningYet) {
                // keep polling
            }
            if (!server.process().isAlive()) {
                throw new AssertionError("the server ended before it answered /api/health");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server did not answer /api/health" + (ready ? " as ready" : "")
                        + " within " + timeout);
            }
            Thread.sleep(10);
        }
    }

    /**
     * Loads this JVM's HTTP client classes before a clock starts: on two cores, the test JVM's own
     * warm-up would otherwise be counted as the product's start-up.
     */
    void warmUpHttpClient() throws IOException, InterruptedException {
        try {
            get(freePort(), "/api/health"); // nothing listens there
        } catch (ConnectException expected) {
            // the point was loading the client, not reaching a server
        }
    }

    HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a JSON body as the console does (with the anti-forgery header), and a session cookie when given. */
    HttpResponse<String> post(int port, String path, String json, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)) // long enough for an AWS call to time out in the server first
                .header("Content-Type", "application/json")
                .header("X-Stratus-Request", "1")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with a session cookie. */
    HttpResponse<String> get(int port, String path, String cookie) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .header("Cookie", cookie)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static void stop(Server server, Duration timeout) throws InterruptedException {
        server.process().terminate();
        server.process().awaitExit(timeout);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
