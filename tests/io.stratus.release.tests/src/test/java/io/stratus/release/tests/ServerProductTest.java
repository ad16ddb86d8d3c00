package io.stratus.release.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stratus.release.tests.ServerProcesses.Server;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of the materialized server product: started as its own process exactly as it ships,
 * it must answer its health check, answer unknown routes with a JSON error, and stop cleanly on
 * SIGTERM; a wrong setting must stop it with a message that names the setting. How fast it starts
 * is measured by {@link ServerStartupBenchmark}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ServerProductTest {

    /** An OSGi bundle version: major.minor.micro and an optional qualifier. */
    private static final String BUNDLE_VERSION = "\\d+\\.\\d+\\.\\d+(\\.[\\w-]+)?";
    /** Time allowed for each step: a slow or busy machine must not make the smoke test flaky. */
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @RegisterExtension
    final ProductLauncher launcher = new ProductLauncher();

    @TempDir
    Path temp;

    private final ObjectMapper json = new ObjectMapper();
    private ServerProcesses servers;

    @BeforeEach
    void servers() {
        servers = new ServerProcesses(launcher, temp);
    }

    @Test
    void answersHealthCheckWithStatusVersionAndUptime() throws Exception {
        Server server = servers.start();
        HttpResponse<String> health = servers.awaitHealthy(server, GENEROUS);

        assertEquals("application/json; charset=utf-8", health.headers().firstValue("Content-Type").orElse(""));
        JsonNode body = json.readTree(health.body());
        assertEquals("ok", body.path("status").asText(), health.body());
        String version = body.path("version").asText();
        assertTrue(version.matches(BUNDLE_VERSION), "version '" + version + "' is not a bundle version");
        assertEquals(serverBundleVersion(server.installation()), version, "the health check reports the io.stratus.server bundle's version");
        assertTrue(body.path("uptimeSeconds").isIntegralNumber(), health.body());
        assertTrue(body.path("uptimeSeconds").asLong() >= 0, health.body());
    }

    @Test
    void answersUnknownRouteWithJsonNotFound() throws Exception {
        Server server = servers.start();
        servers.awaitReady(server, GENEROUS);

        HttpResponse<String> response = servers.get(server.port(), "/api/no-such-route");

        assertEquals(404, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode error = json.readTree(response.body()).path("error");
        assertEquals("not_found", error.path("code").asText(), response.body());
        assertTrue(error.path("message").asText().contains("/api/no-such-route"), response.body());
    }

    @Test
    void sigtermStopsItWithExitCodeZeroAndFreesThePort() throws Exception {
        Server server = servers.start();
        servers.awaitHealthy(server, GENEROUS);

        server.process().terminate();

        assertEquals(0, server.process().awaitExit(Duration.ofSeconds(20)), "exit code after SIGTERM");
        assertTrue(server.process().output().contains("Stratus server stopped."),
                "the server stops its HTTP listener before it exits");
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 1000);
            }
        }, "nothing may listen on port " + server.port() + " after the server exited");
    }

    @Test
    void sigtermDrainsNotReadyAndNoNewSignInsThenItExits() throws Exception {
        Server server = servers.start("--drain-seconds", "3");
        servers.awaitReady(server, GENEROUS);
        assertEquals(200, servers.get(server.port(), "/api/health/ready").statusCode());

        server.process().terminate();

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        HttpResponse<String> ready = servers.get(server.port(), "/api/health/ready");
        while (ready.statusCode() != 503 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            ready = servers.get(server.port(), "/api/health/ready");
        }
        assertEquals(503, ready.statusCode(), "readiness while draining: " + ready.body());
        assertTrue(json.readTree(ready.body()).at("/error/message").asText().contains("stopping"), ready.body());
        assertEquals(200, servers.get(server.port(), "/api/health/live").statusCode(), "alive while draining");
        HttpResponse<String> signIn = servers.post(server.port(), "/api/session", "{}", null);
        assertEquals(503, signIn.statusCode(), "no new sign-ins while draining: " + signIn.body());
        assertEquals(0, server.process().awaitExit(Duration.ofSeconds(30)), "exit status after the drain");
        assertTrue(server.process().output().contains("Stratus server draining"), server.process().output());
    }

    @Test
    void refusesToStartWithNonNumericPortAndNamesTheSetting() throws Exception {
        EclipseInstallation installation = servers.freshCopy();
        RunningProduct process = launcher.start("server product", installation, List.of(),
                List.of("--port", "abc", "--data", temp.resolve("data").toString()));

        int exitCode = process.awaitExit(GENEROUS);

        assertNotEquals(0, exitCode, "exit code with --port abc");
        assertTrue(process.output().contains("--port"), "the message names the setting");
        assertTrue(process.output().contains("'abc'"), "the message quotes the wrong value");
    }

    private static String serverBundleVersion(EclipseInstallation installation) {
        return installation.bundlesInPlugins().stream()
                .filter(bundle -> bundle.symbolicName().equals("io.stratus.server"))
                .map(EclipseInstallation.Bundle::version)
                .findFirst()
                .orElseThrow(() -> new AssertionError("io.stratus.server is not in " + installation.plugins()));
    }
}
