package io.stratus.store.internal;

import io.stratus.core.access.Role;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.Driver;
import org.slf4j.LoggerFactory;

/**
 * The first-administrator setup in a JVM of its own, without OSGi: it loads the store classes
 * straight from the bundles' jars, runs {@link FirstSetup} and then hangs at a chosen stage, so
 * that a test can kill it there the way a crash would. The store properties travel on stdin,
 * never on the command line, where other users could read a password.
 */
final class SetupProcess implements AutoCloseable {

    enum Stage {
        /** Every row of the setup is written, none committed; the writes are pushed to disk. */
        INSIDE_TRANSACTION,
        /** The setup transaction has committed. */
        COMMITTED
    }

    static final String ADMINISTRATOR = "AIDASETUPPROCESS";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private SetupProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("setup-process-output").start(() -> {
            try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8)) {
                output.lines().forEach(lines::add);
            } catch (IOException e) {
                lines.add("(output lost: " + e + ")");
            }
        });
    }

    static SetupProcess start(Map<String, Object> storeProperties, Stage stage) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, "-cp", classPath(), SetupProcess.class.getName(), stage.name())
                .redirectErrorStream(true).start();
        Properties properties = new Properties();
        storeProperties.forEach((key, value) -> properties.setProperty(key, value.toString()));
        try (OutputStream input = process.getOutputStream()) {
            properties.store(input, null);
        }
        return new SetupProcess(process);
    }

    /** Waits until the process reports {@code stage}; fails with all it printed otherwise. */
    void awaitStage(Stage stage) throws InterruptedException {
        List<String> printed = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("The setup process did not reach " + stage + " within " + TIMEOUT
                        + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")") + ". It printed:\n"
                        + String.join("\n", printed));
            }
            if (line.equals(stage.name())) {
                return;
            }
            printed.add(line);
        }
    }

    /** Kills the process without warning (SIGKILL), as a crash or an out-of-memory killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The jars (or class folders) of the store, core, H2, pgjdbc, the SLF4J API and these tests. */
    private static String classPath() {
        return Stream.of(JdbcConfigStore.class, Role.class, JdbcDataSource.class, Driver.class, LoggerFactory.class,
                SetupProcess.class).map(SetupProcess::location).distinct().collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The child's side: {@code java SetupProcess <stage>} with the store properties on stdin. */
    public static void main(String[] args) throws Exception {
        Stage stage = Stage.valueOf(args[0]);
        Properties properties = new Properties();
        properties.load(System.in);
        Map<String, Object> storeProperties = new HashMap<>();
        properties.forEach((key, value) -> storeProperties.put((String) key, value));

        JdbcConfigStore store = new JdbcConfigStore(storeProperties);
        store.write(writer -> {
            FirstSetup.run(writer, ADMINISTRATOR);
            if (stage == Stage.INSIDE_TRANSACTION) {
                pushToDisk(storeProperties);
                reportAndHang(stage);
            }
            return null;
        });
        reportAndHang(stage);
    }

    /**
     * A checkpoint from a second connection writes the uncommitted rows into the database files
     * (H2 would otherwise keep them in memory), so reopening after the kill must really roll them back.
     */
    private static void pushToDisk(Map<String, Object> storeProperties) {
        try (Connection connection = Database.open(StoreSettings.from(storeProperties)).connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reportAndHang(Stage stage) {
        System.out.println(stage.name());
        System.out.flush();
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
