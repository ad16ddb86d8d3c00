package io.stratus.server.internal;

import io.stratus.core.StartupFailure;
import io.stratus.core.StratusException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless server product's application: reads the settings, starts the HTTP API and runs
 * until stopped. SIGTERM (or Ctrl+C) stops it cleanly: requests in flight finish, the OSGi
 * framework stops every bundle, and the process exits with status 0.
 */
public final class ServerApplication implements IApplication {

    /** Exit status when a setting is wrong, or the store it names cannot be used: the message says which and why. */
    static final Integer EXIT_BAD_SETTINGS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ServerApplication.class);
    private static final long FRAMEWORK_STOP_MILLIS = 15_000;
    private static final long SERVICE_WAIT_MILLIS = 10_000;
    private static final long START_POLL_MILLIS = 20;

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

        DemoMode demo = null;
        if (settings.demo()) {
            try {
                demo = DemoMode.start(settings.demoSeed());
            } catch (NoClassDefFoundError missing) {
                System.err.println("Stratus server cannot start. --demo needs the AWS simulator bundle "
                        + "(io.stratus.aws.simulator), which only the server product ships; start the server product.");
                return EXIT_BAD_SETTINGS;
            }
        }

        BundleContext services = bundle.getBundleContext();
        ServiceTracker<ApiDispatcher, ApiDispatcher> api = new ServiceTracker<>(services, ApiDispatcher.class, null);
        api.open(); // left open: the listener asks it for the dispatcher of the moment
        HttpApiServer http = new HttpApiServer(new InetSocketAddress(settings.address(), settings.port()),
                api::getService, bundle.getVersion().toString(), settings.tls());
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
        configureServices(service(services, ConfigurationAdmin.class), settings, demo);
        Thread onSigterm = new Thread(() -> stopFrameworkAndExit(bundle), "stratus-shutdown");
        Runtime.getRuntime().addShutdownHook(onSigterm);
        context.applicationRunning();
        String url = (http.secure() ? "https://" : "http://") + bound.getHostString() + ":" + bound.getPort() + "/";
        if (demo != null) {
            System.out.println(demo.banner(url));
        }
        LOG.info("Stratus server {} listening on {} with data in {}", bundle.getVersion(), url,
                demo != null ? demo.dataDirectory() : settings.dataDirectory());
        Optional<StartupFailure> failure = awaitStart(services);
        if (failure.isPresent()) {
            System.err.println("Stratus server cannot start. " + failure.get().message());
            stop(http, demo, onSigterm);
            return EXIT_BAD_SETTINGS;
        }

        stopRequested.await();
        stop(http, demo, onSigterm);
        return IApplication.EXIT_OK;
    }

    /**
     * Waits until the API's services are up, or one of them reports that it cannot start on this
     * run's settings (a store that cannot be opened), or the server is asked to stop meanwhile.
     */
    private Optional<StartupFailure> awaitStart(BundleContext context) throws InterruptedException {
        ServiceTracker<Object, Object> outcome;
        try {
            outcome = new ServiceTracker<>(context, context.createFilter("(|(objectClass=" + ApiDispatcher.class.getName()
                    + ")(objectClass=" + StartupFailure.class.getName() + "))"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        outcome.open();
        try {
            while (outcome.isEmpty() && !stopRequested.await(START_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                // a service appears, or a stop is asked for
            }
            return Arrays.stream(Objects.requireNonNullElse(outcome.getServices(), new Object[0]))
                    .filter(StartupFailure.class::isInstance).map(StartupFailure.class::cast).findFirst();
        } finally {
            outcome.close();
        }
    }

    private static void stop(HttpApiServer http, DemoMode demo, Thread onSigterm) throws Exception {
        http.stop();
        if (demo != null) {
            demo.close();
        }
        LOG.info("Stratus server stopped.");
        try {
            Runtime.getRuntime().removeShutdownHook(onSigterm);
        } catch (IllegalStateException shuttingDown) {
            // we are inside the JVM's shutdown, the hook is already running
        }
    }

    /**
     * Hands this run's settings to the services that read them from ConfigAdmin, every one of
     * them whole (ConfigAdmin keeps configurations in memory only, see the products' config.ini);
     * demo mode points them at its own AWS and data instead. The store comes last: once it opens,
     * the services that need it start, and they find their configurations already in place.
     */
    private static void configureServices(ConfigurationAdmin configAdmin, ServerSettings settings, DemoMode demo)
            throws IOException {
        Map<String, Hashtable<String, Object>> services = new LinkedHashMap<>(settings.services());
        if (demo != null) {
            services.put("io.stratus.aws", new Hashtable<>(Map.of("endpoint", demo.awsEndpoint().toString(),
                    "region", "us-east-1")));
            services.put("io.stratus.explorer", new Hashtable<>(Map.of("regions", DemoMode.REGIONS.toArray(String[]::new))));
            services.put(ServerSettings.STORE_PID, new Hashtable<>(Map.of("dataDirectory", demo.dataDirectory().toString())));
        }
        services.put(ServerSettings.STORE_PID, services.remove(ServerSettings.STORE_PID));
        for (Map.Entry<String, Hashtable<String, Object>> service : services.entrySet()) {
            configAdmin.getConfiguration(service.getKey(), "?").update(service.getValue());
        }
    }

    /** A service of this product; DS registers each as soon as its bundle's dependencies are there. */
    private static <T> T service(BundleContext context, Class<T> type) throws InterruptedException {
        // Left open: the application uses the service until it stops.
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(SERVICE_WAIT_MILLIS);
        if (service == null) {
            throw new IllegalStateException(type.getSimpleName() + " did not start within " + SERVICE_WAIT_MILLIS
                    + " ms; are org.apache.felix.scr and org.apache.felix.configadmin in the product and started?");
        }
        return service;
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
