package io.stratus.connect.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.connect.DatabaseConnector;
import io.stratus.core.connect.DatabaseTrust;
import io.stratus.testing.StratusServices;
import io.stratus.testing.TestCertificates;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The connectors as the tests find them: the DS component of an engine, trusting the test authority. */
final class TestConnectors {

    private TestConnectors() {
    }

    /** Once per test run: configuring again would restart the connectors under a running test. */
    static synchronized void trustTheTestAuthority(StratusServices stratus) throws Exception {
        String authority = TestCertificates.shared().authority().toString();
        stratus.configure("io.stratus.connect", new Hashtable<>(Map.of("trustedCertificates", authority)));
        StratusServices.awaitTrue("the connectors trust " + authority, () -> {
            try {
                return Files.readString(stratus.currentService(DatabaseTrust.class).certificateAuthorities()).contains(authority);
            } catch (IOException | RuntimeException notYet) {
                return false;
            }
        });
    }

    static DatabaseConnector serving(String engine) throws InterruptedException {
        ServiceTracker<DatabaseConnector, DatabaseConnector> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(TestConnectors.class).getBundleContext(), DatabaseConnector.class, null);
        tracker.open();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            DatabaseConnector connector = Arrays.stream(tracker.getServices(new DatabaseConnector[0]))
                    .filter(c -> c.engines().contains(engine)).findFirst().orElse(null);
            if (connector != null) {
                return connector;
            }
            assertTrue(System.nanoTime() < deadline, "no DS component serves " + engine);
            Thread.sleep(50);
        }
    }
}
