package io.stratus.aws.simulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * AWS JSON 1.0 (DynamoDB) and 1.1 (Organizations): the action in {@code X-Amz-Target:
 * Prefix.Action}, JSON bodies, errors as {@code {"__type": CODE, "message": ...}}.
 */
public record JsonApi(String service, String contentType, String targetPrefix, Map<String, JsonApi.Operation> operations)
        implements Api {

    public static final String JSON_1_0 = "application/x-amz-json-1.0";
    static final String JSON_1_1 = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @FunctionalInterface
    public interface Operation {
        ObjectNode answer(Invocation invocation, JsonNode input);
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    @Override
    public String actionOf(HttpCall call) {
        String target = call.header("x-amz-target");
        return target != null && target.startsWith(targetPrefix + ".") ? target.substring(targetPrefix.length() + 1) : "";
    }

    @Override
    public Reply answer(Invocation invocation, HttpCall call, String requestId) {
        String action = actionOf(call);
        Operation operation = operations.get(action);
        if (operation == null) {
            throw new AwsError(AwsError.Kind.INVALID_ACTION, "Unknown operation " + call.header("x-amz-target"));
        }
        JsonNode input;
        try {
            input = call.body().length == 0 ? object() : JSON.readTree(call.body());
        } catch (IOException e) {
            throw new AwsError(AwsError.Kind.MALFORMED_REQUEST, "The request body is not valid JSON.");
        }
        return Reply.success(contentType, bytes(operation.answer(invocation, input)));
    }

    @Override
    public Reply error(AwsError error, String requestId) {
        ObjectNode body = object().put("__type", error.kind.jsonCode).put("message", error.getMessage());
        return new Reply(error.kind.status, contentType, bytes(body), error.kind.jsonCode);
    }

    @Override
    public Reply malformed(String action) {
        return Reply.success(contentType, ("{\"" + action + "\": {").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Reply emptyResult(String action, String requestId) {
        return Reply.success(contentType, bytes(object()));
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }
}
