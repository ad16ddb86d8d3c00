package io.stratus.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.AwsSimulator;
import io.stratus.aws.simulator.ManualClock;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.session.UserSession;
import io.stratus.testing.StratusServices;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.function.Executable;

/** One simulator per test class; a fresh, unconfigured instance for every test. */
abstract class StratusTestBase {

    static final ManualClock AWS_CLOCK = ManualClock.startingNow();
    static AwsSimulator simulator;
    static StratusServices stratus;

    @BeforeAll
    static void startAws() {
        simulator = AwsSimulator.builder(Keys.SEED).clock(AWS_CLOCK).start();
        stratus = new StratusServices();
        stratus.useAws(simulator, Map.of("maxAttempts", 3));
    }

    @AfterAll
    static void stopAws() {
        simulator.close();
    }

    @BeforeEach
    void freshInstance(TestInfo test) throws IOException {
        simulator.faults().clear();
        simulator.calls().clear();
        stratus.freshInstance(test.getTestMethod().map(m -> m.getName()).orElse("test"));
    }

    /** Alice configures the fresh instance and becomes its Administrator. */
    static UserSession setUpAsAlice() {
        return stratus.signIn().setUp(Keys.alice());
    }

    static StratusException refused(Problem expected, Executable action) {
        StratusException e = assertThrows(StratusException.class, action);
        assertEquals(expected, e.problem(), e.getMessage());
        return e;
    }

    static void assertMentions(StratusException e, String... words) {
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), "'" + word + "' missing in: " + e.getMessage());
        }
    }

    /** Temporary keys of the Deployer role, which alice and canary may assume. */
    static AwsCredentials assumeDeployer(AwsCredentials as, String sessionName) {
        return stratus.assumeRole("arn:aws:iam::" + Keys.ACCOUNT + ":role/" + Keys.DEPLOYER_ROLE, as, sessionName);
    }

    /** A loopback URL where nothing listens: connections to it are refused. */
    static URI deadEndpoint() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    static UserSession signIn(AwsCredentials keys) {
        return stratus.signIn().signIn(keys);
    }
}
