package io.stratus.server.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.core.admin.UserAdministration;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.SavedConnections;
import io.stratus.core.session.Admission;
import io.stratus.core.session.IdentityCenter;
import io.stratus.core.session.SignInService;
import io.stratus.core.session.UserSession;
import io.stratus.core.store.ConfigStore;
import io.stratus.core.store.SharedCounts;
import io.stratus.core.explorer.CloudExplorer;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the JSON API under {@code /api} (but the health check, which {@link HttpApiServer}
 * answers before the services are up) and serves the web console: routes a request to its
 * handler, guards the session cookie and state-changing requests, and turns every failure into
 * {@code {"error": {"code", "message"}}} with the matching status, never a stack trace. It does
 * not listen on a port itself: each {@link HttpApiServer} feeds it requests. Settings: ConfigAdmin
 * PID {@code io.stratus.server}.
 */
@Component(service = ApiDispatcher.class, configurationPid = ApiDispatcher.PID)
public final class ApiDispatcher {

    /** The ConfigAdmin PID of the HTTP API's limits; only the server itself and its tests set them. */
    static final String PID = "io.stratus.server";

    @interface Config {
        /** Largest request body accepted; larger ones get 413. */
        int maxBodyBytes() default 64 * 1024;

        /** Failed sign-ins from one address, or for one key, before 429. */
        int signInMaxFailures() default 10;

        /** The window in which those failures count. */
        long signInWindowSeconds() default 300;

        /** A request body must have arrived in full this long after its headers; a slower one gets 408. */
        long bodyTimeoutSeconds() default 10;

        /** API requests from one client address being answered at once; more get 429. */
        int maxRequestsPerAddress() default 32;

        /** Threads for setup and sign-ins, which wait on STS (50 times as many may wait in line). */
        int signInThreads() default 32;

        /**
         * Threads for the work of signed-in people that waits on AWS or a database (explorer, databases;
         * ten times as many may wait in line).
         */
        int remoteThreads() default 128;
    }

    /**
     * A sign-in is short (an STS call or two) and they come in bursts: the start of a working day, everybody
     * again after a node stopped. 32 threads answer some 500 a second at 50 ms each, so a line of 50 per thread
     * is a wait of about three seconds at most.
     */
    private static final int SIGN_INS_QUEUED_PER_THREAD = 50;
    /** Work on databases may take seconds each: a shorter line, beyond which waiting would be pointless. */
    private static final int REMOTE_QUEUED_PER_THREAD = 10;

    static final String SESSION_COOKIE = "stratus_session";
    /** Names the IAM Identity Center sign-in a browser started: only that browser can poll it and finish it. */
    static final String IDENTITY_CENTER_COOKIE = "stratus_sso";
    /** A cross-site HTML form cannot send a custom header, nor JSON: state changes need both. */
    static final String ANTI_FORGERY_HEADER = "X-Stratus-Request";
    /** AWS's throttling is explained as "wait a minute"; Retry-After says the same to programs. */
    private static final Duration AWS_THROTTLED_RETRY = Duration.ofMinutes(1);
    private static final byte[] NO_BODY = new byte[0];

    /**
     * Body fields holding AWS secrets and MFA codes. Their text values never become Strings, which cannot be
     * wiped: they are copied from the parser's buffer to char arrays, and every copy (the body,
     * the parser's buffer, the arrays) is overwritten once the request is answered.
     */
    private static final Set<String> SECRET_FIELDS = Set.of("secretAccessKey", "sessionToken", "mfaCode", "password");

    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("io.stratus.server.access");

    private final ObjectMapper json = JsonResponses.JSON;
    /** Parses bodies with buffers of their own: a recycled buffer would keep what a body held. */
    private final JsonFactory bodies = JsonFactory.builder().recyclerPool(JsonRecyclerPools.nonRecyclingPool()).build();
    private final SignInService signIn;
    private final Router router = new Router();
    private final WebConsole console;
    private final int maxBodyBytes;
    private final Duration bodyTimeout;
    private final AddressCounts requestsPerAddress;
    private final WaitingWork signIns;
    private final WaitingWork remote;
    private final StoreProbe storeProbe;
    private final ServerMetrics metrics;

