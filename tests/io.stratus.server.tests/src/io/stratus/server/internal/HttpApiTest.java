package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** The API as a client sees it: the DS component behind a real Jetty listener on loopback. */
class HttpApiTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private BundleContext context;
    private ServiceReference<ApiDispatcher> dispatcherRef;
    private HttpApiServer server;
    private URI base;

    @BeforeEach
    void startServer() throws Exception {
        Bundle host = FrameworkUtil.getBundle(ApiDispatcher.class);
        host.start(Bundle.START_TRANSIENT);
        context = host.getBundleContext();
        dispatcherRef = context.getServiceReference(ApiDispatcher.class);
        assertTrue(dispatcherRef != null, "the ApiDispatcher DS component is registered");
        server = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), context.getService(dispatcherRef));
        InetSocketAddress bound = server.start();
        base = URI.create("http://127.0.0.1:" + bound.getPort());
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop();
        context.ungetService(dispatcherRef);
    }

    @Test
    void healthReportsStatusVersionAndUptime() throws Exception {
        HttpResponse<String> response = get("/api/health");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = json.readTree(response.body());
        assertEquals("ok", body.get("status").asText());
        assertEquals(FrameworkUtil.getBundle(ApiDispatcher.class).getVersion().toString(), body.get("version").asText());
        assertTrue(body.get("uptimeSeconds").asLong() >= 0);
    }

    @Test
    void unknownRouteIsAJsonNotFound() throws Exception {
        HttpResponse<String> response = get("/api/nothing-here");
        assertEquals(404, response.statusCode());
        JsonNode error = json.readTree(response.body()).get("error");
        assertEquals("not_found", error.get("code").asText());
        assertTrue(error.get("message").asText().contains("/api/nothing-here"));
    }

    @Test
    void wrongMethodIsRefusedWithTheMethodToUse() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/api/health"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
        JsonNode error = json.readTree(response.body()).get("error");
        assertEquals("method_not_allowed", error.get("code").asText());
        assertTrue(error.get("message").asText().contains("use GET"));
    }

    @Test
    void aPortInUseFailsToStart() {
        HttpApiServer second = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), base.getPort()),
                context.getService(dispatcherRef));
        assertThrows(IOException.class, second::start);
        context.ungetService(dispatcherRef);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
