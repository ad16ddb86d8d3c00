package io.stratus.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.core.StratusException;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the JSON API under {@code /api}: routes a request to its handler and turns every
 * failure into {@code {"error": {"code", "message"}}} with the matching status, never a stack
 * trace. It does not listen on a port itself: each {@link HttpApiServer} feeds it requests.
 */
@Component(service = ApiDispatcher.class)
public final class ApiDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock = Clock.systemUTC();
    private String version;
    private Instant activatedAt;

    @Activate
    void activate(BundleContext context) {
        version = context.getBundle().getVersion().toString();
        activatedAt = clock.instant();
    }

    /** Answers one request completely; the callback is completed when the response is written. */
    public void handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        try {
            if (path.equals("/api/health")) {
                requireMethod(request, path, HttpMethod.GET);
                send(response, callback, 200, health());
            } else {
                throw new ApiException(ApiError.NOT_FOUND, "There is no API route " + path + ".");
            }
        } catch (ApiException e) {
            sendError(response, callback, e.error, e.getMessage());
        } catch (StratusException e) {
            sendError(response, callback, ApiError.of(e.problem()), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Request {} {} failed", request.getMethod(), path, e);
            sendError(response, callback, ApiError.INTERNAL,
                    "Stratus failed to answer this request; the server log has the details.");
        }
    }

    private ObjectNode health() {
        ObjectNode body = json.createObjectNode();
        body.put("status", "ok");
        body.put("version", version);
        body.put("uptimeSeconds", Duration.between(activatedAt, clock.instant()).toSeconds());
        return body;
    }

    private static void requireMethod(Request request, String path, HttpMethod allowed) {
        if (!allowed.is(request.getMethod())) {
            throw new ApiException(ApiError.METHOD_NOT_ALLOWED,
                    request.getMethod() + " is not allowed on " + path + "; use " + allowed + ".");
        }
    }

    private void sendError(Response response, Callback callback, ApiError error, String message) {
        ObjectNode body = json.createObjectNode();
        ObjectNode detail = body.putObject("error");
        detail.put("code", error.code);
        detail.put("message", message);
        send(response, callback, error.status, body);
    }

    private void send(Response response, Callback callback, int status, ObjectNode body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** A failure of the HTTP layer itself (unknown route, wrong method). */
    private static final class ApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final ApiError error;

        ApiException(ApiError error, String message) {
            super(message, null, false, false);
            this.error = error;
        }
    }
}
