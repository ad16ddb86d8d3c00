package io.stratus.store.internal;

import io.stratus.store.ConfigStore;

import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Opens the store that the configuration {@value StoreSettings#PID} describes and only then
 * offers it as the ConfigStore service. Nothing opens until that configuration exists; a store
 * that cannot be trusted makes activation throw (SCR logs the operator message) and no service
 * appears, so setup can never begin again on an empty store.
 * <p>
 * The component registers the service itself because DS registers a component's service before
 * activating it: a store failing to open would flash up as a service a consumer could bind to.
 * For the same reason no configuration property (the password among them) becomes a service
 * property.
 */
@Component(configurationPid = StoreSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
public final class ConfigStoreComponent {

    private final JdbcConfigStore store;
    private final ServiceRegistration<ConfigStore> registration;

    @Activate
    public ConfigStoreComponent(BundleContext context, Map<String, Object> properties) {
        store = new JdbcConfigStore(properties);
        registration = context.registerService(ConfigStore.class, store, null);
    }

    @Deactivate
    void deactivate() {
        // Closed before it disappears: once the service is gone the database is closed, and a
        // restart (or a copy of the H2 file) may begin at once.
        try {
            store.close();
        } finally {
            registration.unregister(); // a store that failed to close must not stay registered either
        }
    }
}
