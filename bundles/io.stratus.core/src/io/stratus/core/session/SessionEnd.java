package io.stratus.core.session;

/**
 * Why a sign-in session ended, as the audit trail records it and a front end tells the person. Keys that
 * expire or that AWS stops accepting do not end a session: see {@link KeysLapse}.
 */
public enum SessionEnd {
    SIGNED_OUT("signed-out", "You signed out."),
    IDLE("idle", "Your session ended because it was not used for a while."),
    TIMED_OUT("timed-out", "Your session reached its maximum length."),
    SHUT_DOWN("shut-down", "Stratus stopped.");

    private final String id;
    private final String explanation;

    SessionEnd(String id, String explanation) {
        this.id = id;
        this.explanation = explanation;
    }

    /** The stable name, as the audit trail's outcome of {@code session-end}. */
    public String id() {
        return id;
    }

    /** One sentence for the person whose session it was. */
    public String explanation() {
        return explanation;
    }
}
