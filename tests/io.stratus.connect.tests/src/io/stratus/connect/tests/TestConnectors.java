package io.stratus.connect.tests;

import io.stratus.connect.ConnectConfiguration;
import io.stratus.core.connect.DatabaseTrust;
import io.stratus.testing.StratusServices;
import io.stratus.testing.TestCertificates;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Hashtable;
import java.util.Map;

/** The connectors trusting the test authority, as every connector test needs them. */
final class TestConnectors {

    private TestConnectors() {
    }

    /** Once per test run: configuring again would restart the connectors under a running test. */
    static synchronized void trustTheTestAuthority(StratusServices stratus) throws Exception {
        String authority = TestCertificates.shared().authority().toString();
        stratus.configure(ConnectConfiguration.PID, new Hashtable<>(Map.of(ConnectConfiguration.TRUSTED_CERTIFICATES, authority)));
        StratusServices.awaitTrue("the connectors trust " + authority, () -> {
            try {
                return Files.readString(stratus.currentService(DatabaseTrust.class).certificateAuthorities()).contains(authority);
            } catch (IOException | RuntimeException notYet) {
                return false;
            }
        });
    }
}
