package io.stratus.aws.simulator.tests;

import io.stratus.aws.simulator.Seed;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/** The accounts every simulator test signs in to, built with the seed's Java API. */
final class TestSeed {

    static final String ACCOUNT = "123456789012";
    static final String ALIAS = "stratus-test";
    static final String ORGANIZATION = "o-stratus0test";
    /** An account with neither alias nor organization. */
    static final String LONE_ACCOUNT = "210987654321";

    static final AwsBasicCredentials ROOT = AwsBasicCredentials.create("AKIAROOT123456789012", "root/secret/123456789012/0000000000000000");
    /** alice may do anything and may assume the Deployer role. */
    static final AwsBasicCredentials ALICE = AwsBasicCredentials.create("AKIAALICE12345678901", "alice/secret/000000000000000000000000000");
    static final AwsBasicCredentials ALICE_INACTIVE = AwsBasicCredentials.create("AKIAALICEOLD12345678", "alice/old/secret/0000000000000000000000");
    /** bob may only call STS. */
    static final AwsBasicCredentials BOB = AwsBasicCredentials.create("AKIABOB1234567890123", "bob/secret/00000000000000000000000000000");
    /** dave may do anything but read the account alias and the organization. */
    static final AwsBasicCredentials DAVE = AwsBasicCredentials.create("AKIADAVE123456789012", "dave/secret/0000000000000000000000000000");
    /** carol lives in the account that has no alias and no organization. */
    static final AwsBasicCredentials CAROL = AwsBasicCredentials.create("AKIACAROL21098765432", "carol/secret/000000000000000000000000000");

    static final String ALICE_ARN = "arn:aws:iam::" + ACCOUNT + ":user/engineering/alice";
    static final String BOB_ARN = "arn:aws:iam::" + ACCOUNT + ":user/bob";
    static final String DAVE_ARN = "arn:aws:iam::" + ACCOUNT + ":user/dave";
    static final String DEPLOYER_ARN = "arn:aws:iam::" + ACCOUNT + ":role/Deployer";

    static final Seed SEED = Seed.builder()
            .organization(ORGANIZATION, ACCOUNT, "aws@stratus.example")
            .account(ACCOUNT, account -> account
                    .alias(ALIAS)
                    .organization(ORGANIZATION)
                    .root(root -> root.accessKey(ROOT.accessKeyId(), ROOT.secretAccessKey()))
                    .user("alice", user -> user.path("/engineering/")
                            .accessKey(ALICE.accessKeyId(), ALICE.secretAccessKey())
                            .accessKey(ALICE_INACTIVE.accessKeyId(), ALICE_INACTIVE.secretAccessKey(),
                                    Seed.AccessKey.Status.Inactive))
                    .user("bob", user -> user.accessKey(BOB.accessKeyId(), BOB.secretAccessKey()).allow("sts:*"))
                    .user("dave", user -> user.accessKey(DAVE.accessKeyId(), DAVE.secretAccessKey())
                            .deny("iam:ListAccountAliases", "organizations:*"))
                    .role("Deployer", role -> role.trustedBy("alice").maxSessionDuration(Duration.ofHours(4))))
            .account(LONE_ACCOUNT, account -> account
                    .user("carol", user -> user.accessKey(CAROL.accessKeyId(), CAROL.secretAccessKey())))
            .build();

    private TestSeed() {
    }
}
