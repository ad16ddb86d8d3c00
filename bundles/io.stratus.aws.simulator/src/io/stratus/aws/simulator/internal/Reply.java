package io.stratus.aws.simulator.internal;

/**
 * An HTTP answer's status and body, and the AWS error code it carries (null on success); the
 * dispatcher adds the headers every AWS answer has.
 */
public record Reply(int status, String contentType, byte[] body, String errorCode) {

    public static Reply success(String contentType, byte[] body) {
        return new Reply(200, contentType, body, null);
    }
}
