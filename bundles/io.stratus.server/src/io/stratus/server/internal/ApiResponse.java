package io.stratus.server.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * What a route answers: a status, a JSON body (none for 204), and what becomes of the session
 * cookie.
 */
record ApiResponse(int status, JsonNode body, CookieChange cookie) {

    /** The session cookie after this response: kept, set to a new session, or cleared. */
    sealed interface CookieChange {
        record Keep() implements CookieChange {
        }

        record Set(String sessionId) implements CookieChange {
        }

        record Clear() implements CookieChange {
        }
    }

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body, new CookieChange.Keep());
    }

    static ApiResponse created(JsonNode body) {
        return new ApiResponse(201, body, new CookieChange.Keep());
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, new CookieChange.Keep());
    }

    ApiResponse withSession(String sessionId) {
        return new ApiResponse(status, body, new CookieChange.Set(sessionId));
    }

    ApiResponse clearingSession() {
        return new ApiResponse(status, body, new CookieChange.Clear());
    }

    Optional<JsonNode> optionalBody() {
        return Optional.ofNullable(body);
    }
}
