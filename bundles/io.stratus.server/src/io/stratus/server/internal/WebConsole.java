package io.stratus.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.osgi.framework.Bundle;

/**
 * The web console's files, served from this bundle's {@code web/} folder: no CDN, nothing from
 * elsewhere (the Content-Security-Policy says so to the browser), and the OpenAPI document.
 */
final class WebConsole {

    private static final Map<String, String> FILES = Map.of(
            "/", "web/index.html",
            "/index.html", "web/index.html",
            "/console.js", "web/console.js",
            "/console.css", "web/console.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");
    private static final String OPENAPI = "web/openapi.json";

    private final Bundle bundle;
    /** The files never change while the bundle is installed: read each once. */
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private volatile JsonNode openApi;

    WebConsole(Bundle bundle) {
        this.bundle = bundle;
    }

    /** Serves a console file; anything else is a plain 404. */
    void serve(Request request, Response response, Callback callback, String path) {
        String entry = FILES.get(path);
        if (entry == null || !request.getMethod().equals("GET")) {
            response.setStatus(404);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.write(true, ByteBuffer.wrap("Not found. The console is at /.\n".getBytes(StandardCharsets.UTF_8)),
                    callback);
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPES.get(entry.substring(entry.lastIndexOf('.') + 1)));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("Content-Security-Policy",
                "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.write(true, ByteBuffer.wrap(files.computeIfAbsent(entry, this::read)), callback);
    }

    JsonNode openApi(ObjectMapper json) {
        if (openApi == null) {
            try {
                openApi = json.readTree(read(OPENAPI));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return openApi;
    }

    private byte[] read(String entry) {
        URL url = bundle.getEntry(entry);
        if (url == null) {
            throw new IllegalStateException("The server bundle lacks " + entry);
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
