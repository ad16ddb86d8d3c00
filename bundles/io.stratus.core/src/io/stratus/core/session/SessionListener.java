package io.stratus.core.session;

/**
 * Whiteboard service told when a sign-in session ends (sign-out, expiry, keys rejected by AWS,
 * shutdown), so that what was kept for it (discovered trees, open database connections) goes too.
 * Called on the thread that ended the session; implementations return quickly and never throw.
 * Whoever holds the {@link UserSession} learns why from {@link UserSession#ended()}.
 */
public interface SessionListener {

    void sessionEnded(String sessionId);
}
