package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One browser's view of the API: it keeps the session cookie it is given, sends the anti-forgery
 * header and JSON like the web console does, and lets a test look at every header.
 */
final class ApiClient {

    /** Writes with buffers of its own: recycled ones would keep the keys sent, in the heap a test searches. */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.nonRecyclingPool()).build());
    /** One HTTP client per address the requests come from (127.0.0.1 unless said otherwise). */
    private static final Map<InetAddress, HttpClient> HTTP = new ConcurrentHashMap<>();

    private final int port;
    private final HttpClient http;
    private String sessionCookie;
    /** The IAM Identity Center sign-in this client started, as a browser holds it. */
    private String identityCenterCookie;
    private final Map<String, String> headers = new java.util.LinkedHashMap<>();

    ApiClient(int port) {
        this(port, InetAddress.getLoopbackAddress());
    }

    /** A browser on another machine: its requests come from {@code from}, a loopback address such as 127.0.0.2. */
    ApiClient(int port, InetAddress from) {
        this.port = port;
        this.http = HTTP.computeIfAbsent(from, address -> HttpClient.newBuilder().localAddress(address)
                .connectTimeout(Duration.ofSeconds(2)).build());
    }

    /** The loopback address 127.0.0.{@code n}, for requests that come from a machine of their own. */
    static InetAddress loopback(int n) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) n});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    int port() {
        return port;
    }

    String sessionCookie() {
        return sessionCookie;
    }

    /** The IAM Identity Center sign-in cookie this client holds, null if none. */
    String identityCenterCookie() {
        return identityCenterCookie;
    }

    /** Sends this header with every request from now on, as a proxy in front of the server would. */
    ApiClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    ApiClient withCookie(String value) {
        sessionCookie = value;
        return this;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    HttpResponse<String> put(String path, Object body) throws IOException, InterruptedException {
        return send("PUT", path, body);
    }

    HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        return sendRaw(method, path, body == null ? null : JSON.writeValueAsString(body), "application/json", true);
    }

    HttpResponse<String> sendRaw(String method, String path, String body, String contentType, boolean antiForgery)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (antiForgery && !method.equals("GET")) {
            request.header(ApiDispatcher.ANTI_FORGERY_HEADER, "1");
        }
        java.util.List<String> cookies = new java.util.ArrayList<>();
        if (sessionCookie != null) {
            cookies.add(ApiDispatcher.SESSION_COOKIE + "=" + sessionCookie);
        }
        if (identityCenterCookie != null && path.startsWith(IdentityCenterRoutes.PATH)) {
            cookies.add(ApiDispatcher.IDENTITY_CENTER_COOKIE + "=" + identityCenterCookie);
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies));
        }
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
            if (cookie.startsWith(ApiDispatcher.SESSION_COOKIE + "=")) {
                sessionCookie = value.isEmpty() ? null : value;
            } else if (cookie.startsWith(ApiDispatcher.IDENTITY_CENTER_COOKIE + "=")) {
                identityCenterCookie = value.isEmpty() ? null : value;
            }
        }
        return response;
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, json(response).at("/error/code").asText(), response.body());
    }
}
