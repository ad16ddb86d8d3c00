package io.stratus.aws.simulator.internal;

import java.util.Map;

/**
 * An HTTP answer's status and body, the AWS error code it carries (null on success) and the headers
 * of its protocol (REST-JSON names its error in {@code x-amzn-ErrorType}); the dispatcher adds the
 * headers every AWS answer has.
 */
public record Reply(int status, String contentType, byte[] body, String errorCode, Map<String, String> headers) {

    public Reply {
        headers = Map.copyOf(headers);
    }

    public Reply(int status, String contentType, byte[] body, String errorCode) {
        this(status, contentType, body, errorCode, Map.of());
    }

    public static Reply success(String contentType, byte[] body) {
        return new Reply(200, contentType, body, null);
    }
}
