package io.stratus.aws.simulator.testing;

/** A failure the simulator can be told to answer a call with instead of its normal answer. */
public enum Fault {
    /** HTTP 400 {@code Throttling} (Query protocol) or {@code ThrottlingException} (JSON). */
    THROTTLING,
    /**
     * HTTP 403 {@code InvalidClientTokenId} (Query protocol) or {@code UnrecognizedClientException} (JSON),
     * as when the caller's keys were deactivated or deleted while they were in use.
     */
    KEYS_REJECTED,
    /** HTTP 500 {@code InternalFailure}. */
    INTERNAL_ERROR,
    /** HTTP 503 {@code ServiceUnavailable}. */
    SERVICE_UNAVAILABLE,
    /** HTTP 200 with a truncated body that no client can parse. */
    MALFORMED_RESPONSE,
    /** HTTP 200 with a well-formed answer whose result is empty: every field the action returns is missing. */
    EMPTY_RESULT,
    /** HTTP 200 with no body at all. */
    EMPTY_BODY,
    /** HTTP 200 with an HTML page, as a captive portal or a misdirected proxy answers. */
    HTML_PAGE,
    /** The connection is reset (TCP RST) before any response byte is sent. */
    CONNECTION_RESET,
    /** The connection is closed cleanly before any response byte is sent. */
    CONNECTION_CLOSE
}
