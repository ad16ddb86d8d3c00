package io.stratus.ui.session;

import io.stratus.core.session.SessionEnd;

/** What happened to the workbench's session. */
public sealed interface SessionChange {

    /** Whether the same session goes on (roles or keys changed): what is open in it stays. */
    default boolean keepsSession() {
        return this instanceof RolesChanged || this instanceof KeysChanged;
    }

    /** Somebody signed in (replacing whoever was signed in before). */
    record SignedInNow(SignedIn who) implements SessionChange {
    }

    /**
     * The signed-in person's roles or what they allow changed (an Administrator granted, revoked or
     * edited a role): {@code who} holds the role names now; commands enable from the permissions anew.
     */
    record RolesChanged(SignedIn who) implements SessionChange {
    }

    /**
     * The session's AWS keys expired or AWS stopped accepting them ({@code who.session().keysLapse()} says which), or
     * new ones were put into it: the session, its open databases and editors stay.
     */
    record KeysChanged(SignedIn who) implements SessionChange {
    }

    /** The session ended: signed out, idle, timed out, or Stratus stopping. */
    record Ended(SignedIn who, SessionEnd how) implements SessionChange {
    }
}