    @Activate
    public ApiDispatcher(BundleContext context, Config config, @Reference SignInService signIn,
            @Reference Admission admission, @Reference UserAdministration admin, @Reference CloudExplorer explorer,
            @Reference DatabaseService databaseService, @Reference SavedConnections savedConnections,
            @Reference IdentityCenter identityCenter, @Reference ConfigStore store, @Reference SharedCounts counts,
            @Reference ServerMetrics metrics) {
        if (config.maxBodyBytes() < 1024 || config.signInMaxFailures() < 1 || config.signInWindowSeconds() < 1
                || config.bodyTimeoutSeconds() < 1 || config.maxRequestsPerAddress() < 1 || config.signInThreads() < 1
                || config.remoteThreads() < 1) {
            throw new StratusException(Problem.INVALID_INPUT, "Server settings maxBodyBytes (at least 1024), "
                    + "signInMaxFailures, signInWindowSeconds, bodyTimeoutSeconds, maxRequestsPerAddress, "
                    + "signInThreads and remoteThreads (at least 1) are out of range.");
        }
        this.signIn = signIn;
        this.maxBodyBytes = config.maxBodyBytes();
        this.bodyTimeout = Duration.ofSeconds(config.bodyTimeoutSeconds());
        this.requestsPerAddress = new AddressCounts(config.maxRequestsPerAddress());
        this.signIns = new WaitingWork("stratus-sign-in", "sign-ins", config.signInThreads(), SIGN_INS_QUEUED_PER_THREAD);
        this.remote = new WaitingWork("stratus-remote", "work", config.remoteThreads(), REMOTE_QUEUED_PER_THREAD);
        this.console = new WebConsole(context.getBundle());
        this.metrics = metrics;
        this.storeProbe = new StoreProbe(store, metrics);
        JsonViews views = new JsonViews(json, identityCenter);
        SignInThrottle throttle = new SignInThrottle(counts, config.signInMaxFailures(),
                Duration.ofSeconds(config.signInWindowSeconds()));
        router.add("GET", "/api/openapi.json", request -> ApiResponse.ok(console.openApi(json)));
        new IdentityRoutes(signIn, admission, admin, throttle, views).addTo(router);
        new IdentityCenterRoutes(identityCenter, signIn, admin, throttle, views).addTo(router);
        new AdminRoutes(admin, views).addTo(router);
        new ExplorerRoutes(explorer, views).addTo(router);
        new EngineRoutes(explorer, databaseService, views).addTo(router);
        new DatabaseRoutes(databaseService, savedConnections, views).addTo(router);
    }

    @Deactivate
    void deactivate() {
        signIns.close();
        remote.close();
    }

    /** Why the store cannot be used now, if it cannot: the node is not ready then. */
    Optional<String> storeProblem() {
        return storeProbe.problem();
    }

    /** This node's metrics in Prometheus's text format; starts the store's next round trip when it is due. */
    String metricsText() {
        storeProbe.problem();
        return metrics.text();
    }

    /** Every route, for checking that the OpenAPI document describes them all. */
    List<Router.Route> routes() {
        return router.routes();
    }

    /**
     * Answers one request completely, perhaps later and on another thread: the callback is completed when
     * the response is written. No thread waits for a body to arrive, nor here for AWS or a database.
     *
     * @param clientAddress who sent it: the peer, or the client a trusted proxy names; what is limited,
     *        throttled and logged per address
     */
    public void handle(Request request, Response response, Callback callback, String clientAddress) {
        long started = System.nanoTime();
        String path = Request.getPathInContext(request);
        String peer = Request.getRemoteAddr(request);
        String from = peer.equals(clientAddress) ? clientAddress : clientAddress + " via " + peer;
        Callback logged = new Callback.Nested(callback) {
            @Override
            public void completed() {
                ACCESS.info("{} {} {} {} ms {}", request.getMethod(), path, response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000, from);
            }
        };
        if (path.equals("/api") || path.startsWith("/api/")) {
            answerApi(request, response, logged, path, clientAddress);
        } else {
            console.serve(request, response, logged, path);
        }
    }

