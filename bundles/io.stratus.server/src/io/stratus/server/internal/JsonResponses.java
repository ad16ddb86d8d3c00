package io.stratus.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes the API's JSON answers and its one error shape, {@code {"error": {"code", "message"}}}. */
final class JsonResponses {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int STREAM_BUFFER_BYTES = 64 * 1024;

    private JsonResponses() {
    }

    /** Writes the answer (no body for 204). */
    static void send(Response response, Callback callback, int status, Optional<JsonNode> body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (body.isEmpty()) {
            callback.succeeded();
            return;
        }
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Writes a body as it is produced; a failure after the first byte can only cut the response short. */
    static void stream(Response response, Callback callback, ApiResponse.Streamed body) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, body.contentType());
        // Jetty writes each chunk it is given to the network at once: gather 64 KiB first.
        try (OutputStream out = new BufferedOutputStream(Content.Sink.asOutputStream(response), STREAM_BUFFER_BYTES)) {
            body.writer().writeTo(out);
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    static void error(Response response, Callback callback, ApiError error, String message) {
        error(response, callback, error.status, error, message);
    }

    /** An error with a status of its own, for the statuses Jetty answers with before the API sees a request. */
    static void error(Response response, Callback callback, int status, ApiError error, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", error.code).put("message", message);
        send(response, callback, status, Optional.of(body));
    }
}
