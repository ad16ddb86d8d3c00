package io.stratus.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.stratus.core.StartupFailure;
import io.stratus.core.store.ConfigStore;
import io.stratus.core.store.SharedCounts;
import io.stratus.store.StoreConfiguration;

import java.io.IOException;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The store as Stratus gets it: a ConfigAdmin configuration for the PID {@code io.stratus.store},
 * then whatever Declarative Services makes of it, the ConfigStore service or a StartupFailure.
 */
final class StoreRuntime {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String FILTER = "(objectClass=" + ConfigStore.class.getName() + ")";

    private final Bundle storeBundle = FrameworkUtil.getBundle(JdbcConfigStore.class);
    private final BundleContext context;
    private final ConfigurationAdmin configurationAdmin;
    private final ServiceComponentRuntime scr;

    StoreRuntime() {
        try {
            storeBundle.start(Bundle.START_TRANSIENT); // lazy otherwise; SCR reads components of started bundles
        } catch (BundleException e) {
            throw new IllegalStateException(e);
        }
        context = storeBundle.getBundleContext();
        configurationAdmin = service(ConfigurationAdmin.class);
        scr = service(ServiceComponentRuntime.class);
    }

    /** Configures the store (replacing any earlier configuration) and returns its service. */
    ConfigStore open(Map<String, Object> properties) {
        configure(properties);
        awaitComponent(c -> c.state == ComponentConfigurationDTO.ACTIVE);
        ServiceReference<StartupFailure> failure = context.getServiceReference(StartupFailure.class);
        if (failure != null) {
            fail("The store did not open: " + context.getService(failure).message());
        }
        ServiceReference<ConfigStore> reference = context.getServiceReference(ConfigStore.class);
        assertNotNull(reference, "an active store component provides the ConfigStore service");
        return context.getService(reference);
    }

    /** The counts shared through the store that {@link #open} opened, as a node on it gets them. */
    SharedCounts sharedCounts() {
        ServiceReference<SharedCounts> reference = context.getServiceReference(SharedCounts.class);
        assertNotNull(reference, "an open store offers SharedCounts too");
        return context.getService(reference);
    }

    /**
     * Configures a store that must not open; checks that no ConfigStore service appeared, not even
     * for a moment, and returns the message of the StartupFailure service the component offers
     * instead.
     */
    String openExpectingFailure(Map<String, Object> properties) {
        List<ServiceEvent> registrations = new CopyOnWriteArrayList<>();
        ServiceListener listener = event -> {
            if (event.getType() == ServiceEvent.REGISTERED) {
                registrations.add(event);
            }
        };
        try {
            context.addServiceListener(listener, FILTER);
            configure(properties);
            awaitComponent(c -> c.state == ComponentConfigurationDTO.ACTIVE);
            assertEquals(List.of(), registrations, "no ConfigStore service may appear");
            assertEquals(null, context.getServiceReference(ConfigStore.class));
            ServiceReference<StartupFailure> failure = context.getServiceReference(StartupFailure.class);
            assertNotNull(failure, "the store must not open, and a StartupFailure service says why");
            StartupFailure reported = context.getService(failure);
            assertEquals(StoreConfiguration.PID, reported.service());
            return reported.message();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } finally {
            context.removeServiceListener(listener);
        }
    }

    /** The registered ConfigStore service, to look at its properties. */
    ServiceReference<ConfigStore> reference() {
        return context.getServiceReference(ConfigStore.class);
    }

    /** Deletes the configuration and waits until the component has closed the store (it does before the service goes). */
    void shutDown() {
        try {
            Configuration[] existing = configurationAdmin.listConfigurations("(service.pid=" + StoreConfiguration.PID + ")");
            if (existing == null) {
                return;
            }
            for (Configuration configuration : existing) {
                configuration.delete();
            }
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!scr.getComponentConfigurationDTOs(description()).isEmpty() || reference() != null) {
            if (System.nanoTime() > deadline) {
                fail("The store component did not stop within " + TIMEOUT);
            }
            pause();
        }
    }

    /** Stops the store and opens it again on the same database, as a restart of Stratus would. */
    ConfigStore restart(Map<String, Object> properties) {
        shutDown();
        return open(properties);
    }

    private void configure(Map<String, Object> properties) {
        shutDown(); // a store open on other properties would answer for the new ones
        try {
            // "?": a multi-location binding, so the store bundle receives it whatever its location
            configurationAdmin.getConfiguration(StoreConfiguration.PID, "?").update(new Hashtable<>(properties));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ComponentConfigurationDTO awaitComponent(Predicate<ComponentConfigurationDTO> reached) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ComponentConfigurationDTO> match = scr.getComponentConfigurationDTOs(description()).stream()
                    .filter(reached).findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            pause();
        }
        return fail("The store component did not settle within " + TIMEOUT + ": "
                + scr.getComponentConfigurationDTOs(description()).stream().map(c -> "state " + c.state).toList());
    }

    private ComponentDescriptionDTO description() {
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTO(storeBundle, ConfigStoreComponent.class.getName());
        assertTrue(description != null, "SCR knows the store component");
        return description;
    }

    private <S> S service(Class<S> type) {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            assertNotNull(tracker.waitForService(TIMEOUT.toMillis()), type.getSimpleName() + " is running");
            return context.getService(tracker.getServiceReference());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            tracker.close();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
