package io.stratus.server.internal;

import io.stratus.core.StratusException;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless server product's application: reads the settings, starts the HTTP API and runs
 * until stopped. SIGTERM (or Ctrl+C) stops it cleanly: requests in flight finish, the OSGi
 * framework stops every bundle, and the process exits with status 0.
 */
public final class ServerApplication implements IApplication {

    /** Exit status when a setting is wrong: the message names it. */
    static final Integer EXIT_BAD_SETTINGS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ServerApplication.class);
    private static final long FRAMEWORK_STOP_MILLIS = 15_000;
    private static final long DISPATCHER_WAIT_MILLIS = 10_000;

    private final CountDownLatch stopRequested = new CountDownLatch(1);

    @Override
    public Object start(IApplicationContext context) throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(ServerApplication.class);
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        ServerSettings settings;
        try {
            settings = ServerSettings.from(args == null ? new String[0] : args, System.getenv(),
                    Path.of(System.getProperty("user.home")));
            settings.prepareDataDirectory();
        } catch (StratusException e) {
            System.err.println("Stratus server cannot start. " + e.getMessage());
            return EXIT_BAD_SETTINGS;
        }

        HttpApiServer http = new HttpApiServer(new InetSocketAddress(settings.address(), settings.port()),
                dispatcher(bundle.getBundleContext()));
        InetSocketAddress bound;
        try {
            bound = http.start();
        } catch (java.io.IOException e) {
            System.err.println("Stratus server cannot start. Setting --port (or STRATUS_PORT): "
                    + settings.address().getHostAddress() + ":" + settings.port()
                    + " cannot be opened (" + e.getMessage() + "); is another server using it? Choose another port.");
            return EXIT_BAD_SETTINGS;
        }
        Thread onSigterm = new Thread(() -> stopFrameworkAndExit(bundle), "stratus-shutdown");
        Runtime.getRuntime().addShutdownHook(onSigterm);
        context.applicationRunning();
        LOG.info("Stratus server {} listening on http://{}:{}/ with data in {}", bundle.getVersion(),
                bound.getHostString(), bound.getPort(), settings.dataDirectory());

        stopRequested.await();
        http.stop();
        LOG.info("Stratus server stopped.");
        try {
            Runtime.getRuntime().removeShutdownHook(onSigterm);
        } catch (IllegalStateException shuttingDown) {
            // we are inside the JVM's shutdown, the hook is already running
        }
        return IApplication.EXIT_OK;
    }

    /** The API's DS component; it is there as soon as this bundle's dependencies are. */
    private static ApiDispatcher dispatcher(BundleContext context) throws InterruptedException {
        ServiceTracker<ApiDispatcher, ApiDispatcher> tracker = new ServiceTracker<>(context, ApiDispatcher.class, null);
        tracker.open();
        ApiDispatcher dispatcher = tracker.waitForService(DISPATCHER_WAIT_MILLIS);
        if (dispatcher == null) {
            throw new IllegalStateException("The API component did not start within " + DISPATCHER_WAIT_MILLIS
                    + " ms; is org.apache.felix.scr in the product and started?");
        }
        return dispatcher;
    }

    @Override
    public void stop() {
        stopRequested.countDown();
    }

    /**
     * Runs in a JVM shutdown hook (SIGTERM, SIGINT): stops the framework, which stops this
     * application and every bundle in order, then ends the process with status 0 because
     * nothing was left half-done.
     */
    private static void stopFrameworkAndExit(Bundle bundle) {
        try {
            Framework framework = (Framework) bundle.getBundleContext().getBundle(0);
            framework.stop();
            framework.waitForStop(FRAMEWORK_STOP_MILLIS);
        } catch (Exception | LinkageError e) {
            System.err.println("Stratus server: shutdown did not complete cleanly: " + e);
            Runtime.getRuntime().halt(1);
        }
        Runtime.getRuntime().halt(0);
    }
}
