package io.stratus.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.session.SessionEnd;
import io.stratus.core.session.UserSession;
import io.stratus.testing.StratusServices;
import io.stratus.testing.StratusTestBase;
import io.stratus.testing.TestAccounts;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


/** Sessions end when idle and at their absolute limit (keys that expire do not end them: see KeysRenewalTest). */
class SessionLifetimeTest extends StratusTestBase {

    private static final long IDLE_SECONDS = 2;
    private static final long ABSOLUTE_SECONDS = 4;

    @BeforeAll
    static void shortSessions() {
        stratus.useAuth(Map.of("idleTimeoutSeconds", IDLE_SECONDS, "absoluteTimeoutSeconds", ABSOLUTE_SECONDS));
    }

    @AfterAll
    static void defaultSessions() {
        stratus.useAuth(Map.of());
    }

    @Test
    void anIdleSessionEndsAndItsKeysAreWiped() throws InterruptedException {
        setUpAsAlice();
        AwsCredentials bob = TestAccounts.bob();
        UserSession session = signIn(bob);
        assertEquals(ABSOLUTE_SECONDS, Duration.between(session.signedInAt(), session.expiresAt()).toSeconds(),
                "the short-session settings are in force");
        StratusServices.awaitTrue("the idle session is swept", () -> bob.secretAccessKey().isCleared());
        assertTrue(stratus.signIn().find(session.id()).isEmpty());
        assertEquals(Optional.of(SessionEnd.IDLE), session.ended());
    }

    @Test
    void aBusySessionStillEndsAtItsAbsoluteLimit() throws InterruptedException {
        setUpAsAlice();
        UserSession session = signIn(TestAccounts.bob());
        long deadline = System.nanoTime() + Duration.ofSeconds(ABSOLUTE_SECONDS + 3).toNanos();
        while (stratus.signIn().find(session.id()).isPresent()) { // each find counts as use
            assertTrue(System.nanoTime() < deadline, "the session outlived its absolute timeout");
            Thread.sleep(250);
        }
        assertFalse(java.time.Instant.now().isBefore(session.expiresAt()), "it did not end before its time either");
        assertEquals(Optional.of(SessionEnd.TIMED_OUT), session.ended());
    }

    @Test
    void aSignedOutSessionSaysSo() {
        setUpAsAlice();
        UserSession session = signIn(TestAccounts.bob());
        assertEquals(Optional.empty(), session.ended(), "a live session has not ended");
        stratus.signIn().signOut(session.id());
        assertEquals(Optional.of(SessionEnd.SIGNED_OUT), session.ended());
    }
}
