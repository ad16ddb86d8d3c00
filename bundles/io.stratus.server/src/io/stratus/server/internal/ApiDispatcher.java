package io.stratus.server.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.admin.UserAdministration;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.connect.DatabaseWorkbench;
import io.stratus.core.connect.SavedConnections;
import io.stratus.core.session.Admission;
import io.stratus.core.session.SignInService;
import io.stratus.core.session.UserSession;
import io.stratus.explorer.CloudExplorer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
@Component(service = ApiDispatcher.class, configurationPid = "io.stratus.server")
public final class ApiDispatcher {

    @interface Config {
        /** Largest request body accepted; larger ones get 413. */
        int maxBodyBytes() default 64 * 1024;

        /** Failed sign-ins from one address, or for one key, before 429. */
        int signInMaxFailures() default 10;

        /** The window in which those failures count. */
        long signInWindowSeconds() default 300;
    }

    static final String SESSION_COOKIE = "stratus_session";
    /** A cross-site HTML form cannot send a custom header, nor JSON: state changes need both. */
    static final String ANTI_FORGERY_HEADER = "X-Stratus-Request";

    /**
     * Body fields holding AWS secrets. Their text values never become Strings, which cannot be
     * wiped: they are copied from the parser's buffer to char arrays, and every copy (the body,
     * the parser's buffer, the arrays) is overwritten once the request is answered.
     */
    private static final Set<String> SECRET_FIELDS = Set.of("secretAccessKey", "sessionToken");

    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("io.stratus.server.access");

    private final ObjectMapper json = JsonResponses.JSON;
    /** Parses bodies with buffers of their own: a recycled buffer would keep what a body held. */
    private final JsonFactory bodies = JsonFactory.builder().recyclerPool(JsonRecyclerPools.nonRecyclingPool()).build();
    private final SignInService signIn;
    private final Router router = new Router();
    private final WebConsole console;
    private final int maxBodyBytes;

    @Activate
    public ApiDispatcher(BundleContext context, Config config, @Reference SignInService signIn,
            @Reference Admission admission, @Reference UserAdministration admin, @Reference CloudExplorer explorer,
            @Reference DatabaseWorkbench workbench, @Reference SavedConnections savedConnections) {
        if (config.maxBodyBytes() < 1024 || config.signInMaxFailures() < 1 || config.signInWindowSeconds() < 1) {
            throw new StratusException(Problem.INVALID_INPUT, "Server settings maxBodyBytes (at least 1024), "
                    + "signInMaxFailures and signInWindowSeconds (at least 1) are out of range.");
        }
        this.signIn = signIn;
        this.maxBodyBytes = config.maxBodyBytes();
        this.console = new WebConsole(context.getBundle());
        JsonViews views = new JsonViews(json);
        SignInThrottle throttle = new SignInThrottle(config.signInMaxFailures(),
                Duration.ofSeconds(config.signInWindowSeconds()), Clock.systemUTC());
        router.add("GET", "/api/openapi.json", request -> ApiResponse.ok(console.openApi(json)));
        new IdentityRoutes(signIn, admission, admin, throttle, views).addTo(router);
        new AdminRoutes(admin, views).addTo(router);
        new ExplorerRoutes(explorer, views).addTo(router);
        new DatabaseRoutes(workbench, savedConnections, views).addTo(router);
    }

    /** Every route, for checking that the OpenAPI document describes them all. */
    List<Router.Route> routes() {
        return router.routes();
    }

