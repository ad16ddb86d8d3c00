package io.stratus.bootstrap;

import io.stratus.core.StratusException;

import java.io.IOException;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Turns a front door's {@link Settings} into the services' ConfigAdmin configurations: the one
 * way the server, the desktop and the IDE plugins configure the same services.
 */
public interface Bootstrap {

    /**
     * Hands each service its whole configuration, the store's last, so the services that need
     * the store find theirs in place once it opens. In demo mode the AWS simulator starts first
     * and the services use it and a throw-away data directory instead.
     *
     * @throws StratusException when demo mode is asked for where the AWS simulator is not installed
     */
    Startup start(Settings settings) throws IOException;

    /**
     * The bootstrap service, for a front door that is not a DS component itself (an Eclipse
     * application); DS registers it as soon as ConfigAdmin is there.
     */
    static Bootstrap await(BundleContext context) throws InterruptedException {
        long waitMillis = 10_000;
        // Left open: the front door uses the service until it stops.
        ServiceTracker<Bootstrap, Bootstrap> tracker = new ServiceTracker<>(context, Bootstrap.class, null);
        tracker.open();
        Bootstrap bootstrap = tracker.waitForService(waitMillis);
        if (bootstrap == null) {
            throw new IllegalStateException("The Stratus bootstrap did not start within " + waitMillis
                    + " ms; are org.apache.felix.scr and org.apache.felix.configadmin in the product and started?");
        }
        return bootstrap;
    }
}
