package io.stratus.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What a load balancer or an orchestrator asks of a node, and the drain that SIGTERM begins.
 * <ul>
 * <li>{@code /api/health/live}: 200 whenever the process answers at all.</li>
 * <li>{@code /api/health/ready}: 200 only while the services are up, the store answers and the node
 * is not draining; 503 otherwise, saying why.</li>
 * <li>{@code /api/health}: both in one answer, for people and older checks.</li>
 * </ul>
 * While draining, new sign-ins and setups get 503 (the balancer sends the person to another node),
 * everything else is still answered, and {@link #drain} returns once the requests in flight are done.
 */
final class NodeHealth {

    static final String HEALTH = "/api/health";
    static final String LIVE = "/api/health/live";
    static final String READY = "/api/health/ready";
    /** A balancer that sees 503 tries again after this. */
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final Supplier<ApiDispatcher> api;
    private final String version;
    private final long startedNanos = System.nanoTime();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** What opens a session (or starts to): the routes a draining node no longer takes. */
    private static final Set<String> NEW_SESSIONS = Set.of("/api/session", "/api/setup",
            IdentityCenterRoutes.PATH, IdentityCenterRoutes.PATH + "/session", IdentityCenterRoutes.PATH + "/setup");

    private volatile boolean draining;

    NodeHealth(Supplier<ApiDispatcher> api, String version) {
        this.api = api;
        this.version = version;
    }

    static boolean isHealthPath(String path) {
        return path.equals(HEALTH) || path.equals(LIVE) || path.equals(READY);
    }

    /** Answers one of the {@linkplain #isHealthPath health paths}. */
    void answer(Request request, Response response, Callback callback, String path) {
        if (!request.getMethod().equals("GET")) {
            JsonResponses.error(response, callback, ApiError.METHOD_NOT_ALLOWED,
                    request.getMethod() + " is not allowed on " + path + "; use GET.");
            return;
        }
        Optional<String> notReady = notReady();
        ObjectNode body = JsonResponses.JSON.createObjectNode().put("status", "ok").put("version", version)
                .put("uptimeSeconds", Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds())
                .put("ready", notReady.isEmpty()).put("draining", draining);
        switch (path) {
            case LIVE -> JsonResponses.send(response, callback, 200,
                    Optional.of(JsonResponses.JSON.createObjectNode().put("status", "ok")));
            case READY -> {
                if (notReady.isPresent()) {
                    response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(RETRY.toSeconds()));
                    JsonResponses.error(response, callback, ApiError.UNAVAILABLE, notReady.get());
                } else {
                    JsonResponses.send(response, callback, 200, Optional.of(body));
                }
            }
            default -> JsonResponses.send(response, callback, 200, Optional.of(body));
        }
    }

    /** Why this node should get no new work, if it should not. */
    private Optional<String> notReady() {
        if (draining) {
            return Optional.of(stopping());
        }
        ApiDispatcher dispatcher = api.get();
        if (dispatcher == null) {
            return Optional.of("Stratus is starting, or its store is not available yet. Try again in a moment.");
        }
        return dispatcher.storeProblem();
    }

    private static String stopping() {
        return "This Stratus node is stopping. Sign in again: you will be sent to a node that runs.";
    }

    /** True for a new sign-in or setup (with keys or through IAM Identity Center) while draining: answered here with 503, never begun. */
    boolean refuse(Request request, Response response, Callback callback, String path) {
        if (!draining || !request.getMethod().equals("POST") || !NEW_SESSIONS.contains(path)) {
            return false;
        }
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(RETRY.toSeconds()));
        response.getHeaders().put(HttpHeader.CONNECTION, "close"); // the next try opens a connection, maybe elsewhere
        JsonResponses.error(response, callback, ApiError.UNAVAILABLE, stopping());
        return true;
    }

    /** Counts a request until its callback completes, so that a drain waits for it. */
    Callback inFlight(Callback callback) {
        inFlight.incrementAndGet();
        return new Callback.Nested(callback) {
            @Override
            public void completed() {
                inFlight.decrementAndGet();
            }
        };
    }

    /**
     * Stops taking sign-ins and says "not ready" for at least {@code notice} (so that balancers see
     * it), then waits for the requests in flight, at most {@code bound} more.
     */
    void drain(Duration notice, Duration bound) throws InterruptedException {
        draining = true;
        TimeUnit.NANOSECONDS.sleep(notice.toNanos());
        long deadline = System.nanoTime() + bound.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