    /** Answers one request completely; the callback is completed when the response is written. */
    public void handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String path = Request.getPathInContext(request);
        int status;
        if (path.equals("/api") || path.startsWith("/api/")) {
            status = answerApi(request, response, callback, path);
        } else {
            status = console.serve(request, response, callback, path);
        }
        ACCESS.info("{} {} {} {} ms {}", request.getMethod(), path, status,
                (System.nanoTime() - started) / 1_000_000, Request.getRemoteAddr(request));
    }

    private int answerApi(Request request, Response response, Callback callback, String path) {
        boolean bodyRead = false;
        byte[] body = new byte[0];
        Map<String, char[]> secrets = new HashMap<>();
        try {
            Router.Match match = router.find(request.getMethod(), path);
            Router.Route route = match.route().orElseThrow(() -> match.allowedMethods().isEmpty()
                    ? new ApiException(ApiError.NOT_FOUND, "There is no API route " + path + ".")
                    : new ApiException(ApiError.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on " + path
                            + "; use " + String.join(" or ", match.allowedMethods()) + "."));
            boolean changesState = !route.method().equals("GET");
            if (changesState) {
                refuseCrossSite(request);
            }
            body = changesState ? readBody(request) : body;
            bodyRead = true;
            ApiRequest apiRequest = new ApiRequest(match.parameters(), query(request), parse(body, secrets), secrets,
                    session(request), Request.getRemoteAddr(request));
            ApiResponse answer = route.handler().handle(apiRequest);
            writeCookie(request, response, answer.cookie());
            if (answer.streamed() != null) {
                return JsonResponses.stream(response, callback, answer.streamed());
            }
            return JsonResponses.send(response, callback, answer.status(), answer.optionalBody());
        } catch (ApiException e) {
            if (!bodyRead && hasBody(request)) {
                // Refused before its body was read: Jetty closes the connection, so the client must not reuse it.
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            e.retryAfter.ifPresent(wait -> response.getHeaders().put(HttpHeader.RETRY_AFTER,
                    Long.toString(ApiException.seconds(wait))));
            return JsonResponses.error(response, callback, e.error, e.getMessage());
        } catch (StratusException e) {
            return JsonResponses.error(response, callback, ApiError.of(e.problem()), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Request {} {} failed", request.getMethod(), path, e);
            return JsonResponses.error(response, callback, ApiError.INTERNAL,
                    "Stratus failed to answer this request; the server log has the details.");
        } finally {
            Arrays.fill(body, (byte) 0);
            secrets.values().forEach(secret -> Arrays.fill(secret, '\0'));
        }
    }

    /** State changes must come from our own pages: JSON and the anti-forgery header. */
    private static void refuseCrossSite(Request request) {
        if (request.getHeaders().get(ANTI_FORGERY_HEADER) == null) {
            throw new ApiException(ApiError.FORBIDDEN, "This request changes state and lacks the "
                    + ANTI_FORGERY_HEADER + " header; send it (any value) with a JSON body.");
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (hasBody(request) && (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))) {
            throw new ApiException(ApiError.UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON, with Content-Type "
                    + "application/json.");
        }
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** The whole body, unless it is larger than allowed. */
    private byte[] readBody(Request request) {
        if (request.getLength() > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(maxBodyBytes + 1);
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "The request body could not be read.");
        }
        if (bytes.length > maxBodyBytes) {
            throw tooLarge();
        }
        return bytes;
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

    private Optional<UserSession> session(Request request) {
        return Request.getCookies(request).stream()
                .filter(cookie -> cookie.getName().equals(SESSION_COOKIE))
                .map(HttpCookie::getValue)
                .findFirst()
                .flatMap(signIn::find);
    }

    /** HttpOnly, SameSite=Strict, and Secure whenever the request came over TLS. */
    private static void writeCookie(Request request, Response response, ApiResponse.CookieChange change) {
        String value;
        switch (change) {
            case ApiResponse.CookieChange.Keep keep -> {
                return;
            }
            case ApiResponse.CookieChange.Set set -> value = set.sessionId();
            case ApiResponse.CookieChange.Clear clear -> value = "";
        }
        HttpCookie.Builder cookie = HttpCookie.build(SESSION_COOKIE, value)
                .path("/")
                .httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT)
                .secure(request.isSecure());
        if (value.isEmpty()) {
            cookie.maxAge(0);
        }
        Response.addCookie(response, cookie.build());
    }
}
