package io.stratus.server.internal;

import io.stratus.core.Problem;

/** The HTTP status and stable error code that the API uses for each kind of problem. */
enum ApiError {
    BAD_REQUEST(400, "bad_request"),
    NOT_SIGNED_IN(401, "not_signed_in"),
    /** The session lives, but its AWS keys expired or AWS stopped accepting them: renew it (POST /api/session/renew). */
    KEYS_EXPIRED(401, "keys_expired"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not_found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed"),
    REQUEST_TIMEOUT(408, "request_timeout"),
    CONFLICT(409, "conflict"),
    TOO_LARGE(413, "request_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    TOO_MANY_REQUESTS(429, "too_many_requests"),
    INTERNAL(500, "internal_error"),
    REMOTE_UNREACHABLE(502, "remote_unreachable"),
    UNAVAILABLE(503, "unavailable");

    final int status;
    final String code;

    ApiError(int status, String code) {
        this.status = status;
        this.code = code;
    }

    /** The error of a status, or for a status the API does not use itself, the nearest one of its class. */
    static ApiError ofStatus(int status) {
        for (ApiError error : values()) {
            if (error.status == status) {
                return error;
            }
        }
        return status < 500 ? BAD_REQUEST : INTERNAL;
    }

    static ApiError of(Problem problem) {
        return switch (problem) {
            case INVALID_INPUT -> BAD_REQUEST;
            case NOT_SIGNED_IN -> NOT_SIGNED_IN;
            case KEYS_EXPIRED -> KEYS_EXPIRED;
            case FORBIDDEN -> FORBIDDEN;
            case NOT_FOUND -> NOT_FOUND;
            case CONFLICT -> CONFLICT;
            case THROTTLED -> TOO_MANY_REQUESTS;
            case REMOTE_UNREACHABLE -> REMOTE_UNREACHABLE;
            case UNAVAILABLE -> UNAVAILABLE;
        };
    }
}
