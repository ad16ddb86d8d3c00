package io.stratus.testing;

import io.stratus.aws.simulator.seed.IdentityCenterSeed;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The AWS accounts and keys of the sign-in and administration tests, seeded into the simulator. */
public final class TestAccounts {

    public static final String ACCOUNT = "123456789012";
    public static final String OTHER_ACCOUNT = "210987654321";
    public static final String ALIAS = "stratus-prod";
    public static final String ORGANIZATION = "o-stratus0prod";

    public static final String ALICE_ID = "AKIAALICE00000000001";
    public static final String ALICE_SECRET = "alice+secret+0000000000000000000000000001";
    public static final String BOB_ID = "AKIABOB0000000000002";
    public static final String BOB_SECRET = "bob+secret+00000000000000000000000000002";
    public static final String DAVE_ID = "AKIADAVE000000000003";
    public static final String DAVE_SECRET = "dave+secret+0000000000000000000000000003";
    public static final String ROOT_ID = "AKIAROOT000000000004";
    public static final String ROOT_SECRET = "root+secret+0000000000000000000000000004";
    public static final String CAROL_ID = "AKIACAROL00000000005";
    public static final String CAROL_SECRET = "carol+secret+000000000000000000000000005";
    /** A secret that must never be found anywhere once the tests are over. */
    public static final String CANARY_ID = "AKIACANARY0000000006";
    public static final String CANARY_SECRET = "Cn4ry7Qx2Lm9Vb5Tz8Wd3Hk6Pf1Rj0Sg4Ny7Ue2Mo";
    /** The base32 secret of the canary's virtual MFA device. */
    public static final String CANARY_MFA_SECRET = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U";

    public static final String DEPLOYER_ROLE = "Deployer";

    /**
     * The AWS access portal of the seed's IAM Identity Center, where {@link #SSO_USER} has the
     * permission sets DatabaseAdmin and ReadOnly in ACCOUNT and DatabaseAdmin in OTHER_ACCOUNT.
     */
    public static final String SSO_START_URL = "https://d-9067c1a2b3.awsapps.com/start";
    public static final String SSO_REGION = "eu-west-1";
    public static final String SSO_USER = "ada";
    /** Another person of the portal, with DatabaseAdmin in ACCOUNT: whose approval must not renew ada's session. */
    public static final String SSO_OTHER_USER = "grace";
    /**
     * A role of ACCOUNT that trusts OTHER_ACCOUNT: reached from the IAM Identity Center role DatabaseAdmin there, as
     * an AWS profile's role_arn on top of an sso_session profile does.
     */
    public static final String FROM_IDENTITY_CENTER_ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/FromIdentityCenter";
    /** A role whose trust policy asks for {@link #GUARDED_EXTERNAL_ID} and MFA; every user of the account may assume it. */
    public static final String GUARDED_ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/Guarded";
    public static final String GUARDED_EXTERNAL_ID = "stratus-ext-2231";
    /** A role only the roles Deployer and Guarded may assume: reached by role chaining. */
    public static final String CHAINED_ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/Chained";
    /** A role of the other account that trusts the users of {@link #ACCOUNT}. */
    public static final String FOREIGN_ROLE_ARN = "arn:aws:iam::" + OTHER_ACCOUNT + ":role/Foreign";

    /**
     * Users with a virtual MFA device each ({@code mfa1} ... ): an MFA code works once, so each test that
     * spends one has a user of its own. IAM denies the last one {@code iam:ListMFADevices}.
     */
    public static final int MFA_USERS = 8;

    public static final Seed SEED = seed("AIDAALICE0000000FIRST");

    private TestAccounts() {
    }

