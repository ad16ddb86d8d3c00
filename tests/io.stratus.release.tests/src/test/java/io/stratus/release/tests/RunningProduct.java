package io.stratus.release.tests;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A product running in a JVM of its own, started as people start it: {@code java} with the
 * product's own JVM options, {@code -jar} the Equinox launcher, in the installation folder; or
 * through the launcher script the installation ships, which does the same.
 * Everything it prints (stdout and stderr) is kept, so a test can wait for output, type into its
 * console and show it all on failure.
 * Use {@link ProductLauncher} to start one: it also makes sure the process ends with the test.
 */
final class RunningProduct {

    /** Last resort if the test JVM exits while a product still runs (a JVM killed hard leaves it). */
    private static final Set<RunningProduct> ALIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ALIVE.forEach(RunningProduct::kill), "kill-leftover-products"));
    }

    private final String description;
    private final EclipseInstallation installation;
    private final Process process;
    private final Writer stdin;
    private final StringBuilder output = new StringBuilder();
    private final Thread outputReader;
    private boolean outputEnded;

    private RunningProduct(String description, EclipseInstallation installation, Process process) {
        this.description = description;
        this.installation = installation;
        this.process = process;
        this.stdin = process.outputWriter(UTF_8);
        this.outputReader = Thread.ofPlatform().daemon().name("output of " + description).start(this::collectOutput);
    }

    static RunningProduct start(String description, EclipseInstallation installation, List<String> javaOptions,
            List<String> arguments, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>();
        // the JDK that runs the tests, so the products run on what the build was checked with
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(installation.vmArgs());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(installation.launcherJar().toString());
        command.addAll(arguments);
        return start(description, installation, command, environment);
    }

    /**
     * Started through a launcher script of the installation, as people start the desktop: the
     * script finds Java (this JVM's, given as JAVA_HOME) and reads eclipse.ini itself; the Java
     * options go after {@code -vmargs}.
     */
    static RunningProduct startScript(String description, EclipseInstallation installation, String script,
            List<String> javaOptions, List<String> arguments, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(installation.root().resolve(script).toString());
        command.addAll(arguments);
        if (!javaOptions.isEmpty()) {
            command.add("-vmargs");
            command.addAll(javaOptions);
        }
        Map<String, String> withJava = new HashMap<>(environment);
        withJava.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        return start(description, installation, command, withJava);
    }

    private static RunningProduct start(String description, EclipseInstallation installation, List<String> command,
            Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(installation.root().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        RunningProduct product = new RunningProduct(description, installation, process);
        ALIVE.add(product);
        return product;
    }

    String description() {
        return description;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything printed so far. */
    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    /** Where the output printed from now on will start; pass it to {@link #awaitOutput}. */
    int outputMark() {
        synchronized (output) {
            return output.length();
        }
    }

    /**
     * Waits until {@code text} is printed at or after {@code mark} and returns what was printed
     * between the mark and the text. Fails at once if the product ends before printing it.
     */
    String awaitOutput(int mark, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (output) {
            while (true) {
                int found = output.indexOf(text, mark);
                if (found >= 0) {
                    return output.substring(mark, found);
                }
                if (outputEnded) {
                    throw new AssertionError(description + " ended without printing '" + text + "'");
                }
                long millisLeft = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (millisLeft <= 0) {
                    throw new AssertionError(description + " did not print '" + text + "' within " + timeout);
                }
                output.wait(millisLeft);
            }
        }
    }

    /** Types a line into the product's standard input (its console, when started with -console). */
    void send(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(description + " no longer reads its input", e);
        }
    }

    /** Ends the product's standard input, as when a person presses Ctrl+D at its console. */
    void closeInput() {
        try {
            stdin.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM, as a service manager stopping the product would. */
    void terminate() {
        // Process.destroy() sends the same SIGTERM but also closes our end of the output pipe,
        // which would lose everything the product prints while it shuts down.
        process.toHandle().destroy();
    }

    /** Waits for the process to end on its own and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(description + " was still running " + timeout + " later");
        }
        outputReader.join(Duration.ofSeconds(5)); // so that its last words are in output()
        ALIVE.remove(this);
        return process.exitValue();
    }

    /** Ends the process and anything it started, without asking; a no-op once it has ended. */
    void kill() {
        ALIVE.remove(this);
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly(); // unlike Process.destroyForcibly, keeps the output pipe open
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            outputReader.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The product's output and its Eclipse log files, for a person finding out why a test failed. */
    String diagnostics() {
        StringBuilder report = new StringBuilder();
        report.append("----- output of ").append(description).append(" (").append(installation.root()).append(") -----\n")
                .append(output()).append('\n');
        for (Path log : installation.logFiles()) {
            report.append("----- ").append(log).append(" -----\n");
            try {
                report.append(new String(Files.readAllBytes(log), UTF_8)).append('\n');
            } catch (IOException e) {
                report.append("(cannot read it: ").append(e).append(")\n");
            }
        }
        return report.toString();
    }

    private void collectOutput() {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(process.getInputStream(), UTF_8)) {
            int read;
            while ((read = reader.read(buffer)) >= 0) {
                synchronized (output) {
                    output.append(buffer, 0, read);
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            // the stream closes when the process is killed; what was read is kept
        } finally {
            synchronized (output) {
                outputEnded = true;
                output.notifyAll();
            }
        }
    }
}
