package io.stratus.admin;

/** How administration is configured: its ConfigAdmin PID and the properties front doors set. */
public final class AdminConfiguration {

    /** The ConfigAdmin PID. */
    public static final String PID = "io.stratus.admin";

    /** The role of new users until an Administrator chooses one. */
    public static final String DEFAULT_ROLE = "defaultRole";

    private AdminConfiguration() {
    }
}
