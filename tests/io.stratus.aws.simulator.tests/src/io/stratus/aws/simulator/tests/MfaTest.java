package io.stratus.aws.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.AwsSimulator;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * MFA through the real SDK: virtual devices whose TOTP codes STS checks (RFC 6238), GetSessionToken
 * with a code, IAM ListMFADevices, policies conditioned on aws:MultiFactorAuthPresent, and trust
 * policies that ask for an external ID and MFA. Every test uses a user of its own, since a code that
 * STS accepted once is refused ever after.
 */
class MfaTest extends SimulatorTestBase {

    private static final String ACCOUNT = "123456789012";
    private static final String GUARDED = "arn:aws:iam::" + ACCOUNT + ":role/Guarded";
    private static final String EXTERNAL_ID = "ext-2231";
    private static final int USERS = 9;

    private static final AwsBasicCredentials NO_DEVICE = AwsBasicCredentials.create("AKIANODEVICE00000000",
            "nodevice/secret/0000000000000000000000000");

    private static final Seed SEED = Seed.builder().account(ACCOUNT, account -> {
        for (int i = 1; i <= USERS; i++) {
            int n = i;
            account.user("user" + n, user -> user.accessKey(keys(n).accessKeyId(), keys(n).secretAccessKey())
                    .mfaDevice("phone" + n, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ" + (char) ('A' + n))
                    .denyWithoutMfa("iam:ListAccountAliases"));
        }
        account.user("nodevice", user -> user.accessKey(NO_DEVICE.accessKeyId(), NO_DEVICE.secretAccessKey())
                .deny("iam:ListMFADevices"));
        account.role("Guarded", role -> role.trustedBy(ACCOUNT).externalId(EXTERNAL_ID).mfaRequired());
    }).build();

    private static TestAwsSimulator mfaAws;

    @BeforeAll
    static void startMfaSimulator() {
        mfaAws = TestAwsSimulator.start(SEED);
    }

    @AfterAll
    static void stopMfaSimulator() {
        mfaAws.close();
    }

    private static AwsBasicCredentials keys(int n) {
        return AwsBasicCredentials.create("AKIAMFAUSER00000000" + n, "user" + n + "/secret/000000000000000000000000000");
    }

    private static String serial(int n) {
        return "arn:aws:iam::" + ACCOUNT + ":mfa/phone" + n;
    }

    private static String code(int n, Instant at) {
        Seed.User user = SEED.accounts().getFirst().users().get(n - 1);
        return user.mfaDevices().getFirst().codeAt(at);
    }

    private static String codeNow(int n) {
        return code(n, mfaAws.now());
    }

    @Test
    void aCodeOfTheDeviceGivesKeysWithMfaThatMfaPoliciesAllow() {
        assertAwsError("AccessDenied", 403, () -> iam(mfaAws, keys(1)).listAccountAliases());
        Credentials session = sts(mfaAws, keys(1)).getSessionToken(r -> r.serialNumber(serial(1)).tokenCode(codeNow(1)))
                .credentials();

        assertEquals(List.of(), iam(mfaAws, sessionCredentials(session)).listAccountAliases().accountAliases());
        assertEquals("arn:aws:iam::" + ACCOUNT + ":user/user1",
                sts(mfaAws, sessionCredentials(session)).getCallerIdentity().arn());
    }

    @Test
    void keysWithoutMfaAreStillDeniedWhatNeedsMfa() {
        Credentials session = sts(mfaAws, keys(2)).getSessionToken().credentials();

        assertAwsError("AccessDenied", 403, () -> iam(mfaAws, sessionCredentials(session)).listAccountAliases());
    }

    @Test
    void aWrongCodeIsAccessDenied() {
        String wrong = codeNow(3).equals("000000") ? "000001" : "000000";
        AwsServiceException error = assertAwsError("AccessDenied", 403,
                () -> sts(mfaAws, keys(3)).getSessionToken(r -> r.serialNumber(serial(3)).tokenCode(wrong)));
        assertEquals("MultiFactorAuthentication failed with invalid MFA one time pass code. ",
                error.awsErrorDetails().errorMessage());
    }

    @Test
    void aCodeWorksOnce() {
        String code = codeNow(4);
        sts(mfaAws, keys(4)).getSessionToken(r -> r.serialNumber(serial(4)).tokenCode(code));

        AwsServiceException error = assertAwsError("AccessDenied", 403,
                () -> sts(mfaAws, keys(4)).getSessionToken(r -> r.serialNumber(serial(4)).tokenCode(code)));
        assertTrue(error.awsErrorDetails().errorMessage().startsWith("MultiFactorAuthentication failed"));
    }

    @Test
    void theCodeOfTheStepBeforeIsStillAccepted() {
        String previous = code(5, mfaAws.now().minusSeconds(30));
        assertTrue(sts(mfaAws, keys(5)).getSessionToken(r -> r.serialNumber(serial(5)).tokenCode(previous))
                .credentials().accessKeyId().startsWith("ASIA"));
        String older = code(6, mfaAws.now().minusSeconds(120));
        assertAwsError("AccessDenied", 403,
                () -> sts(mfaAws, keys(6)).getSessionToken(r -> r.serialNumber(serial(6)).tokenCode(older)));
    }

    @Test
    void aDeviceOfAnotherUserCannotBeValidated() {
        AwsServiceException error = assertAwsError("AccessDenied", 403, () -> sts(mfaAws, NO_DEVICE)
                .getSessionToken(r -> r.serialNumber(serial(7)).tokenCode(codeNow(7))));
        assertEquals("MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial "
                + "number is valid and associated with this user.", error.awsErrorDetails().errorMessage());
    }

    @Test
    void aMalformedCodeIsAValidationErrorThatDoesNotRepeatIt() {
        AwsServiceException error = assertAwsError("ValidationError", 400,
                () -> sts(mfaAws, keys(7)).getSessionToken(r -> r.serialNumber(serial(7)).tokenCode("98765")));
        assertFalse(error.awsErrorDetails().errorMessage().contains("98765"), error.awsErrorDetails().errorMessage());
    }

    @Test
    void listMfaDevicesNamesTheCallersDevicesAndHonoursDenies() {
        List<MFADevice> devices = iam(mfaAws, keys(8)).listMFADevices().mfaDevices();

        assertEquals(List.of(serial(8)), devices.stream().map(MFADevice::serialNumber).toList());
        assertEquals("user8", devices.getFirst().userName());
        assertAwsError("AccessDenied", 403, () -> iam(mfaAws, NO_DEVICE).listMFADevices());
    }

    @Test
    void aRoleAskingForAnExternalIdAndMfaGetsBoth() {
        assertAwsError("AccessDenied", 403, () -> sts(mfaAws, keys(9)).assumeRole(r -> r.roleArn(GUARDED)
                .roleSessionName("no-external-id").serialNumber(serial(9)).tokenCode(codeNow(9))));
        assertAwsError("AccessDenied", 403, () -> sts(mfaAws, keys(9)).assumeRole(r -> r.roleArn(GUARDED)
                .roleSessionName("no-mfa").externalId(EXTERNAL_ID)));
        assertAwsError("AccessDenied", 403, () -> sts(mfaAws, keys(9)).assumeRole(r -> r.roleArn(GUARDED)
                .roleSessionName("wrong-external-id").externalId("ext-0000")));

        // The first attempt used the code of this step: the session with MFA comes with a later one.
        Credentials withMfa = sts(mfaAws, keys(9)).getSessionToken(r -> r.serialNumber(serial(9))
                .tokenCode(code(9, mfaAws.now().plusSeconds(30)))).credentials();
        Credentials role = sts(mfaAws, sessionCredentials(withMfa)).assumeRole(r -> r.roleArn(GUARDED)
                .roleSessionName("user9").externalId(EXTERNAL_ID).durationSeconds((int) Duration.ofMinutes(15).toSeconds()))
                .credentials();
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/Guarded/user9",
                sts(mfaAws, sessionCredentials(role)).getCallerIdentity().arn());
    }

