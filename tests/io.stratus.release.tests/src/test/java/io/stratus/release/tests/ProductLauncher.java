package io.stratus.release.tests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts products for one test and cleans up after it: register it with
 * {@code @RegisterExtension}. After each test, pass or fail, every product it started is killed
 * (no process outlives its test); when the test failed, their output and logs are printed so the
 * cause is visible in the build log.
 */
final class ProductLauncher implements AfterEachCallback {

    private final List<RunningProduct> started = new ArrayList<>();

    RunningProduct start(String description, EclipseInstallation installation, List<String> javaOptions,
            List<String> arguments) throws IOException {
        return start(description, installation, javaOptions, arguments, Map.of());
    }

    /** With these environment variables on top of this JVM's. */
    RunningProduct start(String description, EclipseInstallation installation, List<String> javaOptions,
            List<String> arguments, Map<String, String> environment) throws IOException {
        return track(RunningProduct.start(description, installation, javaOptions, arguments, environment));
    }

    /** Through the installation's launcher script {@code script}, with this JVM's Java as JAVA_HOME. */
    RunningProduct startScript(String description, EclipseInstallation installation, String script,
            List<String> javaOptions, List<String> arguments, Map<String, String> environment) throws IOException {
        return track(RunningProduct.startScript(description, installation, script, javaOptions, arguments, environment));
    }

    private RunningProduct track(RunningProduct product) {
        started.add(product);
        return product;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        boolean failed = context.getExecutionException().isPresent();
        for (RunningProduct product : started) {
            boolean wasRunning = product.isAlive();
            product.kill();
            if (failed) {
                System.out.println(product.diagnostics());
                if (wasRunning) {
                    System.out.println("(" + product.description() + " was still running and has been killed)");
                }
            }
        }
        started.clear();
    }
}
