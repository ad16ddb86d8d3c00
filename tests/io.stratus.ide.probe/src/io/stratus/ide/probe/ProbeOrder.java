package io.stratus.ide.probe;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the release test asks of the probe, in system properties of the IDE: where to write the
 * report and the screenshot, and the database to wait for (its path below the account node in the
 * Cloud Explorer, such as {@code RDS and Aurora/eu-west-1/orders}). The keys to sign in with come
 * from the environment ({@link #ACCESS_KEY_ID}, {@link #SECRET_ACCESS_KEY}), never from the command
 * line, which every user of the machine can read.
 */
record ProbeOrder(Path report, Path screenshot, List<String> database, boolean signInAsked) {

    static final String REPORT = "io.stratus.ide.probe.report";
    static final String SCREENSHOT = "io.stratus.ide.probe.screenshot";
    static final String DATABASE = "io.stratus.ide.probe.database";
    /** {@code true} for a product that asks for a sign-in at start (the desktop): the probe answers it. */
    static final String SIGN_IN_ASKED = "io.stratus.ide.probe.signInAsked";
    static final String ACCESS_KEY_ID = "IDE_PROBE_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "IDE_PROBE_SECRET_ACCESS_KEY";

    /** The order, if the IDE was started with one. */
    static Optional<ProbeOrder> fromSystemProperties() {
        return Optional.ofNullable(System.getProperty(REPORT)).map(report -> new ProbeOrder(Path.of(report),
                Path.of(required(SCREENSHOT)), Arrays.asList(required(DATABASE).split("/")),
                Boolean.getBoolean(SIGN_IN_ASKED)));
    }

    String accessKeyId() {
        return requiredEnvironment(ACCESS_KEY_ID);
    }

    String secretAccessKey() {
        return requiredEnvironment(SECRET_ACCESS_KEY);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The probe was asked for a report but not given " + property);
        }
        return value;
    }

    private static String requiredEnvironment(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The probe needs the environment variable " + variable);
        }
        return value;
    }
}
