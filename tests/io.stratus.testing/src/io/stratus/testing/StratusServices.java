package io.stratus.testing;

import io.stratus.core.admin.UserAdministration;
import io.stratus.auth.AuthConfiguration;
import io.stratus.aws.AwsClients;
import io.stratus.aws.AwsConfiguration;
import io.stratus.aws.AwsService;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.connect.ConnectConfiguration;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseTrust;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.Admission;
import io.stratus.core.session.SignInService;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.core.store.ConfigStore;
import io.stratus.store.StoreConfiguration;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The Stratus services of one test, wired as in the products: DS components configured through
 * ConfigAdmin, the AWS endpoint pointing at a simulator and the store at a fresh data directory.
 */
public final class StratusServices {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path WORK = Path.of(System.getProperty("stratus.test.work", "target/work"));

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final Map<Class<?>, ServiceTracker<?, ?>> trackers = new ConcurrentHashMap<>();
    private Path dataDirectory;

    public StratusServices() {
        Bundle self = FrameworkUtil.getBundle(StratusServices.class);
        try {
            self.start(Bundle.START_TRANSIENT);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test bundle", e);
        }
        context = self.getBundleContext();
        configAdmin = waitFor(ConfigurationAdmin.class);
    }

    /** Points the AWS clients at the simulator and waits until they use it. */
    public void useAws(TestAwsSimulator simulator, Map<String, Object> extra) {
        useAws(simulator.endpoint(), extra);
    }

    /** Points the AWS clients at an endpoint and waits until they use it. */
    public void useAws(URI endpoint, Map<String, Object> extra) {
        Hashtable<String, Object> properties = new Hashtable<>(extra);
        properties.put(AwsConfiguration.ENDPOINT, endpoint.toString());
        properties.putIfAbsent("callTimeoutMillis", 5_000L);
        configure(AwsConfiguration.PID, properties);
        awaitTrue("the AWS clients use " + endpoint + " with " + extra, () -> {
            AwsClients clients = tracker(AwsClients.class).getService();
            return clients != null && clients.settings().endpoint().equals(Optional.of(endpoint))
                    && clients.settings().callTimeout().toMillis() == ((Number) properties.get("callTimeoutMillis")).longValue()
                    && clients.settings().maxAttempts() == ((Number) properties.getOrDefault("maxAttempts", 3)).intValue();
        });
        if (dataDirectory != null) { // the services over the store follow the new clients
            waitFor(SignInService.class);
        }
    }

    public void useAuth(Map<String, Object> properties) {
        configure(AuthConfiguration.PID, new Hashtable<>(properties));
    }

    /**
     * Sessions and their keys expire by {@code clock} (the AWS simulator's, say) instead of the system's, until the
     * returned registration is closed: a test moves time instead of sleeping.
     */
    public AutoCloseable sessionsExpireBy(Clock clock) {
        ServiceRegistration<Clock> registration = context.registerService(Clock.class, clock,
                new Hashtable<>(Map.of(AuthConfiguration.CLOCK_PROPERTY, AuthConfiguration.SIGN_IN_CLOCK)));
        return registration::unregister;
    }

    /** Sets the configuration of a component, as a product does at start. */
    public void configure(String pid, Dictionary<String, Object> properties) {
        try {
            configAdmin.getConfiguration(pid, "?").update(properties);
        } catch (IOException e) {
            throw new IllegalStateException("ConfigAdmin refused " + pid, e);
        }
    }

    /**
     * The connectors trusting the {@link TestCertificates} authority, as every test that opens a
     * database needs them. Once per test run: configuring again would restart the connectors under
     * a running test.
     */
    public void trustTheTestAuthority() throws IOException, InterruptedException {
        synchronized (StratusServices.class) {
            String authority = TestCertificates.shared().authority().toString();
            configure(ConnectConfiguration.PID, new Hashtable<>(Map.of(ConnectConfiguration.TRUSTED_CERTIFICATES, authority)));
            awaitTrue("the connectors trust " + authority, () -> {
                try {
                    return Files.readString(currentService(DatabaseTrust.class).certificateAuthorities()).contains(authority);
                } catch (IOException | RuntimeException notYet) {
                    return false;
                }
            });
        }
    }