    private void answerApi(Request request, Response response, Callback callback, String path, String address) {
        Router.Route route;
        Map<String, String> parameters;
        try {
            Router.Match match = router.find(request.getMethod(), path);
            route = match.route().orElseThrow(() -> match.allowedMethods().isEmpty()
                    ? new ApiException(ApiError.NOT_FOUND, "There is no API route " + path + ".")
                    : new ApiException(ApiError.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on " + path
                            + "; use " + String.join(" or ", match.allowedMethods()) + "."));
            parameters = match.parameters();
            if (!route.method().equals("GET")) {
                refuseCrossSite(request);
            }
            if (!requestsPerAddress.tryEnter(address)) {
                throw new ApiException(ApiError.TOO_MANY_REQUESTS, "This address has "
                        + requestsPerAddress.limit() + " requests being answered already. Wait for their answers, "
                        + "then try again.", Optional.of(Duration.ofSeconds(1)));
            }
        } catch (RuntimeException e) {
            fail(request, response, callback, path, e, false);
            return;
        }
        Callback answered = new Callback.Nested(callback) {
            @Override
            public void completed() {
                requestsPerAddress.leave(address);
                metrics.apiAnswered(route, response.getStatus());
            }
        };
        CompletableFuture<byte[]> body = route.method().equals("GET") ? CompletableFuture.completedFuture(NO_BODY)
                : readBody(request);
        BiConsumer<byte[], Throwable> then = (bytes, failure) -> {
            if (failure != null) {
                fail(request, response, answered, path, unwrap(failure), false);
                return;
            }
            Runnable work = () -> answer(request, response, answered, path, route, parameters, bytes, address);
            try {
                switch (route.waits()) {
                    case NOTHING -> work.run();
                    case SIGN_IN -> signIns.execute(work);
                    case REMOTE -> remote.execute(work);
                }
            } catch (RuntimeException e) {
                fail(request, response, answered, path, e, true);
            }
        };
        if (body.isDone()) {
            body.whenComplete(then);
        } else {
            // Completed by whichever thread brought the last bytes: carry on on one of the listener's threads.
            body.whenCompleteAsync(then, request.getComponents().getExecutor());
        }
    }

    private void answer(Request request, Response response, Callback callback, String path, Router.Route route,
            Map<String, String> parameters, byte[] body, String clientAddress) {
        Map<String, char[]> secrets = new HashMap<>();
        try {
            Optional<String> sessionId = cookie(request, SESSION_COOKIE);
            ApiRequest apiRequest = new ApiRequest(parameters, query(request), parse(body, secrets), secrets,
                    sessionId.flatMap(signIn::find), sessionId.isPresent(), cookie(request, IDENTITY_CENTER_COOKIE),
                    clientAddress);
            ApiResponse answer = route.handler().handle(apiRequest);
            writeCookie(request, response, SESSION_COOKIE, "/", answer.cookie());
            writeCookie(request, response, IDENTITY_CENTER_COOKIE, IdentityCenterRoutes.PATH,
                    answer.identityCenterCookie());
            if (answer.cookie() instanceof ApiResponse.CookieChange.Set opened) {
                metrics.sessionOpened(opened.value());
            }
            if (answer.streamed() != null) {
                JsonResponses.stream(response, callback, answer.streamed());
            } else {
                JsonResponses.send(response, callback, answer.status(), answer.optionalBody());
            }
        } catch (RuntimeException e) {
            fail(request, response, callback, path, e, true);
        } finally {
            Arrays.fill(body, (byte) 0);
            secrets.values().forEach(secret -> Arrays.fill(secret, '\0'));
        }
    }

