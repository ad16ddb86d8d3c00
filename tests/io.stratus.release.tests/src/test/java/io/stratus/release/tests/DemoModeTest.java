package io.stratus.release.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stratus.release.tests.ServerProcesses.Server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --demo} as a newcomer uses it: the server product prints the console URL and demo keys,
 * the first demo user sets the instance up and sees the sample databases, and at exit the demo's
 * data is gone; the product ships the simulator, but not what only tests use of it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DemoModeTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final Pattern KEYS = Pattern.compile("ada\\s+account (\\d{12})\\s+access key (\\S+)\\s+secret (\\S+)");
    private static final Pattern DATA = Pattern.compile("data in (\\S+) \\(thrown away\\)");

    @RegisterExtension
    final ProductLauncher launcher = new ProductLauncher();

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void demoKeysSetUpTheInstanceAndShowTheSampleDatabases() throws Exception {
        ServerProcesses servers = new ServerProcesses(launcher, temp);
        Server server = servers.start("--demo");
        servers.awaitReady(server, GENEROUS);

        String output = server.process().output();
        assertTrue(output.contains("Stratus demo: open http://127.0.0.1:" + server.port() + "/"), output);
        Matcher ada = KEYS.matcher(output);
        assertTrue(ada.find(), "the banner lists ada's keys: " + output);
        Matcher data = DATA.matcher(output);
        assertTrue(data.find(), output);
        Path demoData = Path.of(data.group(1));
        assertFalse(demoData.startsWith(temp.resolve("data-1")), "demo mode never touches the real data directory");

        HttpResponse<String> setup = http.send(HttpRequest.newBuilder(uri(server, "/api/setup"))
                .header("Content-Type", "application/json").header("X-Stratus-Request", "1")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of(
                        "accessKeyId", ada.group(2), "secretAccessKey", ada.group(3)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, setup.statusCode(), setup.body());
        assertEquals(ada.group(1), json.readTree(setup.body()).get("accountId").asText());
        String cookie = setup.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        JsonNode tree = json.readTree(http.send(HttpRequest.newBuilder(uri(server, "/api/explorer")).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("RDS", tree.at("/services/0/service").asText());
        assertEquals("eu-west-1", tree.at("/services/0/regions/0/region").asText());
        assertTrue(tree.at("/services/0/regions/0/resources").toString().contains("\"name\":\"orders\""), tree.toString());
        assertTrue(Files.isDirectory(demoData));

        server.process().terminate();
        assertEquals(0, server.process().awaitExit(GENEROUS));
        assertFalse(Files.exists(demoData), "the demo's data is thrown away at exit");
    }

    @Test
    void theServerProductShipsTheSimulatorWithoutItsTestSupport() {
        List<String> bundles = new EclipseInstallation(ReleaseLocations.serverProduct()).bundlesInPlugins().stream()
                .map(EclipseInstallation.Bundle::symbolicName)
                .toList();
        assertTrue(bundles.contains("io.stratus.aws.simulator"), "demo mode's simulator: " + bundles);
        assertFalse(bundles.contains("io.stratus.aws.simulator.testing"),
                "injected faults, the call log and the manual clock are for tests only: " + bundles);
    }

    private static URI uri(Server server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
