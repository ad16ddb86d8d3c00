package io.stratus.explorer;

/** How discovery is configured: its ConfigAdmin PID and the properties front doors set. */
public final class ExplorerConfiguration {

    /** The ConfigAdmin PID. */
    public static final String PID = "io.stratus.explorer";

    /** The regions to scan; none: the partition's standard regions. */
    public static final String REGIONS = "regions";

    private ExplorerConfiguration() {
    }
}
