package io.stratus.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.MfaCode;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.RoleToAssume;
import io.stratus.core.session.SignInRequest;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a sign-in with MFA or a role carries, what it refuses before AWS is asked, and what it never prints. */
class SignInRequestTest {

    private static final String SECRET = "sign+in+request+secret+0000000000000000";

    @Test
    void aRoleArnNamesItsAccountAndPartition() {
        RoleToAssume role = new RoleToAssume(" arn:aws-cn:iam::123456789012:role/team/Reader ", Optional.of(" "),
                Optional.empty());

        assertEquals("arn:aws-cn:iam::123456789012:role/team/Reader", role.roleArn());
        assertEquals("123456789012", role.accountId());
        assertEquals("aws-cn", role.partition());
        assertEquals(Optional.empty(), role.externalId(), "a blank external ID is none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::123456789012:user/alice", "arn:aws:iam::12345:role/x", "Reader",
            "arn:aws:sts::123456789012:assumed-role/Reader/alice"})
    void whatIsNoRoleArnIsRefused(String arn) {
        StratusException e = assertThrows(StratusException.class, () -> new RoleToAssume(arn, Optional.empty(),
                Optional.empty()));
        assertEquals(Problem.INVALID_INPUT, e.problem());
        assertTrue(e.getMessage().contains("not an IAM role ARN"), e.getMessage());
    }

    @Test
    void durationsOutsideWhatStsAllowsAreRefused() {
        for (Duration wrong : new Duration[] {Duration.ofMinutes(14), Duration.ofHours(13)}) {
            StratusException e = assertThrows(StratusException.class, () -> new RoleToAssume(
                    "arn:aws:iam::123456789012:role/Reader", Optional.empty(), Optional.of(wrong)));
            assertTrue(e.getMessage().contains("15 minutes"), e.getMessage());
        }
    }

    @Test
    void neitherTheCodeNorTheExternalIdNorTheSecretIsPrinted() {
        SignInRequest request = SignInRequest.withKeys(new AwsCredentials("AKIAPRINTED000000001", Secret.of(SECRET), null))
                .withMfa(new MfaCode(Optional.of("arn:aws:iam::123456789012:mfa/phone"), Secret.of("493817")))
                .assuming(new RoleToAssume("arn:aws:iam::123456789012:role/Reader", Optional.of("ext-secretive"),
                        Optional.of(Duration.ofHours(1))));

        String printed = request.toString();
        for (String hidden : new String[] {SECRET, "493817", "ext-secretive"}) {
            assertFalse(printed.contains(hidden), hidden + " in " + printed);
        }
        assertTrue(printed.contains("mfa/phone") && printed.contains("role/Reader"), printed);
    }

    @Test
    void clearWipesTheSecretAndTheCode() {
        MfaCode code = new MfaCode(Optional.empty(), Secret.of("493817"));
        AwsCredentials keys = new AwsCredentials("AKIAPRINTED000000001", Secret.of(SECRET), null);
        SignInRequest request = SignInRequest.withKeys(keys).withMfa(code);
        assertTrue(request.exchangesKeys());

        request.clear();

        assertTrue(keys.secretAccessKey().isCleared() && code.code().isCleared());
        assertFalse(SignInRequest.withKeys(keys).exchangesKeys(), "keys alone are used as they are");
    }
}