    /** Answers a failure as {@code {"error": ...}}; a body not read in full closes the connection. */
    private void fail(Request request, Response response, Callback callback, String path, Throwable failure,
            boolean bodyRead) {
        if (!bodyRead && hasBody(request)) {
            // Refused before its body was read: Jetty closes the connection, so the client must not reuse it.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        switch (failure) {
            case ApiException e -> {
                e.retryAfter.ifPresent(wait -> response.getHeaders().put(HttpHeader.RETRY_AFTER,
                        Long.toString(ApiException.seconds(wait))));
                JsonResponses.error(response, callback, e.error, e.getMessage());
            }
            case StratusException e -> {
                if (e.problem() == Problem.THROTTLED) {
                    response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(AWS_THROTTLED_RETRY.toSeconds()));
                }
                JsonResponses.error(response, callback, ApiError.of(e.problem()), e.getMessage());
            }
            default -> {
                LOG.error("Request {} {} failed", request.getMethod(), path, failure);
                JsonResponses.error(response, callback, ApiError.INTERNAL,
                        "Stratus failed to answer this request; the server log has the details.");
            }
        }
    }

    /** State changes must come from our own pages: JSON and the anti-forgery header. */
    private static void refuseCrossSite(Request request) {
        if (request.getHeaders().get(ANTI_FORGERY_HEADER) == null) {
            throw new ApiException(ApiError.FORBIDDEN, "This request changes state and lacks the "
                    + ANTI_FORGERY_HEADER + " header; send it (any value) with a JSON body.");
        }
        if (hasBody(request) && !isJson(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
            throw new ApiException(ApiError.UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON, with Content-Type "
                    + "application/json.");
        }
    }

    /** Exactly {@code application/json}, with parameters or not; not {@code application/jsonp} and the like. */
    private static boolean isJson(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].strip().equalsIgnoreCase("application/json");
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /**
     * The whole body, read as it arrives without holding a thread, unless it is larger than allowed or
     * has not arrived within the body timeout (a client sending a byte now and then).
     */
    private CompletableFuture<byte[]> readBody(Request request) {
        if (!hasBody(request)) {
            return CompletableFuture.completedFuture(NO_BODY);
        }
        if (request.getLength() > maxBodyBytes) {
            return CompletableFuture.failedFuture(tooLarge());
        }
        return Content.Source.asByteArrayAsync(request, maxBodyBytes)
                .orTimeout(bodyTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(switch (unwrap(failure)) {
                    case TimeoutException timeout -> new ApiException(ApiError.REQUEST_TIMEOUT, "The request body "
                            + "did not arrive within " + bodyTimeout.toSeconds() + " s. Send it at once, then "
                            + "try again.");
                    // Jetty's way of saying that the body outgrew maxBodyBytes (sent without a length).
                    case IllegalStateException overflow -> tooLarge();
                    default -> new ApiException(ApiError.BAD_REQUEST, "The request body could not be read.");
                }));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * A JSON object; no body at all is an empty one. The text of {@link #SECRET_FIELDS} goes into
     * {@code secrets} instead of the tree.
     */
    private JsonNode parse(byte[] bytes, Map<String, char[]> secrets) {
        ObjectNode body = json.createObjectNode();
        if (bytes.length == 0) {
            return body;
        }
        try (JsonParser parser = bodies.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ApiException(ApiError.BAD_REQUEST, "The request body must be a JSON object.");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (parser.nextToken() == JsonToken.VALUE_STRING && SECRET_FIELDS.contains(field)) {
                    char[] replaced = secrets.put(field, takeText(parser));
                    if (replaced != null) { // the field twice: the last one counts, as in the tree
                        Arrays.fill(replaced, '\0');
                    }
                } else {
                    body.set(field, json.readTree(parser));
                }
            }
            return body;
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "The request body is not valid JSON.");
        }
    }

    /** The current text value as chars of its own; the parser's buffer of it is overwritten. */
    private static char[] takeText(JsonParser parser) throws IOException {
        char[] buffer = parser.getTextCharacters();
        int start = parser.getTextOffset();
        int end = start + parser.getTextLength();
        char[] text = Arrays.copyOfRange(buffer, start, end);
        Arrays.fill(buffer, start, end, '\0');
        return text;
    }

    private ApiException tooLarge() {
        return new ApiException(ApiError.TOO_LARGE, "The request body is larger than " + maxBodyBytes + " bytes.");
    }

    private static Map<String, String> query(Request request) {
        Map<String, String> query = new LinkedHashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        fields.forEach(field -> query.put(field.getName(), field.getValue()));
        return query;
    }

    /** The value of the cookie of that name (not empty: a signed-out browser's cookie is cleared). */
    private static Optional<String> cookie(Request request, String name) {
        return Request.getCookies(request).stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    /** HttpOnly, SameSite=Strict, and Secure whenever the request came over TLS. */
    private static void writeCookie(Request request, Response response, String name, String path,
            ApiResponse.CookieChange change) {
        String value;
        switch (change) {
            case ApiResponse.CookieChange.Keep keep -> {
                return;
            }
            case ApiResponse.CookieChange.Set set -> value = set.value();
            case ApiResponse.CookieChange.Clear clear -> value = "";
        }
        HttpCookie.Builder cookie = HttpCookie.build(name, value)
                .path(path)
                .httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT)
                .secure(request.isSecure());
        if (value.isEmpty()) {
            cookie.maxAge(0);
        }
        Response.addCookie(response, cookie.build());
    }
}
