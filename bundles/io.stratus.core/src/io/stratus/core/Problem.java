package io.stratus.core;

/**
 * The kinds of failure every front end must tell apart. The HTTP API maps each to a status
 * code, the desktop to a dialog; services only ever choose the kind.
 */
public enum Problem {
    /** The request itself is wrong: a missing, malformed or out-of-range value. */
    INVALID_INPUT,
    /** No signed-in session, or it has ended: sign in again. */
    NOT_SIGNED_IN,
    /**
     * Signed in, but the session's AWS keys expired or AWS stopped accepting them: the session and its open
     * work stay, and the person re-authenticates into it ({@code SignInService.renew}) rather than signing in.
     */
    KEYS_EXPIRED,
    /** Signed in, but a role or an IAM policy does not allow this. */
    FORBIDDEN,
    /** What was asked for does not exist (or is not visible to the caller). */
    NOT_FOUND,
    /** The state does not allow this now, for example an instance that is already configured. */
    CONFLICT,
    /** Too many attempts in a short time: wait, then try again. */
    THROTTLED,
    /** AWS (or another remote service) could not be reached or did not answer in time. */
    REMOTE_UNREACHABLE,
    /** Stratus itself cannot serve this right now, for example while shutting down. */
    UNAVAILABLE
}