    @Test
    void theDemoAccountsMfaDeviceOpensItsRoleThatAsksForMfa() throws IOException {
        Seed demo;
        try (InputStream json = AwsSimulator.class.getResourceAsStream("/seeds/demo.json")) {
            demo = Seed.fromJson(json);
        }
        Seed.Account account = demo.accounts().getFirst();
        Seed.MfaDevice device = account.users().getFirst().mfaDevices().getFirst();
        AwsBasicCredentials ada = AwsBasicCredentials.create("AKIADEMOADA000000001", "demo/ada/secret/000000000000000000000001");
        String operator = "arn:aws:iam::" + account.id() + ":role/DemoOperator";
        try (TestAwsSimulator demoAws = TestAwsSimulator.start(demo)) {
            assertAwsError("AccessDenied", 403, () -> sts(demoAws, ada).assumeRole(r -> r.roleArn(operator)
                    .roleSessionName("ada").externalId("stratus-demo")));
            Credentials withMfa = sts(demoAws, ada).getSessionToken(r -> r.serialNumber(account.mfaSerial(device))
                    .tokenCode(device.codeAt(demoAws.now()))).credentials();
            Credentials role = sts(demoAws, sessionCredentials(withMfa)).assumeRole(r -> r.roleArn(operator)
                    .roleSessionName("ada").externalId("stratus-demo")).credentials();
            assertEquals("arn:aws:sts::" + account.id() + ":assumed-role/DemoOperator/ada",
                    sts(demoAws, sessionCredentials(role)).getCallerIdentity().arn());
        }
    }
}
