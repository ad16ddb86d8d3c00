package io.stratus.server.internal;

import io.stratus.bootstrap.Bootstrap;
import io.stratus.bootstrap.Startup;
import io.stratus.core.StartupFailure;
import io.stratus.core.StratusException;
import io.stratus.core.session.SignInService;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless server product's application: reads the settings, starts the HTTP API, has the
 * bootstrap configure the services and runs until stopped. SIGTERM (or Ctrl+C) drains and stops it
 * cleanly: new sign-ins get 503 and readiness says "not ready" for the drain notice, requests in
 * flight finish, the OSGi framework stops every bundle (which ends every session), and the process
 * exits with status 0.
 */
public final class ServerApplication implements IApplication {

    /** Exit status when a setting is wrong, or the store it names cannot be used: the message says which and why. */
    static final Integer EXIT_BAD_SETTINGS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ServerApplication.class);
    private static final long FRAMEWORK_STOP_MILLIS = 15_000;
    /** How long a drain waits for the requests in flight after its notice. */
    private static final Duration IN_FLIGHT_BOUND = Duration.ofSeconds(10);

    private final CountDownLatch stopRequested = new CountDownLatch(1);

    @Override
    public Object start(IApplicationContext context) throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(ServerApplication.class);
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        ServerSettings settings;
        try {
            settings = ServerSettings.from(args == null ? new String[0] : args, System.getenv(),
                    Path.of(System.getProperty("user.home")));
            settings.shared().prepareDataDirectory();
        } catch (StratusException e) {
            System.err.println("Stratus server cannot start. " + e.getMessage());
            return EXIT_BAD_SETTINGS;
        }

        BundleContext services = bundle.getBundleContext();
        ServiceTracker<ApiDispatcher, ApiDispatcher> api = new ServiceTracker<>(services, ApiDispatcher.class, null);
        api.open(); // left open: the listener asks it for the dispatcher of the moment
        HttpApiServer http = new HttpApiServer(new InetSocketAddress(settings.address(), settings.port()),
                api::getService, bundle.getVersion().toString(), settings.tls(), settings.trustedProxies(),
                settings.metricsAccess());
        InetSocketAddress bound;
        try {
            bound = http.start();
        } catch (java.io.IOException e) {
            System.err.println("Stratus server cannot start. Setting --port (or STRATUS_PORT): "
                    + settings.address().getHostAddress() + ":" + settings.port()
                    + " cannot be opened (" + e.getMessage() + "); is another server using it? Choose another port.");
            return EXIT_BAD_SETTINGS;
        }
        // Listening first: the store opens its database behind the health check, not before it.
        Startup startup;
        try {
            startup = Bootstrap.await(services).start(settings.shared());
        } catch (StratusException e) {
            System.err.println("Stratus server cannot start. " + e.getMessage());
            http.stop();
            return EXIT_BAD_SETTINGS;
        }
        Thread onSigterm = new Thread(() -> drainThenStop(http, settings.drainNotice(), bundle), "stratus-shutdown");
        Runtime.getRuntime().addShutdownHook(onSigterm);
        context.applicationRunning();
        String url = (http.secure() ? "https://" : "http://") + bound.getHostString() + ":" + bound.getPort() + "/";
        startup.demoBanner("open " + url).ifPresent(System.out::println);
        LOG.info("Stratus server {} listening on {} with data in {}", bundle.getVersion(), url, startup.dataDirectory());
        Optional<StartupFailure> failure = startup.await(ApiDispatcher.class, stopRequested);
        if (failure.isPresent()) {
            System.err.println("Stratus server cannot start. " + failure.get().message());
            stop(http, startup, onSigterm);
            return EXIT_BAD_SETTINGS;
        }

        stopRequested.await();
        stop(http, startup, onSigterm);
        return IApplication.EXIT_OK;
    }

    private static void stop(HttpApiServer http, Startup startup, Thread onSigterm) throws Exception {
        http.stop();
        startup.close();
        LOG.info("Stratus server stopped.");
        try {
            Runtime.getRuntime().removeShutdownHook(onSigterm);
        } catch (IllegalStateException shuttingDown) {
            // we are inside the JVM's shutdown, the hook is already running
        }
    }

    @Override
    public void stop() {
        stopRequested.countDown();
    }

    /**
     * Runs in a JVM shutdown hook (SIGTERM, SIGINT): the drain, then the listener closes, the
     * sessions end, and everything stops.
     */
    private static void drainThenStop(HttpApiServer http, Duration notice, Bundle bundle) {
        LOG.info("Stratus server draining: no new sign-ins, {} s notice to balancers, then the requests in flight.",
                notice.toSeconds());
        try {
            http.drain(notice, IN_FLIGHT_BOUND);
            http.stop();
            endSessions(bundle.getBundleContext());
        } catch (Exception e) {
            LOG.warn("The drain did not complete: {}", e.toString()); // stop anyway
        }
        stopFrameworkAndExit(bundle);
    }

    /**
     * Ends every session while the store can still record it ({@code session-end} {@code shut-down}):
     * the framework stops bundles in the reverse order of their installation, which may close the
     * store before the sign-in service lets its sessions go.
     */
    private static void endSessions(BundleContext context) throws BundleException {
        ServiceReference<SignInService> signIn = context.getServiceReference(SignInService.class);
        if (signIn != null) {
            signIn.getBundle().stop(Bundle.STOP_TRANSIENT);
        }
    }

    /**
     * Stops the framework, which stops this application and every bundle in order, then ends the
     * process with status 0 because nothing was left half-done.
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
