package io.stratus.release.tests;

import java.util.List;

/** The DS components that must be ACTIVE wherever Stratus runs with a user interface. */
final class StratusComponents {

    /** Store, sign-in, administration, explorer and connections: what the desktop and the IDE need. */
    static final List<String> SERVICES = List.of("io.stratus.store.internal.ConfigStoreComponent",
            "io.stratus.auth.internal.SignInComponent", "io.stratus.admin.internal.InstanceAdministration",
            "io.stratus.explorer.internal.CloudExplorerComponent", "io.stratus.connect.internal.DatabaseConnections");

    private StratusComponents() {
    }
}
