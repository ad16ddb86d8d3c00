package io.stratus.core.session;

/**
 * Whiteboard service told when a sign-in session ends (sign-out, idle or absolute timeout,
 * shutdown), so that what was kept for it (discovered trees, open database connections) goes too.
 * Called on the thread that ended the session; implementations return quickly and never throw.
 * Whoever holds the {@link UserSession} learns why from {@link UserSession#ended()}.
 */
public interface SessionListener {

    void sessionEnded(String sessionId);

    /**
     * The session's keys lapsed (see {@link UserSession#keysLapse()}) or were renewed: the session lives on,
     * and what was kept for it stays. For front ends that show it; nothing to let go of.
     */
    default void keysChanged(String sessionId) {
    }
}