    /** The seed with alice's IAM unique id chosen: a deleted and recreated alice gets a new one. */
    public static Seed seed(String aliceUniqueId) {
        return Seed.builder()
                .organization(ORGANIZATION, ACCOUNT, "aws@stratus.example")
                .account(ACCOUNT, account -> mfaUsers(account
                        .alias(ALIAS)
                        .organization(ORGANIZATION)
                        .root(root -> root.accessKey(ROOT_ID, ROOT_SECRET))
                        .user("alice", user -> user.path("/dba/").id(aliceUniqueId).accessKey(ALICE_ID, ALICE_SECRET))
                        .user("bob", user -> user.accessKey(BOB_ID, BOB_SECRET).allow("sts:*"))
                        .user("dave", user -> user.accessKey(DAVE_ID, DAVE_SECRET)
                                .deny("iam:ListAccountAliases", "organizations:*"))
                        .user("canary", user -> user.accessKey(CANARY_ID, CANARY_SECRET)
                                .mfaDevice("canary-phone", CANARY_MFA_SECRET))
                        .role(DEPLOYER_ROLE, role -> role.trustedBy("alice", "canary")
                                .maxSessionDuration(Duration.ofHours(4)))
                        .role("Guarded", role -> role.trustedBy(ACCOUNT).externalId(GUARDED_EXTERNAL_ID).mfaRequired())
                        .role("Chained", role -> role.trustedBy("arn:aws:iam::" + ACCOUNT + ":role/" + DEPLOYER_ROLE,
                                GUARDED_ROLE_ARN))
                        .role("FromIdentityCenter", role -> role.trustedBy(OTHER_ACCOUNT))))
                .account(OTHER_ACCOUNT, account -> account
                        .user("carol", user -> user.accessKey(CAROL_ID, CAROL_SECRET))
                        .role("Foreign", role -> role.trustedBy(ACCOUNT)))
                .identityCenter(IdentityCenterSeed.of(SSO_START_URL, SSO_REGION)
                        .withPermissionSet("DatabaseAdmin", List.of(), List.of())
                        .withPermissionSet("ReadOnly", List.of(), List.of("dynamodb:PutItem"))
                        .withUser(SSO_USER, ACCOUNT + ":DatabaseAdmin", ACCOUNT + ":ReadOnly", OTHER_ACCOUNT + ":DatabaseAdmin")
                        .withUser(SSO_OTHER_USER, ACCOUNT + ":DatabaseAdmin"))
                .build();
    }

    private static void mfaUsers(Seed.AccountBuilder account) {
        for (int n = 1; n <= MFA_USERS; n++) {
            int user = n;
            account.user("mfa" + n, builder -> {
                builder.accessKey(mfaKeyId(user), mfaSecret(user)).mfaDevice("mfa" + user + "-phone", mfaDeviceSecret(user));
                if (user == MFA_USERS) {
                    builder.deny("iam:ListMFADevices");
                }
            });
        }
    }

    public static String mfaKeyId(int user) {
        return "AKIAMFAUSER00000000" + user;
    }

    public static String mfaSecret(int user) {
        return "mfa" + user + "+secret+0000000000000000000000000000";
    }

    private static String mfaDeviceSecret(int user) {
        return "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ" + (char) ('A' + user);
    }

    public static AwsCredentials mfaUser(int user) {
        return keys(mfaKeyId(user), mfaSecret(user));
    }

    public static String mfaSerial(int user) {
        return "arn:aws:iam::" + ACCOUNT + ":mfa/mfa" + user + "-phone";
    }

    /** The code the user's device shows at that time (the simulator's clock decides which are current). */
    public static String mfaCode(int user, Instant at) {
        return new Seed.MfaDevice("mfa" + user + "-phone", mfaDeviceSecret(user)).codeAt(at);
    }

    public static AwsCredentials keys(String accessKeyId, String secret) {
        return new AwsCredentials(accessKeyId, Secret.of(secret), null);
    }

    public static AwsCredentials keys(String accessKeyId, String secret, String sessionToken) {
        return new AwsCredentials(accessKeyId, Secret.of(secret), sessionToken == null ? null : Secret.of(sessionToken));
    }

    public static AwsCredentials alice() {
        return keys(ALICE_ID, ALICE_SECRET);
    }

    public static AwsCredentials bob() {
        return keys(BOB_ID, BOB_SECRET);
    }

    public static AwsCredentials dave() {
        return keys(DAVE_ID, DAVE_SECRET);
    }
}
