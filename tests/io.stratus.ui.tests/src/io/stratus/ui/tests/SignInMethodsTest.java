package io.stratus.ui.tests;

import static io.stratus.ui.tests.SignInDesktop.ACCESS_KEY_ID;
import static io.stratus.ui.tests.SignInDesktop.EXTERNAL_ID;
import static io.stratus.ui.tests.SignInDesktop.MFA_CODE;
import static io.stratus.ui.tests.SignInDesktop.MFA_SERIAL;
import static io.stratus.ui.tests.SignInDesktop.METHOD;
import static io.stratus.ui.tests.SignInDesktop.PROBLEM;
import static io.stratus.ui.tests.SignInDesktop.PROFILE;
import static io.stratus.ui.tests.SignInDesktop.PROFILE_MFA_CODE;
import static io.stratus.ui.tests.SignInDesktop.PROFILE_SUMMARY;
import static io.stratus.ui.tests.SignInDesktop.ROLE_ARN;
import static io.stratus.ui.tests.SignInDesktop.SECRET_ACCESS_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.ui.tests.SignInDesktop.AwsCliFiles;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.testkit.UiRobot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.FrameworkUtil;

/**
 * The sign-in dialog's methods on the demo account: access keys with an MFA code (the code from the demo MFA
 * device's TOTP secret), a role with an external ID and MFA, and AWS profiles from AWS CLI files in a folder of
 * the test's own (pointed at with the system properties the AWS SDKs honour): a role profile with mfa_serial and
 * a credential_process. Wrong codes, denied roles and broken profiles say what happened. At the end, nothing
 * secret is found in the desktop's data, settings or logs.
 */
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInMethodsTest {

    private static final String ACCOUNT = "111122223333";
    private static final String ADA_MFA = "arn:aws:iam::" + ACCOUNT + ":mfa/ada-phone";
    private static final String OPERATOR = "arn:aws:iam::" + ACCOUNT + ":role/DemoOperator";
    private static final Seed.MfaDevice ADA_PHONE = new Seed.MfaDevice("ada-phone", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

    private static SignInDesktop desktop;
    private static UiRobot robot;
    private static Seed.AccessKey ada;
    private static Seed.AccessKey ben;
    private static AwsCliFiles awsFiles;
    /** The TOTP step of the last code used: AWS takes each code once, and only newer ones after it. */
    private static long lastStep;

    @BeforeAll
    static void setUp() throws Exception {
        desktop = SignInDesktop.setUpAndSignedOut();
        robot = desktop.robot;
        ada = DemoDesktop.keyOf("ada");
        ben = DemoDesktop.keyOf("ben");
        desktop.keepSecret(ada.secret());
        desktop.keepSecret(ben.secret());
        awsFiles = AwsCliFiles.inNewFolder("aws-cli-");
    }

    @AfterAll
    static void forgetTheFiles() {
        awsFiles.close();
    }

    @AfterEach
    void closeDialogsAndSignOut() {
        desktop.closeDialogsAndSignOut();
    }

    @Test
    @Order(1)
    void keysAndAnMfaCodeSignInWithTemporaryKeysAndAWrongCodeSaysSo() {
        Shell dialog = desktop.openSignInDialog();
        desktop.choose(dialog, METHOD, "Access keys and an MFA code");
        robot.type(desktop.field(dialog, ACCESS_KEY_ID), ada.id());
        desktop.typeSecret(desktop.field(dialog, SECRET_ACCESS_KEY), ada.secret());
        robot.type(desktop.field(dialog, MFA_SERIAL), ADA_MFA);
        String right = nextCode();
        typeCode(desktop.field(dialog, MFA_CODE), right.equals("000000") ? "000001" : "000000");
        desktop.press(dialog, "Sign In");
        robot.waitForControlShowing(dialog, "did not accept the MFA code");
        assertEquals("", robot.textOf(desktop.field(dialog, MFA_CODE)), "a refused code is cleared");
        assertEquals("", robot.textOf(desktop.field(dialog, SECRET_ACCESS_KEY)), "and so is the secret");
        assertEquals(ada.id(), robot.textOf(desktop.field(dialog, ACCESS_KEY_ID)));
        assertEquals(ADA_MFA, robot.textOf(desktop.field(dialog, MFA_SERIAL)), "what is not secret stays");
        desktop.screenshot(dialog, "sign-in-mfa-refused.png");

        desktop.typeSecret(desktop.field(dialog, SECRET_ACCESS_KEY), ada.secret());
        typeCode(desktop.field(dialog, MFA_CODE), right);
        desktop.screenshot(dialog, "sign-in-mfa.png");
        desktop.press(dialog, "Sign In");
        robot.waitUntil("the sign-in dialog to close", dialog::isDisposed);
        desktop.awaitStatus("ada");
        assertTrue(desktop.session.signedIn().orElseThrow().session().keysExpireAt().isPresent(), "MFA keys are temporary");
    }

    @Test
    @Order(2)
    void aRoleSignsInAsTheRoleAndADeniedRoleSaysWhatToCheck() {
        Shell dialog = desktop.openSignInDialog();
        desktop.choose(dialog, METHOD, "An IAM role, assumed with access keys");
        robot.type(desktop.field(dialog, ROLE_ARN), "arn:aws:iam::" + ACCOUNT + ":role/DemoReadOnly");
        robot.type(desktop.field(dialog, ACCESS_KEY_ID), ben.id());
        desktop.typeSecret(desktop.field(dialog, SECRET_ACCESS_KEY), ben.secret());
        desktop.press(dialog, "Sign In");
        // The whole refusal shows in the form, to its end, which says what to check; the title area has its first sentence.
        Text problem = robot.waitForControlWithData(dialog, Text.class, PROBLEM);
        robot.waitUntil("the refusal to show in the form", () -> problem.isVisible()
                && problem.getText().startsWith("AWS did not let you assume the role arn:aws:iam::" + ACCOUNT + ":role/DemoReadOnly. ")
                && problem.getText().contains("give the one the role's owner told you) or for MFA (give a code of your MFA device)."));
        assertEquals("AWS did not let you assume the role arn:aws:iam::" + ACCOUNT + ":role/DemoReadOnly.",
                desktop.titleAreaError(dialog));
        desktop.screenshot(dialog, "sign-in-role-denied.png");

        robot.type(desktop.field(dialog, ROLE_ARN), OPERATOR);
        robot.type(desktop.field(dialog, EXTERNAL_ID), "stratus-demo");
        robot.type(desktop.field(dialog, ACCESS_KEY_ID), ada.id());
        desktop.typeSecret(desktop.field(dialog, SECRET_ACCESS_KEY), ada.secret());
        typeCode(desktop.field(dialog, MFA_CODE), nextCode());
        desktop.screenshot(dialog, "sign-in-role.png");
        desktop.press(dialog, "Sign In");
        robot.waitUntil("the sign-in dialog to close", dialog::isDisposed);
        desktop.awaitStatus("DemoOperator");
    }

    @Test
    @Order(3)
    void aRoleProfileWithMfaAsksForTheCodeAndSignsIn() throws IOException {
        awsFiles.write("""
                [default]
                region = eu-west-1

                [profile operator]
                role_arn = %s
                source_profile = ada
                mfa_serial = %s
                external_id = stratus-demo
                duration_seconds = 1800

                [profile loop-a]
                role_arn = %s
                source_profile = loop-b
                [profile loop-b]
                role_arn = %s
                source_profile = loop-a
                """.formatted(OPERATOR, ADA_MFA, OPERATOR, OPERATOR), """
                [ada]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(ada.id(), ada.secret()));

        Shell dialog = desktop.openSignInDialog();
        desktop.choose(dialog, METHOD, "An AWS profile (AWS CLI configuration)");
        Combo profiles = robot.waitForControlWithData(dialog, Combo.class, PROFILE);
        assertEquals(List.of("default", "operator", "loop-a", "loop-b", "ada"), robot.onUiThread(() -> List.of(profiles.getItems())));
        robot.choose(profiles, "loop-a");
        // A profile that cannot be used says why at once, and Sign In waits for another choice.
        Text problem = robot.waitForControlWithData(dialog, Text.class, PROBLEM);
        robot.waitUntil("the broken profile's problem to show", () -> problem.isVisible()
                && problem.getText().contains("loop-a \u2192 loop-b \u2192 loop-a name each other as source_profile"));
        assertEquals("Profile 'loop-a' cannot be used as it is.", desktop.titleAreaError(dialog));
        Button signIn = robot.waitForControlWithText(dialog, Button.class, "Sign In");
        assertFalse(robot.onUiThread(signIn::isEnabled), "a broken profile cannot sign in");
        desktop.screenshot(dialog, "sign-in-profile-broken.png");

        robot.choose(profiles, "operator");
        assertTrue(robot.onUiThread(signIn::isEnabled), "a profile that can be used signs in");
        assertFalse(robot.onUiThread(problem::isVisible), "its problem is gone with the broken profile");
        Label summary = robot.waitForControlWithData(dialog, Label.class, PROFILE_SUMMARY);
        assertTrue(robot.textOf(summary).contains("role/DemoOperator") && robot.textOf(summary).contains(ADA_MFA),
                robot.textOf(summary));
        Text code = desktop.field(dialog, PROFILE_MFA_CODE);
        assertTrue(robot.onUiThread(code::isVisible), "the profile's mfa_serial asks for a code");
        typeCode(code, nextCode());
        desktop.screenshot(dialog, "sign-in-profile-mfa.png");
        desktop.press(dialog, "Sign In");
        robot.waitUntil("the sign-in dialog to close", dialog::isDisposed);
        desktop.awaitStatus("DemoOperator");
        Instant keysExpire = desktop.session.signedIn().orElseThrow().session().keysExpireAt().orElseThrow();
        assertTrue(keysExpire.isBefore(Instant.now().plus(Duration.ofMinutes(31))), "duration_seconds = 1800: " + keysExpire);
    }

    @Test
    @Order(4)
    void aCredentialProcessProfileSignsInWithTheKeysItPrintsAndAFailureShowsItsErrors() throws IOException {
        Instant expiry = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Path tool = script("keys-tool.sh", """
                #!/bin/sh
                echo '{"Version": 1, "AccessKeyId": "%s", "SecretAccessKey": "%s", "Expiration": "%s"}'
                """.formatted(ada.id(), ada.secret(), expiry));
        Path broken = script("broken-tool.sh", """
                #!/bin/sh
                echo 'tool: not logged in, run "tool login" first' >&2
                exit 4
                """);
        awsFiles.write("""
                [profile tool]
                credential_process = %s --profile demo
                [profile broken]
                credential_process = %s
                """.formatted(tool, broken), "");

        Shell dialog = desktop.openSignInDialog();
        assertEquals("An AWS profile (AWS CLI configuration)", robot.onUiThread(
                robot.waitForControlWithData(dialog, Combo.class, METHOD)::getText), "the last method is remembered");
        Combo profiles = robot.waitForControlWithData(dialog, Combo.class, PROFILE);
        robot.choose(profiles, "broken");
        desktop.press(dialog, "Sign In");
        robot.waitForControlShowing(dialog, "exit status 4");
        robot.waitForControlShowing(dialog, "run \"tool login\" first");
        desktop.screenshot(dialog, "sign-in-process-failed.png");

        robot.choose(profiles, "tool");
        desktop.press(dialog, "Sign In");
        robot.waitUntil("the sign-in dialog to close", dialog::isDisposed);
        desktop.awaitStatus("ada");
        assertEquals(expiry, desktop.session.signedIn().orElseThrow().session().keysExpireAt().orElseThrow(),
                "the keys expire when the process said");
    }

    @Test
    @Order(5)
    void nothingSecretIsWrittenAndTheDialogRemembersOnlyTheMethodAndProfileName() throws IOException {
        Shell dialog = desktop.openSignInDialog();
        assertEquals("tool", robot.onUiThread(robot.waitForControlWithData(dialog, Combo.class, PROFILE)::getText),
                "the last profile is remembered");
        desktop.choose(dialog, METHOD, "Access keys"); // as the UI tests after this one expect the dialog
        robot.type(desktop.field(dialog, ACCESS_KEY_ID), ada.id());
        desktop.typeSecret(desktop.field(dialog, SECRET_ACCESS_KEY), ada.secret());
        desktop.press(dialog, "Sign In");
        robot.waitUntil("the sign-in dialog to close", dialog::isDisposed);
        desktop.awaitStatus("ada");

        var settings = PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(CurrentSession.class));
        assertEquals("tool", settings.getDialogSettings().getSection("SignIn").get("profile"));
        assertEquals("KEYS", settings.getDialogSettings().getSection("SignIn").get("method"));
        desktop.assertNoSecretWritten();
        List<Path> places = DemoDesktop.dataAndLogs();
        for (String fromTheFiles : List.of(OPERATOR, ADA_MFA, "stratus-demo", "keys-tool.sh")) {
            List<Path> holding = DemoDesktop.filesHolding(places, fromTheFiles);
            holding.removeIf(file -> file.toString().contains("store")); // the audit trail records who signed in
            holding.removeIf(file -> !mentionsBeyondTheDemoPortal(file, fromTheFiles));
            assertEquals(List.of(), holding, "nothing of the profiles is copied into Stratus's settings or logs: "
                    + fromTheFiles);
        }
    }

    /** The external ID is also in the demo's IAM Identity Center start URL, which settings rightly hold. */
    private static boolean mentionsBeyondTheDemoPortal(Path file, String text) {
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .replace("https://stratus-demo.awsapps.com/start", "").contains(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path script(String name, String text) throws IOException {
        Path file = Files.writeString(awsFiles.folder().resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    /**
     * A code of ada's MFA device that AWS takes now: the current step's, or the next one's (AWS allows one step
     * of drift) when the current one was used; waits when both were.
     */
    private static String nextCode() {
        long step = Seed.MfaDevice.stepAt(Instant.now());
        while (lastStep > step) {
            robot.waitUntil("the next MFA code", () -> Seed.MfaDevice.stepAt(Instant.now()) >= lastStep);
            step = Seed.MfaDevice.stepAt(Instant.now());
        }
        lastStep = Math.max(step, lastStep + 1);
        return ADA_PHONE.codeAt(Instant.ofEpochSecond(lastStep * Seed.MfaDevice.STEP.toSeconds()));
    }

    /** Six digits turn up in any file by chance, so codes are not kept as secrets; they work once anyway. */
    private static void typeCode(Text field, String code) {
        robot.type(field, code);
    }
}
