package io.stratus.bootstrap.internal;

import io.stratus.auth.AuthConfiguration;
import io.stratus.aws.AwsConfiguration;
import io.stratus.bootstrap.Bootstrap;
import io.stratus.bootstrap.Settings;
import io.stratus.bootstrap.Startup;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.explorer.ExplorerConfiguration;
import io.stratus.store.StoreConfiguration;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Configures the services through ConfigAdmin, which keeps configurations in memory only (see
 * the products' config.ini): each run's settings replace the whole configuration of every service.
 */
@Component(service = Bootstrap.class)
public final class ConfigAdminBootstrap implements Bootstrap {

    private final ConfigurationAdmin configAdmin;
    private final BundleContext context;

    @Activate
    public ConfigAdminBootstrap(@Reference ConfigurationAdmin configAdmin, BundleContext context) {
        this.configAdmin = configAdmin;
        this.context = context;
    }

    @Override
    public Startup start(Settings settings) throws IOException {
        DemoMode demo = settings.demo() ? startDemo(settings) : null;
        try {
            configure(servicesOf(settings, demo));
        } catch (IOException | RuntimeException e) {
            if (demo != null) {
                demo.close();
            }
            throw e;
        }
        ConfiguredStartup startup = new ConfiguredStartup(context, settings, demo,
                changed -> reconfigure(changed, demo));
        startup.register();
        return startup;
    }

    /** The services a run's settings configure: in demo mode on the simulator. */
    private static Map<String, Hashtable<String, Object>> servicesOf(Settings settings, DemoMode demo) {
        return demo == null ? settings.services() : onTheSimulator(settings.services(), demo);
    }

    /** Hands the services the configurations of changed settings; the store's must stay as it is. */
    private void reconfigure(Settings changed, DemoMode demo) throws IOException {
        Map<String, Hashtable<String, Object>> next = new LinkedHashMap<>(servicesOf(changed, demo));
        if (!same(configAdmin.getConfiguration(StoreConfiguration.PID, "?").getProperties(),
                next.remove(StoreConfiguration.PID))) {
            throw new StratusException(Problem.INVALID_INPUT, "The store's settings (store.url, store.user, "
                    + "store.password) apply when Stratus starts next; the store stays as it is until then.");
        }
        for (Map.Entry<String, Hashtable<String, Object>> service : next.entrySet()) {
            updateIfChanged(service.getKey(), service.getValue());
        }
    }

    /** Equal configurations, ignoring what ConfigAdmin adds (service.pid); list settings are arrays, compared by content. */
    private static boolean same(Dictionary<String, Object> current, Hashtable<String, Object> wanted) {
        if (current == null) {
            return false;
        }
        Set<String> keys = new HashSet<>(Collections.list(current.keys()));
        keys.removeIf(key -> key.startsWith("service.") || key.startsWith("felix."));
        return keys.equals(wanted.keySet()) && keys.stream().allMatch(key -> Objects.deepEquals(current.get(key), wanted.get(key)));
    }

    private static DemoMode startDemo(Settings settings) throws IOException {
        try {
            return DemoMode.start(settings.demoSeed());
        } catch (NoClassDefFoundError missing) {
            throw new StratusException(Problem.INVALID_INPUT, Settings.DEMO_FLAG + " needs the AWS simulator bundle "
                    + "(io.stratus.aws.simulator), which only the server and desktop products ship; start one of them.");
        }
    }

    /** Demo mode points the services at its own AWS and data instead. */
    private static Map<String, Hashtable<String, Object>> onTheSimulator(Map<String, Hashtable<String, Object>> services,
            DemoMode demo) {
        Map<String, Hashtable<String, Object>> onTheSimulator = new LinkedHashMap<>(services);
        onTheSimulator.put(AwsConfiguration.PID, new Hashtable<>(Map.of(AwsConfiguration.ENDPOINT,
                demo.awsEndpoint().toString(), AwsConfiguration.REGION, DemoMode.REGION)));
        Map<String, String> portal = demo.identityCenterPortal();
        if (!portal.isEmpty()) { // its portal is the simulator's: people need not type it
            Hashtable<String, Object> auth = new Hashtable<>(services.getOrDefault(AuthConfiguration.PID, new Hashtable<>()));
            auth.putAll(portal);
            onTheSimulator.put(AuthConfiguration.PID, auth);
        }
        onTheSimulator.put(ExplorerConfiguration.PID, new Hashtable<>(Map.of(ExplorerConfiguration.REGIONS,
                DemoMode.REGIONS.toArray(String[]::new))));
        onTheSimulator.put(StoreConfiguration.PID, new Hashtable<>(Map.of(StoreConfiguration.DATA_DIRECTORY,
                demo.dataDirectory().toString())));
        return onTheSimulator;
    }

    /** The store comes last: once it opens, the services that need it start with theirs in place. */
    private void configure(Map<String, Hashtable<String, Object>> services) throws IOException {
        Map<String, Hashtable<String, Object>> storeLast = new LinkedHashMap<>(services);
        storeLast.put(StoreConfiguration.PID, storeLast.remove(StoreConfiguration.PID));
        for (Map.Entry<String, Hashtable<String, Object>> service : storeLast.entrySet()) {
            updateIfChanged(service.getKey(), service.getValue());
        }
    }

    /**
     * A configuration that already holds these values (an IDE's ConfigAdmin keeps them between
     * runs, and a change may touch one service only) is left alone: an update restarts its service,
     * and a service restarting while others bind to it makes DS fail them.
     */
    private void updateIfChanged(String pid, Hashtable<String, Object> wanted) throws IOException {
        Configuration configuration = configAdmin.getConfiguration(pid, "?");
        if (!same(configuration.getProperties(), wanted)) {
            configuration.update(wanted);
        }
    }
}
