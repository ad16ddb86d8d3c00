package io.stratus.server.internal;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.UserSession;

import java.util.Map;
import java.util.Optional;

/**
 * One API call as a route sees it: its path parameters and query, its JSON body (an empty object
 * when it has none) and the body's secret fields apart from it (wiped once the call is answered),
 * the session its cookie names (if it is live; whether a cookie named one at all), the IAM Identity
 * Center sign-in its browser started (another cookie), and who sent it.
 */
record ApiRequest(Map<String, String> pathParameters, Map<String, String> query, JsonNode body,
        Map<String, char[]> secrets, Optional<UserSession> session, boolean sessionCookieSent,
        Optional<String> identityCenterSignIn, String clientAddress) {

    /**
     * The signed-in person, or the 401 that tells them to sign in: a cookie of a session that is no more
     * (it ended, or the node that held it stopped and the balancer sent them to another) is "signed out".
     */
    UserSession signedIn() {
        return session.orElseThrow(() -> new StratusException(Problem.NOT_SIGNED_IN, sessionCookieSent
                ? "You were signed out: your session has ended, or the server that held it stopped. Sign in again."
                : "You are not signed in, or your session has ended. Sign in again."));
    }

    String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** A required text field of the body. */
    String text(String field) {
        return optionalText(field).orElseThrow(() -> new StratusException(Problem.INVALID_INPUT,
                "The request needs a text field \"" + field + "\"."));
    }

    /** A required secret field of the body, as a Secret of the caller's own. */
    Secret secret(String field) {
        return optionalSecret(field).orElseThrow(() -> new StratusException(Problem.INVALID_INPUT,
                "The request needs a text field \"" + field + "\"."));
    }

    Optional<Secret> optionalSecret(String field) {
        char[] value = secrets.get(field);
        if (value == null) {
            optionalText(field); // present but not text: refused as any other field is
            return Optional.empty();
        }
        return Optional.of(Secret.of(value));
    }

    /** An optional whole-number field of the body. */
    Optional<Long> optionalWholeNumber(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new StratusException(Problem.INVALID_INPUT, "The field \"" + field + "\" must be a whole number.");
        }
        return Optional.of(value.longValue());
    }

    Optional<String> optionalText(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new StratusException(Problem.INVALID_INPUT, "The field \"" + field + "\" must be text.");
        }
        return Optional.of(value.asText());
    }
}
