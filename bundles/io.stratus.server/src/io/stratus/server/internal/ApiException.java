package io.stratus.server.internal;

import java.time.Duration;
import java.util.Optional;

/** A failure of the HTTP layer itself: unknown route, wrong method or media type, too large, throttled. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final ApiError error;
    /** For 429: when the client may try again. */
    final transient Optional<Duration> retryAfter;

    ApiException(ApiError error, String message) {
        this(error, message, Optional.empty());
    }

    ApiException(ApiError error, String message, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.error = error;
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, rounded up and at least one, as Retry-After and messages say it. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
