package io.stratus.release.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put what these tests run, and the display it started for them. The pom passes
 * them as system properties,
 * so the tests follow the build's layout instead of guessing it.
 */
final class ReleaseLocations {

    private ReleaseLocations() {
    }

    /** The materialized server product (the folder holding plugins/ and configuration/). */
    static Path serverProduct() {
        return existingDirectory("stratus.serverProduct");
    }

    /** The one server archive for every machine, {@code extension} {@code .tar.gz} or {@code .zip}. */
    static Path serverArchive(String extension) {
        Path archive = Path.of(required("stratus.serverArchive") + extension).toAbsolutePath().normalize();
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("The server archive is missing: " + archive
                    + "; build it first (./mvnw verify builds it before these tests).");
        }
        return archive;
    }

    /** The repository's sample HAProxy configuration for several server nodes. */
    static Path haproxySample() {
        Path sample = Path.of(required("stratus.haproxySample")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(sample)) {
            throw new IllegalStateException("stratus.haproxySample points to " + sample + ", which does not exist.");
        }
        return sample;
    }

    /** The folder that holds the desktop product's archives, one per platform. */
    static Path desktopArchives() {
        return existingDirectory("stratus.desktopArchives");
    }

    /** The desktop product's archive for {@code platform}. */
    static Path desktopArchive(DesktopPlatform platform) {
        Path archive = desktopArchives().resolve(platform.archiveName(version()));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("The desktop archive for " + platform + " is missing: " + archive);
        }
        return archive;
    }

    /** The version of Stratus that the build made, as the archives' names carry it. */
    static String version() {
        return required("stratus.version");
    }

    /** The X display (Xvfb, which the pom starts) that the desktop product draws on. */
    static String display() {
        return required("stratus.display");
    }

    /** The p2 update site that people add to their Eclipse IDE. */
    static Path updateSite() {
        return existingDirectory("stratus.updateSite");
    }

    /** The p2 repository with the IDE probe and the UI test kit (tests/io.stratus.ide.probe.site). */
    static Path ideProbeSite() {
        return existingDirectory("stratus.ideProbeSite");
    }

    /** The GTK settings of test runs (no animations, so screenshots show widgets as they end up). */
    static Path gtkSettings() {
        return existingDirectory("stratus.gtkSettings");
    }

    /** Where tests save screenshots for people to look at. */
    static Path screenshots() {
        return Path.of(required("stratus.screenshots")).toAbsolutePath().normalize();
    }

    static Path existingDirectory(String property) {
        Path path = Path.of(required(property)).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException(property + " points to " + path
                    + ", which does not exist; build it first (./mvnw verify builds it before these tests).");
        }
        return path;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property
                    + " is not set; run these tests through Maven, whose pom sets it.");
        }
        return value;
    }
}
