package io.stratus.ui.tests;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.connect.ConnectConfiguration;
import io.stratus.core.admin.UserAdministration;
import io.stratus.core.admin.UserView;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.Admission;
import io.stratus.core.session.SignInService;
import io.stratus.core.session.UserSession;
import io.stratus.store.StoreConfiguration;
import io.stratus.testing.TestCertificates;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The desktop's services as the database editors' tests set them up, as an operator or an
 * Administrator would: the connectors trusting the test servers' authority, a person's roles.
 */
final class DesktopServices {

    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(30);

    private DesktopServices() {
    }

    /** A service of the desktop, waiting a while for it to start. */
    static <T> T service(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        try {
            T found = tracker.waitForService(SERVICE_TIMEOUT.toMillis());
            if (found == null) {
                throw new AssertionError("No " + type.getName() + " service after " + SERVICE_TIMEOUT.toSeconds() + " s");
            }
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            tracker.close();
        }
    }

    /**
     * Makes the connectors trust the test servers' certificate authority (their TLS certificates come
     * from it), waiting until they do; closing puts the connections' settings back and waits for that
     * too (the database service restarts with them, closing the databases open then).
     */
    static AutoCloseable trustTheTestAuthority() throws Exception {
        String authority = TestCertificates.shared().authority().toString();
        Configuration connect = connectConfiguration();
        Dictionary<String, Object> before = connect.getProperties();
        Hashtable<String, Object> trusting = new Hashtable<>();
        if (before != null) {
            Collections.list(before.keys()).forEach(key -> trusting.put(key, before.get(key)));
        }
        trusting.put(ConnectConfiguration.TRUSTED_CERTIFICATES, authority);
        connect.update(trusting);
        DemoDesktop.awaitTrust(Path.of(authority), true);
        return () -> {
            if (before == null) {
                connectConfiguration().delete();
            } else {
                connectConfiguration().update(before);
            }
            if (before == null || !authority.equals(before.get(ConnectConfiguration.TRUSTED_CERTIFICATES))) {
                DemoDesktop.awaitTrust(Path.of(authority), false);
            }
        };
    }

    /**
     * Gives a person of the demo account these roles alone, as an Administrator (ada) would; returns
     * the roles they had. They get their Stratus user by signing in here first.
     */
    static Set<String> setRoles(String name, Set<String> roles) {
        SignInService signIn = service(SignInService.class);
        Seed.AccessKey key = DemoDesktop.keyOf(name);
        signIn.signOut(signIn.signIn(new AwsCredentials(key.id(), Secret.of(key.secret()), null)).id());
        Seed.AccessKey adaKey = DemoDesktop.keyOf("ada");
        UserSession ada = signIn.signIn(new AwsCredentials(adaKey.id(), Secret.of(adaKey.secret()), null));
        try {
            UserAdministration administration = service(UserAdministration.class);
            UserView user = administration.users(ada).stream().filter(candidate -> candidate.displayName().equals(name))
                    .findFirst().orElseThrow();
            administration.setRoles(ada, user.principalId(), roles);
            return user.roleIds();
        } finally {
            signIn.signOut(ada.id());
        }
    }

    /**
     * Moves the services onto an empty store in {@code directory}, waiting until they see an unconfigured instance,
     * as on a desktop nobody has set up; closing puts the demo's store back and waits until the services see it set
     * up again. Sessions end with either move.
     */
    static AutoCloseable freshStore(Path directory) throws Exception {
        Configuration store = storeConfiguration();
        Dictionary<String, Object> before = store.getProperties();
        Hashtable<String, Object> fresh = new Hashtable<>();
        Collections.list(before.keys()).forEach(key -> fresh.put(key, before.get(key)));
        fresh.put(StoreConfiguration.DATA_DIRECTORY, directory.toString());
        store.update(fresh);
        awaitConfigured(false);
        return () -> {
            storeConfiguration().update(before);
            awaitConfigured(true);
        };
    }

    private static void awaitConfigured(boolean configured) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Admission admission = service(Admission.class);
            try {
                if (admission != null && admission.configured() == configured) {
                    return;
                }
            } catch (RuntimeException e) {
                // the store is being replaced
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the services did not see " + (configured ? "a set-up" : "an unconfigured") + " instance");
    }

    private static Configuration storeConfiguration() throws IOException {
        BundleContext context = context();
        return context.getService(context.getServiceReference(ConfigurationAdmin.class))
                .getConfiguration(StoreConfiguration.PID, "?");
    }

    /** The configuration of the database connections (ConfigAdmin is a service factory: it stays got while used). */
    private static Configuration connectConfiguration() throws IOException {
        BundleContext context = context();
        return context.getService(context.getServiceReference(ConfigurationAdmin.class))
                .getConfiguration(ConnectConfiguration.PID, "?");
    }

    private static BundleContext context() {
        return FrameworkUtil.getBundle(DesktopServices.class).getBundleContext();
    }
}
