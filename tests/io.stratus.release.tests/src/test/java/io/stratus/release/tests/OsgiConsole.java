package io.stratus.release.tests;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Equinox (Gogo) console of a product started with {@code -console}, typed into through its
 * standard input. Each command is followed by an {@code echo} of a unique marker, so its output
 * is exactly what was printed before the marker.
 */
final class OsgiConsole {

    /** {@code ss}: "110  STARTING    io.stratus.core_0.1.0.2026..." */
    private static final Pattern SS_LINE = Pattern.compile("^(?:g! )*\\d+\\s+(\\w+)\\s+([^\\s_]+)_\\S+\\s*$", Pattern.MULTILINE);
    /** {@code scr:list}: a component line, then the state of its configuration on the next line. */
    private static final Pattern SCR_COMPONENT = Pattern.compile(
            "^(?:g! )*(\\S+) in bundle \\d+ \\(([^:)]+):[^)]*\\)[^\\n]*\\n(?:\\s*Id: \\d+, State:(\\w+))?", Pattern.MULTILINE);
    private static final Pattern SCR_SERVICES = Pattern.compile("^Services:\\s*\\[([^\\],]+)", Pattern.MULTILINE);

    private final RunningProduct product;
    private final Duration commandTimeout;
    private int commandsRun;

    OsgiConsole(RunningProduct product, Duration commandTimeout) {
        this.product = product;
        this.commandTimeout = commandTimeout;
    }

    RunningProduct product() {
        return product;
    }

    /** Runs one console command and returns what it printed. */
    String run(String command) throws InterruptedException {
        String endMarker = "end-of-console-command-" + (++commandsRun);
        int mark = product.outputMark();
        product.send(command);
        product.send("echo " + endMarker);
        return product.awaitOutput(mark, endMarker, commandTimeout);
    }

    /** Bundle states by symbolic name, from {@code ss <filter>}. */
    Map<String, String> bundleStates(String nameFilter) throws InterruptedException {
        Map<String, String> states = new LinkedHashMap<>();
        Matcher line = SS_LINE.matcher(run("ss " + nameFilter));
        while (line.find()) {
            states.put(line.group(2), line.group(1));
        }
        return states;
    }

    /**
     * States of the DS components ({@code scr:list}) of the bundles whose symbolic name starts
     * with {@code bundlePrefix}, by component name; "NO CONFIGURATION" when SCR made none.
     */
    Map<String, String> componentStates(String bundlePrefix) throws InterruptedException {
        Map<String, String> states = new LinkedHashMap<>();
        Matcher component = SCR_COMPONENT.matcher(run("scr:list"));
        while (component.find()) {
            if (component.group(2).startsWith(bundlePrefix)) {
                states.put(component.group(1), component.group(3) == null ? "NO CONFIGURATION" : component.group(3));
            }
        }
        return states;
    }

    /** Waits until the states of those components satisfy {@code done}; returns the last states seen. */
    Map<String, String> awaitComponents(String bundlePrefix, Predicate<Map<String, String>> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, String> components = componentStates(bundlePrefix);
            if (done.test(components) || System.nanoTime() > deadline) {
                return components;
            }
            Thread.sleep(200);
        }
    }

    /**
     * Waits until every component of those bundles has its configuration and references, then
     * uses each one's service as any consumer would: delayed components stay SATISFIED until then.
     * Returns their states after that use.
     */
    Map<String, String> useComponents(String bundlePrefix, Duration timeout) throws InterruptedException {
        Map<String, String> components = awaitComponents(bundlePrefix, states -> !states.isEmpty() && states.values()
                .stream().noneMatch(state -> state.contains("UNSATISFIED") || state.equals("NO CONFIGURATION")), timeout);
        for (Map.Entry<String, String> component : components.entrySet()) {
            if (component.getValue().equals("SATISFIED")) {
                getService(serviceOf(component.getKey()), component.getKey());
            }
        }
        return componentStates(bundlePrefix);
    }

    /** The first service interface a component provides ({@code scr:info}). */
    String serviceOf(String componentName) throws InterruptedException {
        String info = run("scr:info " + componentName);
        Matcher services = SCR_SERVICES.matcher(info);
        if (!services.find()) {
            throw new AssertionError("Component " + componentName + " provides no service; scr:info said:\n" + info);
        }
        return services.group(1).strip();
    }

    /**
     * Gets a service as any consumer would; for a delayed DS component this is what makes SCR
     * create and activate it. Gogo's {@code $.context} is the console's own BundleContext.
     */
    void getService(String serviceInterface, String componentName) throws InterruptedException {
        // By component name: several components may offer the same interface (one per engine family).
        run("each ($.context getServiceReferences " + serviceInterface + " \"(component.name=" + componentName
                + ")\") { $.context getService $it }");
    }

    /**
     * Stops the framework from the console, then ends the console's input: Gogo's shell keeps
     * reading (and the JVM alive) until its input ends, whatever the framework does.
     */
    void shutDown() {
        product.send("shutdown");
        product.closeInput();
    }
}
