package io.stratus.aws.simulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * AWS's REST-JSON protocol as IAM Identity Center (SSO OIDC, the AWS access portal) and Aurora
 * DSQL's control plane speak it: the operation is the method and path, input comes in the path,
 * query, headers and a JSON body, and an error names its type in {@code x-amzn-ErrorType} with a
 * body of the operation's own shape. Identity Center's calls are not signed with SigV4; DSQL's are.
 *
 * @param routes operations by {@code "METHOD /path"}, where a segment {@code {name}} stands for any one segment
 */
record RestJsonApi(String service, boolean signed, Map<String, Route> routes) implements Api {

    /** An API whose calls are not signed (IAM Identity Center's). */
    RestJsonApi(String service, Map<String, Route> routes) {
        this(service, false, routes);
    }

    static final String CONTENT_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One operation: its name (as in {@code sso:GetRoleCredentials}) and what answers it. */
    record Route(String operation, Operation handler) {
    }

    @FunctionalInterface
    interface Operation {
        Reply answer(Invocation invocation, HttpCall call);
    }

    /** An error answer of the operation's own shape: status, type and body. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Reply reply;

        Failure(int status, String type, ObjectNode body) {
            super(type, null, false, false);
            this.reply = new Reply(status, CONTENT_TYPE, bytes(body), type, Map.of("x-amzn-ErrorType", type));
        }
    }

    /** Whether this API serves the call's method and path. */
    boolean serves(HttpCall call) {
        return route(call) != null;
    }

    @Override
    public String actionOf(HttpCall call) {
        Route route = route(call);
        return route == null ? "" : route.operation();
    }

    @Override
    public Reply answer(Invocation invocation, HttpCall call, String requestId) {
        Route route = route(call);
        if (route == null) {
            throw new AwsError(AwsError.Kind.INVALID_ACTION, "No operation at " + routeOf(call));
        }
        try {
            return route.handler().answer(invocation, call);
        } catch (Failure failure) {
            return failure.reply;
        }
    }

    @Override
    public Reply error(AwsError error, String requestId) {
        return new Failure(error.kind.status, error.kind.jsonCode, object().put("message", error.getMessage())).reply;
    }

    @Override
    public Reply malformed(String action) {
        return Reply.success(CONTENT_TYPE, "{\"".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Reply emptyResult(String action, String requestId) {
        return ok(object());
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static Reply ok(ObjectNode body) {
        return Reply.success(CONTENT_TYPE, bytes(body));
    }

    /** The JSON body of a call; a body that is not a JSON object is the caller's error. */
    static JsonNode body(HttpCall call) {
        try {
            JsonNode body = call.body().length == 0 ? object() : JSON.readTree(call.body());
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (IOException e) {
            // answered below
        }
        throw new AwsError(AwsError.Kind.MALFORMED_REQUEST, "The request body is not a JSON object.");
    }

    private static String routeOf(HttpCall call) {
        return call.method() + " " + call.rawPath();
    }

    /** The route of the call's method and path: the one named exactly, else the one whose template matches. */
    private Route route(HttpCall call) {
        String asSent = routeOf(call);
        Route exact = routes.get(asSent);
        if (exact != null) {
            return exact;
        }
        String[] sent = asSent.split("/", -1);
        return routes.entrySet().stream().filter(entry -> matches(entry.getKey().split("/", -1), sent))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static boolean matches(String[] template, String[] sent) {
        if (template.length != sent.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean parameter = template[i].startsWith("{") && template[i].endsWith("}") && !sent[i].isEmpty();
            if (!parameter && !template[i].equals(sent[i])) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }
}
