package io.stratus.release.tests;

import java.nio.file.Path;

/** The Eclipse IDEs, with no Stratus bundle in them, that stand in for a user's IDE. */
enum EclipseIde {

    /** At the platform versions Stratus builds against (tests/io.stratus.ide.platform). */
    CURRENT("stratus.idePlatform"),

    /** Eclipse 2025-12 (4.38), from that release's bundles (tests/io.stratus.ide.platform.2025-12). */
    ECLIPSE_2025_12("stratus.idePlatform.2025-12");

    private final String property;

    EclipseIde(String property) {
        this.property = property;
    }

    /** The materialized IDE (the folder holding plugins/ and configuration/), as the build left it. */
    Path installation() {
        return ReleaseLocations.existingDirectory(property);
    }
}
