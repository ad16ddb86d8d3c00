package io.stratus.auth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.AwsService;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.core.access.Role;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.MfaCode;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.RoleToAssume;
import io.stratus.core.session.AuthorizationProgress;
import io.stratus.core.session.DeviceAuthorization;
import io.stratus.core.session.IdentityCenter;
import io.stratus.core.session.IdentityCenterPortal;
import io.stratus.core.session.SignInRequest;
import io.stratus.core.session.UserSession;
import io.stratus.testing.StratusServices;
import io.stratus.testing.StratusTestBase;
import io.stratus.testing.TestAccounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Signs in with a recognisable canary secret and session token, runs every flow (renewal too), signs out and
 * stops; then searches everything Stratus wrote (store, data directories, OSGi configuration
 * area with ConfigAdmin's files, the DEBUG log with the AWS SDK's request logging) for the
 * canaries and for every 16-character piece of them.
 */
class SecretHygieneTest extends StratusTestBase {

    private static final int PIECE = 16;

    @Test
    void noPieceOfAnySecretIsWrittenAnywhere() throws IOException {
        UserSession alice = setUpAsAlice();
        UserSession canary = signIn(TestAccounts.keys(TestAccounts.CANARY_ID, TestAccounts.CANARY_SECRET));
        StratusServices.awaitTrue("account details read with the canary keys", () -> canary.accountDetails().alias().isPresent());
        stratus.admin().setRoles(alice, canary.principalId(), Set.of(Role.VIEWER.id()));
        refused(io.stratus.core.Problem.NOT_SIGNED_IN, () -> signIn(TestAccounts.keys(TestAccounts.CANARY_ID, TestAccounts.CANARY_SECRET + "x")));

        AwsCredentials temporary = assumeDeployer(TestAccounts.keys(TestAccounts.CANARY_ID, TestAccounts.CANARY_SECRET), "canary-session");
        String temporarySecret = temporary.secretAccessKey().reveal();
        String token = temporary.sessionToken().map(Secret::reveal).orElseThrow();
        UserSession role = signIn(temporary);
        stratus.aws().call(role.awsKeys(), AwsService.sts(), "GetCallerIdentity",
                (sts, signedAs) -> sts.getCallerIdentity(r -> r.overrideConfiguration(signedAs)));
        // With an MFA code and as a role, STS issues the session's keys: they, the code and the typed keys.
        String code = new Seed.MfaDevice("canary-phone", TestAccounts.CANARY_MFA_SECRET).codeAt(simulator.now());
        UserSession mfa = stratus.signIn().signIn(SignInRequest.withKeys(TestAccounts.keys(TestAccounts.CANARY_ID,
                TestAccounts.CANARY_SECRET)).withMfa(new MfaCode(Optional.empty(), Secret.of(code))));
        UserSession assumed = stratus.signIn().signIn(SignInRequest.withKeys(TestAccounts.keys(TestAccounts.CANARY_ID,
                TestAccounts.CANARY_SECRET)).assuming(new RoleToAssume("arn:aws:iam::" + TestAccounts.ACCOUNT + ":role/"
                + TestAccounts.DEPLOYER_ROLE, Optional.empty(), Optional.empty())));
        StratusServices.awaitTrue("account details read with the issued keys", () -> mfa.accountDetails().alias().isPresent());
        // Through IAM Identity Center: its client secret, device code, access token and the role's keys.
        IdentityCenter identityCenter = stratus.service(IdentityCenter.class);
        DeviceAuthorization sso = identityCenter.start(new IdentityCenterPortal(TestAccounts.SSO_START_URL,
                TestAccounts.SSO_REGION));
        simulator.approveUserCode(sso.userCode(), TestAccounts.SSO_USER);
        StratusServices.awaitTrue("the approval seen", () -> identityCenter.poll(sso.id()).state()
                == AuthorizationProgress.State.APPROVED);
        UserSession ssoSession = identityCenter.signIn(sso.id(), TestAccounts.ACCOUNT, "ReadOnly");
        // Re-authenticated in place through a second approval, then a role assumed with an Identity Center role's keys.
        identityCenter.renew(approvedSso(identityCenter).id(), ssoSession.id(), Optional.empty());
        stratus.signIn().signOut(ssoSession.id());
        UserSession onTop = stratus.signIn().signIn(identityCenter.roleKeys(approvedSso(identityCenter).id(),
                TestAccounts.OTHER_ACCOUNT, "DatabaseAdmin").assuming(new RoleToAssume(
                        TestAccounts.FROM_IDENTITY_CENTER_ROLE_ARN, Optional.empty(), Optional.empty())));
        stratus.signIn().signOut(onTop.id());
        // Renewal: new keys of the same role session go in, another identity's are refused; both are wiped.
        stratus.signIn().renew(assumed.id(), SignInRequest.withKeys(TestAccounts.keys(TestAccounts.CANARY_ID,
                TestAccounts.CANARY_SECRET)).assuming(new RoleToAssume("arn:aws:iam::" + TestAccounts.ACCOUNT + ":role/"
                + TestAccounts.DEPLOYER_ROLE, Optional.empty(), Optional.empty())));
        refused(io.stratus.core.Problem.FORBIDDEN, () -> stratus.signIn().renew(role.id(), SignInRequest.withKeys(
                TestAccounts.keys(TestAccounts.CANARY_ID, TestAccounts.CANARY_SECRET))));
        stratus.signIn().signOut(canary.id());
        stratus.signIn().signOut(role.id());
        stratus.signIn().signOut(mfa.id());
        stratus.signIn().signOut(assumed.id());
        stratus.stop();

        Map<Path, byte[]> written = contentsWritten();
        List<String> leaks = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(TestAccounts.CANARY_SECRET, temporarySecret, token));
        secrets.addAll(simulator.issuedSecrets()); // the keys STS issued at the MFA and role sign-ins
        written.forEach((file, content) -> {
            String text = new String(content, StandardCharsets.ISO_8859_1);
            if (text.contains("TokenCode") || text.contains("mfaCode") || text.contains("code=" + code)) {
                leaks.add(file + " mentions the MFA code");
            }
        });
        for (String secret : secrets) {
            written.forEach((file, content) -> {
                String found = firstPieceIn(content, secret);
                if (found != null) {
                    leaks.add(file + " contains '" + found + "'");
                }
            });
        }
        assertEquals(List.of(), leaks);
        assertTrue(written.keySet().stream().anyMatch(f -> f.toString().endsWith(".log")), "the log was searched too");
    }

    private static DeviceAuthorization approvedSso(IdentityCenter identityCenter) {
        DeviceAuthorization sso = identityCenter.start(new IdentityCenterPortal(TestAccounts.SSO_START_URL,
                TestAccounts.SSO_REGION));
        simulator.approveUserCode(sso.userCode(), TestAccounts.SSO_USER);
        StratusServices.awaitTrue("the approval seen", () -> identityCenter.poll(sso.id()).state()
                == AuthorizationProgress.State.APPROVED);
        return sso;
    }

    /** Every file written and its content, read in one pass in which no file went away. */
    private static Map<Path, byte[]> contentsWritten() throws IOException {
        while (true) {
            Map<Path, byte[]> contents = new LinkedHashMap<>();
            try {
                for (Path file : filesWritten()) {
                    contents.put(file, Files.readAllBytes(file));
                }
                return contents;
            } catch (NoSuchFileException e) {
                // The OSGi framework renamed a temporary file into place after it was listed: list again.
            }
        }
    }

    private static List<Path> filesWritten() throws IOException {
        Set<Path> roots = new LinkedHashSet<>(List.of(Path.of(System.getProperty("stratus.test.work")),
                Path.of(System.getProperty("stratus.test.log")), Path.of(System.getProperty("osgi.configuration.area",
                        "target/work/configuration").replaceFirst("^file:", ""))));
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.exists(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        return files;
    }

    /** The first 16-character piece of {@code secret} found in {@code content}, in UTF-8 or UTF-16. */
    private static String firstPieceIn(byte[] content, String secret) {
        String utf8 = new String(content, StandardCharsets.UTF_8);
        String utf16be = new String(content, StandardCharsets.UTF_16BE);
        String utf16le = new String(content, StandardCharsets.UTF_16LE);
        for (int i = 0; i + PIECE <= secret.length(); i++) {
            String piece = secret.substring(i, i + PIECE);
            if (utf8.contains(piece) || utf16be.contains(piece) || utf16le.contains(piece)) {
                return piece;
            }
        }
        return null;
    }
}
