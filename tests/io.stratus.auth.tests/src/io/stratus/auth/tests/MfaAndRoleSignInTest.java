package io.stratus.auth.tests;

import static io.stratus.testing.TestAccounts.mfaCode;
import static io.stratus.testing.TestAccounts.mfaSerial;
import static io.stratus.testing.TestAccounts.mfaUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.AwsService;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.MfaCode;
import io.stratus.core.identity.PrincipalType;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.RoleToAssume;
import io.stratus.core.session.SignInRequest;
import io.stratus.core.session.UserSession;
import io.stratus.testing.TestAccounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Signing in with an MFA code (STS GetSessionToken) and as an assumed role (STS AssumeRole), against
 * the AWS simulator: what works, what each refusal says, and that the typed keys and the code are
 * wiped once they served.
 */
class MfaAndRoleSignInTest extends io.stratus.testing.StratusTestBase {

    private static final String DEPLOYER_ARN = "arn:aws:iam::" + TestAccounts.ACCOUNT + ":role/" + TestAccounts.DEPLOYER_ROLE;

    private static String codeNow(int user) {
        return mfaCode(user, simulator.now());
    }

    private static MfaCode mfa(Optional<String> serial, String code) {
        return new MfaCode(serial, Secret.of(code));
    }

    /** So that the background read of the account's alias is not counted among the calls a test makes. */
    private static void setUpAsAliceAndWaitForHerAccountDetails() {
        setUpAsAlice().accountDetailsRead().toCompletableFuture().join();
    }

    private static UserSession signIn(SignInRequest request) {
        return stratus.signIn().signIn(request);
    }

    @Test
    void anMfaSignInGetsTemporaryKeysThatCarryTheMfaAndWipesTheTypedOnes() {
        setUpAsAlice();
        simulator.calls().clear();
        AwsCredentials typed = mfaUser(1);
        MfaCode code = mfa(Optional.of(mfaSerial(1)), codeNow(1));

        UserSession session = signIn(SignInRequest.withKeys(typed).withMfa(code));

        assertEquals("arn:aws:iam::" + TestAccounts.ACCOUNT + ":user/mfa1", session.identity().arn());
        assertEquals(1, simulator.calls().count("sts:GetSessionToken"));
        assertTrue(typed.secretAccessKey().isCleared(), "the long-term keys served GetSessionToken only");
        assertTrue(code.code().isCleared(), "the code is wiped once used");
        Instant keysExpire = session.keysExpireAt().orElseThrow();
        assertTrue(Duration.between(simulator.now(), keysExpire).compareTo(Duration.ofHours(11)) > 0, "12 h keys");
        assertTrue(session.expiresAt().isAfter(keysExpire), "the session outlives its keys: it waits for new ones");
        // The session signs with the keys STS issued, not the typed ones.
        stratus.aws().call(session.awsKeys(), AwsService.sts(), "GetCallerIdentity",
                (sts, signedAs) -> sts.getCallerIdentity(r -> r.overrideConfiguration(signedAs)));
        assertTrue(simulator.calls().all().stream().filter(call -> call.action().equals("sts:GetCallerIdentity"))
                .allMatch(call -> call.accessKeyId().startsWith("ASIA")), "only the temporary keys sign after the exchange");
    }

    @Test
    void withoutASerialTheDeviceIsFoundWithListMfaDevices() {
        setUpAsAlice();
        UserSession session = signIn(SignInRequest.withKeys(mfaUser(2)).withMfa(mfa(Optional.empty(), codeNow(2))));

        assertEquals("mfa2", session.identity().displayName());
        assertEquals(1, simulator.calls().count("iam:ListMFADevices"));
    }

    @Test
    void withoutListMfaDevicesPermissionATypedSerialStillWorks() {
        setUpAsAlice();
        int user = TestAccounts.MFA_USERS; // IAM denies this one iam:ListMFADevices
        StratusException e = refused(Problem.INVALID_INPUT,
                () -> signIn(SignInRequest.withKeys(mfaUser(user)).withMfa(mfa(Optional.empty(), codeNow(user)))));
        assertMentions(e, "iam:ListMFADevices", "type its serial number");
        assertEquals(0, simulator.calls().count("sts:GetSessionToken"), "the code is not spent on a failed look-up");

        UserSession session = signIn(SignInRequest.withKeys(mfaUser(user)).withMfa(mfa(Optional.of(mfaSerial(user)),
                codeNow(user))));
        assertEquals("mfa" + user, session.identity().displayName());
    }

    @Test
    void aWrongCodeSaysSoAndWipesEverything() {
        setUpAsAlice();
        String wrong = codeNow(3).equals("000000") ? "000001" : "000000";
        AwsCredentials typed = mfaUser(3);
        MfaCode code = mfa(Optional.of(mfaSerial(3)), wrong);
        StratusException e = refused(Problem.NOT_SIGNED_IN, () -> signIn(SignInRequest.withKeys(typed).withMfa(code)));
        assertMentions(e, "did not accept the MFA code", "used before");
        assertFalse(e.getMessage().contains(wrong), "the message does not repeat the code");
        assertTrue(typed.secretAccessKey().isCleared() && code.code().isCleared());
    }

