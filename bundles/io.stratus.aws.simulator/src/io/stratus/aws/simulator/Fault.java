package io.stratus.aws.simulator;

/** A failure the simulator can be told to answer a call with instead of its normal answer. */
public enum Fault {
    /** HTTP 400 {@code Throttling} (Query protocol) or {@code ThrottlingException} (JSON). */
    THROTTLING,
    /** HTTP 500 {@code InternalFailure}. */
    INTERNAL_ERROR,
    /** HTTP 503 {@code ServiceUnavailable}. */
    SERVICE_UNAVAILABLE,
    /** HTTP 200 with a truncated body that no client can parse. */
    MALFORMED_RESPONSE,
    /** The connection is reset (TCP RST) before any response byte is sent. */
    CONNECTION_RESET,
    /** The connection is closed cleanly before any response byte is sent. */
    CONNECTION_CLOSE
}
