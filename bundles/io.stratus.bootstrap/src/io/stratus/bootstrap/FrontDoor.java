package io.stratus.bootstrap;

/**
 * A way Stratus is started. Each says where its data lives (the caller passes that to
 * {@link Settings#read}) and which {@link Setting}s apply to it.
 */
public enum FrontDoor {

    /** The headless server: every setting; its data directory is {@code --data} or {@code STRATUS_DATA}. */
    SERVER("The server", true),

    /**
     * The desktop product, with its data in {@code ~/.stratus/desktop}. Its own flags start with
     * {@code --}; the other arguments an Eclipse application receives are the platform's.
     */
    DESKTOP("The desktop", true),

    /**
     * Stratus's plugins in an Eclipse IDE, with their data in their bundle's state location. The IDE's
     * command line is not theirs: settings come from the environment and {@code stratus.properties}.
     */
    IDE("The Stratus plugins", false);

    private final String displayName;
    private final boolean offersDemo;

    FrontDoor(String displayName, boolean offersDemo) {
        this.displayName = displayName;
        this.offersDemo = offersDemo;
    }

    String displayName() {
        return displayName;
    }

    /** Whether {@code --demo} can start it on the AWS simulator. */
    boolean offersDemo() {
        return offersDemo;
    }

    /** Whether a command-line argument is for Stratus to read rather than for the platform. */
    boolean owns(String argument) {
        return switch (this) {
            case SERVER -> true;
            case DESKTOP -> argument.startsWith("--");
            case IDE -> false;
        };
    }
}
