package io.stratus.profiles.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.RoleHop;
import io.stratus.core.session.SignInRequest;
import io.stratus.profiles.AwsConfigFiles;
import io.stratus.profiles.AwsProfile;
import io.stratus.profiles.AwsProfiles;
import io.stratus.profiles.IdentityCenterLogin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS shared config and credentials files as the AWS CLI writes and reads them, in real files: their syntax,
 * how the two files merge, and what each kind of profile turns into.
 */
class ProfileFilesTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKEN0000000000000000/+==";

    @TempDir
    Path home;

    private AwsProfiles profiles(String config, String credentials) throws IOException {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("config"), config);
        Files.writeString(aws.resolve("credentials"), credentials);
        return new AwsConfigFiles(aws.resolve("config"), aws.resolve("credentials"), Duration.ofSeconds(10)).profiles();
    }

    private static Map<String, AwsProfile> byName(AwsProfiles profiles) {
        return profiles.list().stream().collect(Collectors.toMap(AwsProfile::name, Function.identity()));
    }

    private static StratusException refused(AwsProfiles profiles, String name) {
        StratusException e = assertThrows(StratusException.class, () -> profiles.signInRequest(name, Optional.empty()));
        assertEquals(Problem.INVALID_INPUT, e.problem(), e.getMessage());
        return e;
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' missing in: " + message);
        }
    }

    @Test
    void theFilesAreReadAsTheAwsCliWritesThem() throws IOException {
        AwsProfiles profiles = profiles("""
                # written by aws configure
                [default]
                region = eu-west-1
                output = json

                [profile dev]   ; a comment after the header
                REGION = us-east-1
                s3 =
                    max_concurrent_requests = 20
                    aws_access_key_id = AKIANESTEDNOTAKEY001
                Aws_Access_Key_Id = AKIADEVCONFIG0000001 # the config file's key
                aws_secret_access_key = %s

                [services my-endpoints]
                aws_access_key_id = AKIANOTAPROFILE00001

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                """.formatted("config-secret-is-overridden-00000000000"), """
                [default]
                aws_access_key_id=AKIADEFAULT000000001
                aws_secret_access_key=%s
                aws_session_token = %s

                [dev]
                aws_secret_access_key = %s
                """.formatted(SECRET, TOKEN, SECRET));

        Map<String, AwsProfile> found = byName(profiles);
        assertEquals(List.of("default", "dev"), profiles.list().stream().map(AwsProfile::name).toList(),
                "[services ...] and [sso-session ...] are not profiles");

        SignInRequest dev = profiles.signInRequest("dev", Optional.empty());
        assertEquals("AKIADEVCONFIG0000001", dev.keys().accessKeyId(), "keys in any case; nested s3 settings stay nested");
        assertEquals(SECRET, dev.keys().secretAccessKey().reveal(), "the credentials file wins over the config file");
        assertTrue(dev.keys().sessionToken().isEmpty() && !dev.exchangesKeys());

        SignInRequest fallback = profiles.signInRequest("default", Optional.empty());
        assertEquals(TOKEN, fallback.keys().sessionToken().orElseThrow().reveal(), "the session token of temporary keys");
        assertEquals("AKIADEFAULT000000001", fallback.keys().accessKeyId());
        assertMentions(found.get("default").summary(), "access keys of profile 'default'");
        assertTrue(found.values().stream().allMatch(profile -> profile.problem().isEmpty()), found::toString);
        for (AwsProfile profile : found.values()) {
            assertFalse(profile.toString().contains(SECRET) || profile.toString().contains(TOKEN), profile::toString);
        }
    }

    @Test
    void profileDefaultWinsOverDefaultAndALaterKeyOverAnEarlierOne() throws IOException {
        AwsProfiles profiles = profiles("""
                [profile default]
                aws_access_key_id = AKIAPROFILEDEFAULT01
                aws_secret_access_key = one
                [default]
                aws_access_key_id = AKIABAREDEFAULT00001
                [profile default]
                aws_secret_access_key = two
                """, "");
        SignInRequest request = profiles.signInRequest("default", Optional.empty());
        assertEquals("AKIAPROFILEDEFAULT01", request.keys().accessKeyId());
        assertEquals("two", request.keys().secretAccessKey().reveal());
    }

    @Test
    void aLineTheAwsCliCannotReadIsNamedWithItsFile() throws IOException {
        AwsProfiles profiles = profiles("""
                [profile ok]
                region = eu-west-1
                this line has no equals sign
                """, "");
        StratusException e = assertThrows(StratusException.class, profiles::list);
        assertMentions(e.getMessage(), "Line 3", home.resolve(".aws/config").toString(), "no '='");

        AwsProfiles unclosed = profiles("[profile broken\nregion = x\n", "");
        assertMentions(assertThrows(StratusException.class, unclosed::list).getMessage(), "Line 1", "ends with ']'");
    }

    @Test
    void missingFilesHoldNoProfiles() {
        AwsProfiles none = new AwsConfigFiles(home.resolve("nothing/config"), home.resolve("nothing/credentials"),
                Duration.ofSeconds(1)).profiles();
        assertTrue(none.list().isEmpty());
        assertMentions(refused(none, "dev").getMessage(), "There is no profile 'dev'");
    }

    @Test
    void aRoleProfileChainsItsSourceProfilesAsTheAwsCliDoes() throws IOException {
        AwsProfiles profiles = profiles("""
                [profile base]
                role_arn = arn:aws:iam::123456789012:role/NotUsedForASource
                mfa_serial = arn:aws:iam::123456789012:mfa/base-phone

                [profile hub]
                role_arn = arn:aws:iam::999999999999:role/Hub
                source_profile = base
                mfa_serial = arn:aws:iam::123456789012:mfa/ada-phone
                external_id = hub-ext-1
                duration_seconds = 1800

                [profile reader]
                role_arn = arn:aws:iam::123456789012:role/Reader
                source_profile = hub
                role_session_name = ada-laptop
                """, """
                [base]
                aws_access_key_id = AKIABASE000000000001
                aws_secret_access_key = %s
                """.formatted(SECRET));

        AwsProfile reader = byName(profiles).get("reader");
        assertEquals(Optional.of("arn:aws:iam::123456789012:mfa/ada-phone"), reader.mfaSerial(),
                "the code goes with the role whose profile has mfa_serial");
        assertMentions(reader.summary(), "role/Reader", "access keys of profile 'base'", "then role", "role/Hub");
        assertMentions(refused(profiles, "reader").getMessage(), "type the code", "mfa_serial");

        Secret code = Secret.of("123456");
        SignInRequest request = profiles.signInRequest("reader", Optional.of(code));
        assertEquals("AKIABASE000000000001", request.keys().accessKeyId(), "a source profile uses its keys before its role");
        List<RoleHop> chain = request.roleChain();
        assertEquals(List.of("arn:aws:iam::999999999999:role/Hub", "arn:aws:iam::123456789012:role/Reader"),
                chain.stream().map(hop -> hop.role().roleArn()).toList());
        assertEquals(Optional.of("hub-ext-1"), chain.get(0).role().externalId());
        assertEquals(Optional.of(Duration.ofMinutes(30)), chain.get(0).role().duration());
        assertEquals(Optional.of("arn:aws:iam::123456789012:mfa/ada-phone"), chain.get(0).mfa().orElseThrow().deviceSerial());
        assertTrue(chain.get(1).mfa().isEmpty());
        assertEquals(Optional.of("ada-laptop"), chain.get(1).role().sessionName());

        request.clear();
        assertTrue(code.isCleared(), "the code belongs to the request, which wipes it");
    }

    @Test
    void aRoleProfileMayBeItsOwnSourceWithItsOwnKeys() throws IOException {
        AwsProfiles profiles = profiles("", """
                [self]
                aws_access_key_id = AKIASELF000000000001
                aws_secret_access_key = %s
                role_arn = arn:aws:iam::123456789012:role/Reader
                source_profile = self
                """.formatted(SECRET));
        SignInRequest request = profiles.signInRequest("self", Optional.empty());
        assertEquals("AKIASELF000000000001", request.keys().accessKeyId());
        assertEquals("arn:aws:iam::123456789012:role/Reader", request.role().orElseThrow().roleArn());
    }

    @Test
    void profileErrorsNameTheFileTheProfileAndTheKeyToFix() throws IOException {
        AwsProfiles profiles = profiles("""
                [profile a]
                role_arn = arn:aws:iam::123456789012:role/A
                source_profile = b
                [profile b]
                role_arn = arn:aws:iam::123456789012:role/B
                source_profile = a
                [profile orphan]
                role_arn = arn:aws:iam::123456789012:role/Orphan
                [profile lost]
                role_arn = arn:aws:iam::123456789012:role/Lost
                source_profile = nowhere
                [profile ec2]
                role_arn = arn:aws:iam::123456789012:role/Ec2
                credential_source = Ec2InstanceMetadata
                [profile badarn]
                role_arn = arn:aws:iam::1234:role/Short
                source_profile = keys
                [profile badduration]
                role_arn = arn:aws:iam::123456789012:role/Long
                source_profile = keys
                duration_seconds = an hour
                [profile halfkeys]
                aws_access_key_id = AKIAHALF000000000001
                [profile empty]
                region = eu-west-1
                """, """
                [keys]
                aws_access_key_id = AKIAKEYS000000000001
                aws_secret_access_key = %s
                """.formatted(SECRET));
        String config = home.resolve(".aws/config").toString();

        assertMentions(refused(profiles, "a").getMessage(), "a \u2192 b \u2192 a", "source_profile of profile 'b' in " + config);
        assertMentions(refused(profiles, "orphan").getMessage(), "does not say with which keys",
                "the key source_profile of profile 'orphan' in " + config);
        assertMentions(refused(profiles, "lost").getMessage(), "'nowhere'", "does not exist",
                "the key source_profile of profile 'lost'");
        assertMentions(refused(profiles, "ec2").getMessage(), "credential_source", "Ec2InstanceMetadata",
                "Use source_profile");
        assertMentions(refused(profiles, "badarn").getMessage(), "the key role_arn of profile 'badarn' in " + config,
                "not an IAM role ARN");
        assertMentions(refused(profiles, "badduration").getMessage(), "duration_seconds of profile 'badduration'",
                "number of seconds");
        assertMentions(refused(profiles, "halfkeys").getMessage(), "aws_secret_access_key of profile 'halfkeys'");
        assertMentions(refused(profiles, "empty").getMessage(), "has no credentials");

        Map<String, AwsProfile> listed = byName(profiles);
        assertMentions(listed.get("a").problem().orElseThrow(), "a \u2192 b \u2192 a");
        assertTrue(listed.get("keys").problem().isEmpty(), "one broken profile does not hide the others");
    }

    @Test
    void identityCenterProfilesSayWhatTheyNeed() throws IOException {
        AwsProfiles profiles = profiles("""
                [profile corp]
                sso_session = corp
                sso_account_id = 123456789012
                sso_role_name = ReadOnly
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                [profile legacy]
                sso_start_url = https://legacy.awsapps.com/start
                sso_region = us-east-1
                sso_account_id = 123456789012
                [profile unknown-session]
                sso_session = nope
                """, "");
        Map<String, AwsProfile> listed = byName(profiles);
        assertMentions(listed.get("corp").summary(), "IAM Identity Center", "https://corp.awsapps.com/start", "ReadOnly");
        assertEquals(Optional.empty(), listed.get("corp").problem(), "the sign-in dialog signs in with it");
        StratusException e = assertThrows(StratusException.class, () -> profiles.signInRequest("corp", Optional.empty()));
        assertEquals(Problem.UNAVAILABLE, e.problem());
        assertMentions(e.getMessage(), "IAM Identity Center", "sso_session");
        assertEquals(Optional.of(new IdentityCenterLogin("https://corp.awsapps.com/start", "eu-west-1", "123456789012",
                "ReadOnly")), profiles.identityCenterLogin("corp"));
        assertMentions(refused(profiles, "legacy").getMessage(), "the key sso_role_name of profile 'legacy'");
        assertMentions(refused(profiles, "unknown-session").getMessage(), "[sso-session nope]");
    }

    @Test
    void aRoleOnAnIdentityCenterProfileIsAssumedWithTheKeysOfItsIdentityCenterRole() throws IOException {
        AwsProfiles profiles = profiles("""
                [profile corp]
                sso_session = corp
                sso_account_id = 210987654321
                sso_role_name = DatabaseAdmin
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-west-1
                [profile shop]
                role_arn = arn:aws:iam::123456789012:role/Shop
                source_profile = corp
                mfa_serial = arn:aws:iam::210987654321:mfa/phone
                """, "");
        AwsProfile shop = byName(profiles).get("shop");
        assertEquals(Optional.empty(), shop.problem(), shop.toString());
        assertMentions(shop.summary(), "arn:aws:iam::123456789012:role/Shop", "IAM Identity Center",
                "https://corp.awsapps.com/start", "DatabaseAdmin", "arn:aws:iam::210987654321:mfa/phone");
        IdentityCenterLogin corp = new IdentityCenterLogin("https://corp.awsapps.com/start", "eu-west-1",
                "210987654321", "DatabaseAdmin");
        assertEquals(Optional.of(corp), profiles.identityCenterLogin("shop"), "its keys start in Identity Center");

        SignInRequest roleKeys = SignInRequest.withKeys(new io.stratus.core.identity.AwsCredentials("ASIASSOROLEKEYS00001",
                Secret.of("sso-role-secret".toCharArray()), Secret.of("sso-role-token".toCharArray())));
        List<IdentityCenterLogin> asked = new java.util.ArrayList<>();
        SignInRequest request = profiles.signInRequest("shop", Optional.of(Secret.of("123456".toCharArray())), login -> {
            asked.add(login);
            return roleKeys;
        });
        assertEquals(List.of(corp), asked);
        assertEquals("ASIASSOROLEKEYS00001", request.keys().accessKeyId());
        assertEquals("arn:aws:iam::123456789012:role/Shop", request.role().orElseThrow().roleArn());
        assertTrue(request.mfa().isPresent(), "the code goes with the role's call");
        assertEquals(List.of(), request.via());

        StratusException withoutApproval = assertThrows(StratusException.class,
                () -> profiles.signInRequest("shop", Optional.of(Secret.of("123456".toCharArray()))));
        assertEquals(Problem.UNAVAILABLE, withoutApproval.problem());
    }

    @Test
    void theFilesAreFoundWhereTheAwsSdksLookForThem() throws IOException {
        Path config = Files.writeString(home.resolve("elsewhere-config"), "[profile moved]\naws_access_key_id = "
                + "AKIAMOVED00000000001\naws_secret_access_key = x\n");
        String before = System.getProperty("aws.configFile");
        System.setProperty("aws.configFile", config.toString());
        try {
            AwsConfigFiles located = AwsConfigFiles.located();
            assertEquals(config, located.config());
            assertEquals(Path.of(System.getProperty("user.home"), ".aws", "credentials"), located.credentials());
            assertEquals(List.of("moved"), located.profiles().list().stream().map(AwsProfile::name)
                    .filter(name -> name.equals("moved")).toList());
        } finally {
            if (before == null) {
                System.clearProperty("aws.configFile");
            } else {
                System.setProperty("aws.configFile", before);
            }
        }
    }
}
