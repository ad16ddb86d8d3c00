package io.stratus.ui.session;

import io.stratus.core.session.SessionEnd;

/** What happened to the workbench's session. */
public sealed interface SessionChange {

    /** Somebody signed in (replacing whoever was signed in before). */
    record SignedInNow(SignedIn who) implements SessionChange {
    }

    /**
     * The signed-in person's roles or what they allow changed (an Administrator granted, revoked or
     * edited a role): {@code who} holds the role names now; commands enable from the permissions anew.
     */
    record RolesChanged(SignedIn who) implements SessionChange {
    }

    /** The session ended: signed out, idle, timed out, keys rejected by AWS, or Stratus stopping. */
    record Ended(SignedIn who, SessionEnd how) implements SessionChange {
    }
}
