package io.stratus.server.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * What a route answers: a status, a JSON body (none for 204) or a body written while it is
 * produced, and what becomes of the session cookie.
 */
record ApiResponse(int status, JsonNode body, Streamed streamed, CookieChange cookie, CookieChange identityCenterCookie) {

    /** A body too large to hold, written as it is produced: the rows of a statement. */
    record Streamed(String contentType, BodyWriter writer) {
    }

    @FunctionalInterface
    interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A cookie after this response: kept, set to a new value (a session's id), or cleared. */
    sealed interface CookieChange {
        record Keep() implements CookieChange {
        }

        record Set(String value) implements CookieChange {
        }

        record Clear() implements CookieChange {
        }
    }

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body, null, new CookieChange.Keep(), new CookieChange.Keep());
    }

    static ApiResponse created(JsonNode body) {
        return new ApiResponse(201, body, null, new CookieChange.Keep(), new CookieChange.Keep());
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, null, new CookieChange.Keep(), new CookieChange.Keep());
    }

    static ApiResponse streamed(String contentType, BodyWriter writer) {
        return new ApiResponse(200, null, new Streamed(contentType, writer), new CookieChange.Keep(), new CookieChange.Keep());
    }

    ApiResponse withSession(String sessionId) {
        return new ApiResponse(status, body, streamed, new CookieChange.Set(sessionId), identityCenterCookie);
    }

    ApiResponse clearingSession() {
        return new ApiResponse(status, body, streamed, new CookieChange.Clear(), identityCenterCookie);
    }

    /** The browser holds this IAM Identity Center sign-in from now on. */
    ApiResponse withIdentityCenterSignIn(String authorizationId) {
        return new ApiResponse(status, body, streamed, cookie, new CookieChange.Set(authorizationId));
    }

    /** The browser's IAM Identity Center sign-in is over. */
    ApiResponse clearingIdentityCenterSignIn() {
        return new ApiResponse(status, body, streamed, cookie, new CookieChange.Clear());
    }

    Optional<JsonNode> optionalBody() {
        return Optional.ofNullable(body);
    }
}
