package io.stratus.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.testing.ManualClock;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.session.UserSession;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.function.Executable;

/**
 * The base of the sign-in and administration tests: one simulator per test class, seeded with
 * {@link TestAccounts}; a fresh, unconfigured instance for every test.
 */
public abstract class StratusTestBase {

    protected static final ManualClock AWS_CLOCK = ManualClock.startingNow();
    protected static TestAwsSimulator simulator;
    protected static StratusServices stratus;

    @BeforeAll
    protected static void startAws() {
        simulator = TestAwsSimulator.start(TestAccounts.SEED, AWS_CLOCK);
        stratus = new StratusServices();
        stratus.useAws(simulator, Map.of("maxAttempts", 3));
    }

    @AfterAll
    protected static void stopAws() {
        simulator.close();
    }

    @BeforeEach
    protected void freshInstance(TestInfo test) throws IOException {
        simulator.faults().clear();
        simulator.calls().clear();
        stratus.freshInstance(test.getTestMethod().map(m -> m.getName()).orElse("test"));
    }

    /** Alice configures the fresh instance and becomes its Administrator. */
    protected static UserSession setUpAsAlice() {
        return stratus.signIn().setUp(TestAccounts.alice());
    }

    protected static StratusException refused(Problem expected, Executable action) {
        StratusException e = assertThrows(StratusException.class, action);
        assertEquals(expected, e.problem(), e.getMessage());
        return e;
    }

    protected static void assertMentions(StratusException e, String... words) {
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), "'" + word + "' missing in: " + e.getMessage());
        }
    }

    /** Temporary keys of the Deployer role, which alice and canary may assume. */
    protected static AwsCredentials assumeDeployer(AwsCredentials as, String sessionName) {
        return stratus.assumeRole("arn:aws:iam::" + TestAccounts.ACCOUNT + ":role/" + TestAccounts.DEPLOYER_ROLE, as, sessionName);
    }

    /** A loopback URL where nothing listens: connections to it are refused. */
    protected static URI deadEndpoint() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    protected static UserSession signIn(AwsCredentials keys) {
        return stratus.signIn().signIn(keys);
    }
}
