package io.stratus.release.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * One person's browser in front of a load balancer: a machine of its own (requests come from the
 * loopback address 127.0.0.N), keeping every cookie it is given (Stratus's session, the balancer's
 * node), and sending JSON with the anti-forgery header as the web console does.
 */
final class Browser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    Browser(int port, int machine) {
        this.port = port;
        try {
            this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                    .localAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) machine})).build();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json");
        }
        if (!method.equals("GET")) {
            request.header("X-Stratus-Request", "1");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The node the balancer keeps this browser on (its cookie), or null before the first answer. */
    String node() {
        return cookie(Haproxy.NODE_COOKIE);
    }

    /** The value of a cookie this browser holds, or null. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** A sign-in body with a demo user's keys. */
    static Map<String, String> keys(DemoAws.DemoKey key) {
        return Map.of("accessKeyId", key.accessKeyId(), "secretAccessKey", key.secretAccessKey());
    }
}