    /** A new, empty instance: a fresh store, so the next sign-in must go through setup. */
    public void freshInstance(String name) throws IOException {
        Files.createDirectories(WORK);
        dataDirectory = Files.createTempDirectory(WORK, name + "-");
        restartStore();
        // ConfigAdmin delivers changes asynchronously: until the services sit on the new, empty
        // store, a tracker can still hand out ones bound to the previous instance.
        awaitTrue("the services use the fresh, unconfigured store", () -> {
            Admission admission = tracker(Admission.class).getService();
            return admission != null && !admission.configured();
        });
    }

    /** Stops the services over the store and starts them again on the same data directory. */
    public void restartStore() throws IOException {
        stop();
        configAdmin.getConfiguration(StoreConfiguration.PID, "?")
                .update(new Hashtable<>(Map.of(StoreConfiguration.DATA_DIRECTORY, dataDirectory.toString())));
        waitFor(SignInService.class);
    }

    /** Takes the store and everything over it down, as when the server stops. */
    public void stop() throws IOException {
        Configuration store = configAdmin.getConfiguration(StoreConfiguration.PID, "?");
        if (store.getProperties() != null) {
            store.delete();
            // The store itself, not only a service over it: a service may be away for another reason
            // (a reconfiguration) while the old store is still registered.
            awaitTrue("the store and the services over it go away", () -> tracker(ConfigStore.class).getService() == null
                    && tracker(SignInService.class).getService() == null);
        }
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public SignInService signIn() {
        return waitFor(SignInService.class);
    }

    public UserAdministration admin() {
        return waitFor(UserAdministration.class);
    }

    public AwsClients aws() {
        return waitFor(AwsClients.class);
    }

    /** Temporary keys of an assumed role, as AWS would hand them out. */
    public AwsCredentials assumeRole(String roleArn, AwsCredentials as, String sessionName) {
        return temporary(aws().call(AwsKeys.of(as), AwsService.sts(), "AssumeRole", (sts, signedAs) -> sts.assumeRole(
                r -> r.roleArn(roleArn).roleSessionName(sessionName).overrideConfiguration(signedAs))).credentials());
    }

    public CloudExplorer explorer() {
        return waitFor(CloudExplorer.class);
    }

    /** Waits until the service of this type runs with this configuration property (DS publishes it). */
    public void awaitServiceProperty(Class<?> type, String property, Object value) {
        awaitTrue(type.getSimpleName() + " with " + property + " = " + value, () -> {
            var reference = tracker(type).getServiceReference();
            return reference != null && value.equals(reference.getProperty(property));
        });
    }

    /** Any service of the running components, once it is registered. */
    public <T> T service(Class<T> type) {
        return waitFor(type);
    }

    /** The database connector DS component that serves {@code engine}, once it is registered. */
    public DatabaseConnector connector(String engine) {
        ServiceTracker<DatabaseConnector, DatabaseConnector> connectors = tracker(DatabaseConnector.class);
        AtomicReference<DatabaseConnector> found = new AtomicReference<>();
        awaitTrue("a connector serves " + engine, () -> {
            Object[] all = connectors.getServices();
            found.set(all == null ? null : Arrays.stream(all).map(DatabaseConnector.class::cast)
                    .filter(c -> c.engines().contains(engine)).findFirst().orElse(null));
            return found.get() != null;
        });
        return found.get();
    }

    /** The service of the moment, or null while it is not registered. */
    public <T> T currentService(Class<T> type) {
        return tracker(type).getService();
    }

    /** Temporary keys from GetSessionToken for these long-term keys. */
    public AwsCredentials sessionToken(AwsCredentials as) {
        return temporary(aws().call(AwsKeys.of(as), AwsService.sts(), "GetSessionToken",
                (sts, signedAs) -> sts.getSessionToken(r -> r.overrideConfiguration(signedAs))).credentials());
    }

    private static AwsCredentials temporary(Credentials keys) {
        return new AwsCredentials(keys.accessKeyId(), Secret.of(keys.secretAccessKey()), Secret.of(keys.sessionToken()));
    }

    private <T> T waitFor(Class<T> type) {
        try {
            T service = tracker(type).waitForService(WAIT.toMillis());
            if (service == null) {
                throw new AssertionError(type.getSimpleName() + " did not appear within " + WAIT.toSeconds() + " s");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + type.getSimpleName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> ServiceTracker<T, T> tracker(Class<T> type) {
        return (ServiceTracker<T, T>) trackers.computeIfAbsent(type, t -> {
            ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
            tracker.open();
            return tracker;
        });
    }

    public static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }
}
