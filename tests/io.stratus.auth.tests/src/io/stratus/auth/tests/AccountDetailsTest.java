package io.stratus.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.testing.Fault;
import io.stratus.core.identity.AccountDetails;
import io.stratus.core.session.UserSession;
import io.stratus.testing.StratusServices;
import io.stratus.testing.StratusTestBase;
import io.stratus.testing.TestAccounts;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The account alias and organization: shown when IAM allows, silently left out otherwise. */
class AccountDetailsTest extends StratusTestBase {

    @Test
    void aliasAndOrganizationAreReadWithThePersonsOwnKeys() {
        UserSession alice = setUpAsAlice();
        StratusServices.awaitTrue("the account details arrive", () -> alice.accountDetails().alias().isPresent()
                && alice.accountDetails().organizationId().isPresent());
        AccountDetails details = alice.accountDetails();
        assertEquals(Optional.of(TestAccounts.ALIAS), details.alias());
        assertEquals(Optional.of(TestAccounts.ORGANIZATION), details.organizationId());
        assertEquals(Optional.of(TestAccounts.ACCOUNT), details.organizationMasterAccountId());
    }

    @Test
    void accessDeniedLeavesThemOutAndNeverBlocksSignIn() {
        setUpAsAlice();
        UserSession dave = signIn(TestAccounts.dave()); // denied iam:ListAccountAliases and organizations:*
        StratusServices.awaitTrue("both lookups were answered", () ->
                simulator.calls().count("iam:ListAccountAliases") >= 2 && simulator.calls().count("organizations:*") >= 2);
        assertEquals(AccountDetails.NONE, dave.accountDetails());
    }

    @Test
    void slowOrFailingLookupsDoNotDelaySignIn() {
        setUpAsAlice();
        simulator.faults().latency("iam:*", Duration.ofSeconds(3)).failNext(5, Fault.INTERNAL_ERROR, "organizations:*");
        long started = System.nanoTime();
        UserSession alice = signIn(TestAccounts.alice());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 2_500, "sign-in waited " + millis + " ms for optional details");
        assertTrue(alice.accountDetails().alias().isEmpty(), "not there yet");
    }
}
