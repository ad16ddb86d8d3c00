package io.stratus.ide.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What the probe saw, for the release test to assert on: a properties file with the outcome, the
 * texts the IDE showed, and when each step was reached ({@code reached.STEP}, milliseconds since
 * the IDE's JVM started). Never a key: the test searches the IDE's folders for the secret.
 */
final class ProbeReport {

    private final Properties values = new Properties();
    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();

    ProbeReport() {
        // Wall-clock milliseconds, so that whoever started the process can count from its own start.
        put("jvm.startedAt", Long.toString(jvmStart));
    }

    void put(String key, String value) {
        values.setProperty(key, value);
    }

    /** Records that the scenario got this far, and when. */
    void reached(String step) {
        put("reached." + step, Long.toString(System.currentTimeMillis() - jvmStart));
    }

    /** Writes the report in one step, so that a reader never sees half of it. */
    void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), ".report", ".tmp");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                values.store(out, "Stratus IDE probe");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the probe's report " + file, e);
        }
    }
}
