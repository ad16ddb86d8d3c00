package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.TestSeed.ALICE;
import static io.stratus.aws.simulator.tests.TestSeed.ALICE_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.ALICE_INACTIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.testing.CallLog;
import io.stratus.aws.simulator.testing.ManualClock;
import io.stratus.aws.simulator.testing.TestAwsSimulator;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.model.Credentials;

/** SigV4 verification and credential checks answer with AWS's own error codes. */
class AuthenticationTest extends SimulatorTestBase {

    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

    @Test
    void anUnknownAccessKeyIsAnInvalidClientToken() {
        AwsBasicCredentials unknown = AwsBasicCredentials.create("AKIAUNKNOWN123456789", ALICE.secretAccessKey());

        AwsServiceException error = assertAwsError("InvalidClientTokenId", 403, () -> sts(unknown).getCallerIdentity());
        assertEquals(INVALID_TOKEN, error.awsErrorDetails().errorMessage());
    }

    @Test
    void anInactiveAccessKeyIsAnInvalidClientToken() {
        assertAwsError("InvalidClientTokenId", 403, () -> sts(ALICE_INACTIVE).getCallerIdentity());
    }

    @Test
    void aWrongSecretDoesNotMatchTheSignature() {
        AwsBasicCredentials wrongSecret = AwsBasicCredentials.create(ALICE.accessKeyId(), "not/alice/secret/00000000000000000000000");

        assertAwsError("SignatureDoesNotMatch", 403, () -> sts(wrongSecret).getCallerIdentity());
        assertEquals(List.of(ALICE_ARN), aws.calls().all().stream().map(CallLog.Call::principalArn).toList());
    }

    @Test
    void aTemporaryKeyNeedsItsOwnSessionToken() {
        Credentials session = sts(ALICE).getSessionToken().credentials();
        Credentials otherSession = sts(ALICE).getSessionToken().credentials();
        AwsBasicCredentials withoutToken = AwsBasicCredentials.create(session.accessKeyId(), session.secretAccessKey());
        AwsSessionCredentials withOtherToken = AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                otherSession.sessionToken());

        assertAwsError("InvalidClientTokenId", 403, () -> sts(withoutToken).getCallerIdentity());
        assertAwsError("InvalidClientTokenId", 403, () -> sts(withOtherToken).getCallerIdentity());
    }

    @Test
    void temporaryCredentialsExpire() {
        ManualClock clock = ManualClock.startingNow();
        try (TestAwsSimulator simulator = TestAwsSimulator.start(TestSeed.SEED, clock)) {
            Credentials session = sts(simulator, ALICE).getSessionToken(r -> r.durationSeconds(900)).credentials();
            AwsSessionCredentials temporary = sessionCredentials(session);
            assertEquals(ALICE_ARN, sts(simulator, temporary).getCallerIdentity().arn());

            clock.advance(Duration.ofMinutes(15));

            AwsServiceException error = assertAwsError("ExpiredToken", 400,
                    () -> sts(simulator, temporary).getCallerIdentity());
            assertEquals("The security token included in the request is expired", error.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void aRequestSignedTooLongAgoHasAnExpiredSignature() {
        aws.faults().clockOffset(Duration.ofMinutes(10));

        AwsServiceException error = assertAwsError("SignatureDoesNotMatch", 403, () -> sts(ALICE).getCallerIdentity());
        assertTrue(error.awsErrorDetails().errorMessage().matches(
                "Signature expired: \\d{8}T\\d{6}Z is now earlier than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 5 min\\.\\)"),
                error.awsErrorDetails().errorMessage());
    }

    @Test
    void aRequestSignedInTheFutureIsNotYetCurrent() {
        aws.faults().clockOffset(Duration.ofMinutes(-10));

        AwsServiceException error = assertAwsError("SignatureDoesNotMatch", 403, () -> sts(ALICE).getCallerIdentity());
        assertTrue(error.awsErrorDetails().errorMessage().startsWith("Signature not yet current: "),
                error.awsErrorDetails().errorMessage());
    }

    /** The SDK reads the skew from the Date header of the failed answer and signs the retry with it. */
    @Test
    void theSdkCorrectsClockSkewFromTheDateHeader() {
        aws.faults().clockOffset(Duration.ofMinutes(30));

        assertEquals(ALICE_ARN, stsWithRetries(ALICE).getCallerIdentity().arn());
        assertEquals(List.of("SignatureDoesNotMatch", "OK"), aws.calls().all().stream()
                .map(call -> call.errorCode() == null ? "OK" : call.errorCode()).toList());
    }
}
