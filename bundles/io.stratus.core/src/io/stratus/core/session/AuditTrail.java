package io.stratus.core.session;

/** Records who did what and how it ended. Never pass a secret in any argument. */
public interface AuditTrail {

    /**
     * @param actor principal id of who acted, or {@code null} when nobody is known (refused keys)
     * @param action what was attempted, e.g. {@code sign-in}, {@code setup}, {@code grant}
     * @param outcome {@code success} or a short failure reason
     * @param detail free text for people
     */
    void record(String actor, String action, String outcome, String detail);
}
