package io.stratus.auth.tests;

import static io.stratus.testing.TestAccounts.mfaCode;
import static io.stratus.testing.TestAccounts.mfaSerial;
import static io.stratus.testing.TestAccounts.mfaUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.MfaCode;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.RoleToAssume;
import io.stratus.core.session.SignInRequest;
import io.stratus.core.session.UserSession;
import io.stratus.testing.TestAccounts;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Role chaining, as AWS profiles whose {@code source_profile} is a role profile ask for it: the keys assume
 * one role, its keys the next, and the person signs in as the last; MFA goes with the call of the role
 * that asks for it, and only the last role must belong to the instance's account.
 */
class RoleChainSignInTest extends io.stratus.testing.StratusTestBase {

    private static final String DEPLOYER_ARN = "arn:aws:iam::" + TestAccounts.ACCOUNT + ":role/" + TestAccounts.DEPLOYER_ROLE;

    private static RoleToAssume role(String arn) {
        return new RoleToAssume(arn, Optional.empty(), Optional.empty());
    }

    @Test
    void aChainAssumesEachRoleWithThePreviousRolesKeysAndSignsInAsTheLast() {
        setUpAsAlice();
        simulator.calls().clear();
        AwsCredentials typed = TestAccounts.alice();

        UserSession session = stratus.signIn().signIn(SignInRequest.withKeys(typed)
                .assuming(role(DEPLOYER_ARN)).assuming(role(TestAccounts.CHAINED_ROLE_ARN)));

        assertEquals("arn:aws:sts::" + TestAccounts.ACCOUNT + ":assumed-role/Chained/alice", session.identity().arn());
        List<String> assumedBy = simulator.calls().all().stream().filter(call -> call.action().equals("sts:AssumeRole"))
                .map(call -> call.principalArn()).toList();
        assertEquals(List.of("arn:aws:iam::" + TestAccounts.ACCOUNT + ":user/dba/alice",
                "arn:aws:sts::" + TestAccounts.ACCOUNT + ":assumed-role/Deployer/alice"), assumedBy,
                "the second role is assumed with the first role's keys");
        assertTrue(typed.secretAccessKey().isCleared(), "the typed keys served the first call only");
    }

    @Test
    void withoutTheChainTheLastRoleDoesNotTrustThePerson() {
        setUpAsAlice();
        StratusException e = refused(Problem.FORBIDDEN, () -> stratus.signIn().signIn(
                SignInRequest.withKeys(TestAccounts.alice()).assuming(role(TestAccounts.CHAINED_ROLE_ARN))));
        assertMentions(e, "did not let you assume the role " + TestAccounts.CHAINED_ROLE_ARN);
    }

    @Test
    void theMfaCodeGoesWithTheRoleThatAsksForItAndTheSessionNameIsKept() {
        setUpAsAlice();
        MfaCode code = new MfaCode(Optional.of(mfaSerial(7)), Secret.of(mfaCode(7, simulator.now())));
        AwsCredentials typed = mfaUser(7);
        SignInRequest request = SignInRequest.withKeys(typed).withMfa(code)
                .assuming(new RoleToAssume(TestAccounts.GUARDED_ROLE_ARN, Optional.of(TestAccounts.GUARDED_EXTERNAL_ID),
                        Optional.empty()))
                .assuming(new RoleToAssume(TestAccounts.CHAINED_ROLE_ARN, Optional.empty(), Optional.empty(),
                        Optional.of("mfa7-laptop")));
        assertTrue(request.mfa().isEmpty(), "the code belongs to the first call, not the last");

        UserSession session = stratus.signIn().signIn(request);

        assertEquals("arn:aws:sts::" + TestAccounts.ACCOUNT + ":assumed-role/Chained/mfa7-laptop", session.identity().arn());
        assertTrue(code.code().isCleared() && typed.secretAccessKey().isCleared());
    }

    @Test
    void aWrongCodeOnTheWayStopsTheChainAndWipesEverything() {
        setUpAsAlice();
        String wrong = mfaCode(7, simulator.now()).equals("000000") ? "000001" : "000000";
        MfaCode code = new MfaCode(Optional.of(mfaSerial(7)), Secret.of(wrong));
        AwsCredentials typed = mfaUser(7);
        StratusException e = refused(Problem.NOT_SIGNED_IN, () -> stratus.signIn().signIn(SignInRequest.withKeys(typed)
                .withMfa(code)
                .assuming(new RoleToAssume(TestAccounts.GUARDED_ROLE_ARN, Optional.of(TestAccounts.GUARDED_EXTERNAL_ID),
                        Optional.empty()))
                .assuming(role(TestAccounts.CHAINED_ROLE_ARN))));
        assertMentions(e, "did not accept the MFA code");
        assertFalse(e.getMessage().contains(wrong));
        assertEquals(1, simulator.calls().count("sts:AssumeRole"), "the chain stops at the refused call");
        assertTrue(code.code().isCleared() && typed.secretAccessKey().isCleared());
    }

    @Test
    void onlyTheLastRoleMustBelongToTheInstancesAccount() {
        setUpAsAlice();
        simulator.calls().clear();
        AwsCredentials typed = TestAccounts.alice();
        StratusException e = refused(Problem.FORBIDDEN, () -> stratus.signIn().signIn(SignInRequest.withKeys(typed)
                .assuming(role(DEPLOYER_ARN)).assuming(role(TestAccounts.FOREIGN_ROLE_ARN))));
        assertMentions(e, TestAccounts.OTHER_ACCOUNT, "not to the account this Stratus instance is bound to");
        // Only STS would be asked (the setup's background read of the account's alias may still be under way).
        assertEquals(0, simulator.calls().count("sts:*"), "refused before asking AWS");
        assertTrue(typed.secretAccessKey().isCleared());
    }
}