    @Test
    void aReusedCodeIsRefused() {
        setUpAsAlice();
        String code = codeNow(4);
        UserSession first = signIn(SignInRequest.withKeys(mfaUser(4)).withMfa(mfa(Optional.of(mfaSerial(4)), code)));
        stratus.signIn().signOut(first.id());

        StratusException e = refused(Problem.NOT_SIGNED_IN,
                () -> signIn(SignInRequest.withKeys(mfaUser(4)).withMfa(mfa(Optional.of(mfaSerial(4)), code))));
        assertMentions(e, "did not accept the MFA code", "each code works once");
    }

    @Test
    void malformedMfaInputIsRefusedWithoutAskingAws() {
        setUpAsAliceAndWaitForHerAccountDetails();
        simulator.calls().clear();
        assertMentions(refused(Problem.INVALID_INPUT, () -> signIn(SignInRequest.withKeys(mfaUser(5))
                .withMfa(mfa(Optional.empty(), "12345")))), "6 digits");
        assertMentions(refused(Problem.INVALID_INPUT, () -> signIn(SignInRequest.withKeys(mfaUser(5))
                .withMfa(mfa(Optional.of("my phone"), "123456")))), "serial number is not valid");
        assertMentions(refused(Problem.INVALID_INPUT, () -> new RoleToAssume("arn:aws:iam::123:role/x", Optional.empty(),
                Optional.empty())), "not an IAM role ARN");
        assertEquals(0, simulator.calls().count("*"));
    }

    @Test
    void anAssumedRoleSignsInAsTheRoleWithTheUsersName() {
        setUpAsAlice();
        AwsCredentials typed = TestAccounts.alice();
        UserSession session = signIn(SignInRequest.withKeys(typed).assuming(
                new RoleToAssume(DEPLOYER_ARN, Optional.empty(), Optional.of(Duration.ofMinutes(30)))));

        assertEquals(PrincipalType.ASSUMED_ROLE, session.identity().type());
        assertEquals(TestAccounts.DEPLOYER_ROLE, session.identity().displayName());
        assertEquals(Optional.of("alice"), session.identity().sessionName());
        assertTrue(typed.secretAccessKey().isCleared());
        Duration left = Duration.between(simulator.now(), session.keysExpireAt().orElseThrow());
        assertTrue(left.compareTo(Duration.ofMinutes(30)) <= 0 && left.compareTo(Duration.ofMinutes(29)) > 0, left::toString);
    }

    @Test
    void aRoleThatDoesNotTrustThePersonIsRefusedWithWhatToCheck() {
        setUpAsAlice();
        StratusException e = refused(Problem.FORBIDDEN, () -> signIn(SignInRequest.withKeys(TestAccounts.dave())
                .assuming(new RoleToAssume(DEPLOYER_ARN, Optional.empty(), Optional.empty()))));
        assertMentions(e, "did not let you assume the role " + DEPLOYER_ARN, "trust policy", "is not authorized to perform: sts:AssumeRole");
    }

    @Test
    void aRoleAskingForAnExternalIdIsRefusedWithoutIt() {
        setUpAsAlice();
        StratusException e = refused(Problem.FORBIDDEN, () -> signIn(SignInRequest.withKeys(mfaUser(5))
                .withMfa(mfa(Optional.of(mfaSerial(5)), codeNow(5)))
                .assuming(new RoleToAssume(TestAccounts.GUARDED_ROLE_ARN, Optional.empty(), Optional.empty()))));
        assertMentions(e, "external ID");
    }

    @Test
    void aRoleAskingForAnExternalIdAndMfaSignsInWithBoth() {
        setUpAsAlice();
        UserSession session = signIn(SignInRequest.withKeys(mfaUser(6))
                .withMfa(mfa(Optional.empty(), codeNow(6)))
                .assuming(new RoleToAssume(TestAccounts.GUARDED_ROLE_ARN, Optional.of(TestAccounts.GUARDED_EXTERNAL_ID),
                        Optional.empty())));
        assertEquals("arn:aws:sts::" + TestAccounts.ACCOUNT + ":assumed-role/Guarded/mfa6", session.identity().arn());
    }

    @Test
    void aRoleOfAnotherAccountIsRefusedBeforeAskingAws() {
        setUpAsAliceAndWaitForHerAccountDetails();
        simulator.calls().clear();
        AwsCredentials typed = TestAccounts.alice();
        StratusException e = refused(Problem.FORBIDDEN, () -> signIn(SignInRequest.withKeys(typed)
                .assuming(new RoleToAssume(TestAccounts.FOREIGN_ROLE_ARN, Optional.empty(), Optional.empty()))));
        assertMentions(e, TestAccounts.OTHER_ACCOUNT, "not to the account this Stratus instance is bound to");
        assertEquals(0, simulator.calls().count("*"));
        assertTrue(typed.secretAccessKey().isCleared());
    }

    @Test
    void setupAsARoleBindsTheRolesAccount() {
        UserSession session = stratus.signIn().setUp(SignInRequest.withKeys(TestAccounts.alice())
                .assuming(new RoleToAssume(TestAccounts.FOREIGN_ROLE_ARN, Optional.empty(), Optional.empty())));
        assertEquals(TestAccounts.OTHER_ACCOUNT, session.identity().accountId());
        refused(Problem.FORBIDDEN, () -> signIn(TestAccounts.bob()));
    }
}
