package io.stratus.store.internal;

import io.stratus.core.StartupFailure;
import io.stratus.core.StratusException;
import io.stratus.core.store.ConfigStore;
import io.stratus.core.store.SharedCounts;
import io.stratus.store.StoreConfiguration;

import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store that the configuration {@value StoreConfiguration#PID} describes and only then
 * offers it as the ConfigStore service, with the SharedCounts on it. Nothing opens until that
 * configuration exists. A store that cannot be opened or trusted never becomes a ConfigStore
 * service, so setup can never begin again on an empty store: a {@link StartupFailure} service says
 * why instead, and the front door that started Stratus stops start-up with that message.
 * <p>
 * The component registers its services itself because DS registers a component's service before
 * activating it: a store failing to open would flash up as a service a consumer could bind to.
 * For the same reason no configuration property (the password among them) becomes a service
 * property.
 */
@Component(configurationPid = StoreConfiguration.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
public final class ConfigStoreComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigStoreComponent.class);

    private final JdbcConfigStore store;
    private final List<ServiceRegistration<?>> registrations;

    @Activate
    public ConfigStoreComponent(BundleContext context, Map<String, Object> properties) {
        JdbcConfigStore opened = null;
        List<ServiceRegistration<?>> registered;
        try {
            opened = new JdbcConfigStore(properties);
            registered = List.of(context.registerService(ConfigStore.class, opened, null),
                    context.registerService(SharedCounts.class, opened.sharedCounts(), null));
        } catch (StratusException e) {
            LOG.error(e.getMessage(), e);
            registered = List.of(context.registerService(StartupFailure.class, new StartupFailure(StoreConfiguration.PID,
                    e.getMessage()), null));
        }
        store = opened;
        registrations = registered;
    }

    @Deactivate
    void deactivate() {
        // Closed before it disappears: once the service is gone the database is closed, and a
        // restart (or a copy of the H2 file) may begin at once.
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            registrations.forEach(ServiceRegistration::unregister); // a store that failed to close must not stay registered either
        }
    }
}
