package io.stratus.aws.simulator.tests;

import io.stratus.aws.simulator.seed.IdentityCenterSeed;
import io.stratus.aws.simulator.seed.RegionBuilder;
import io.stratus.aws.simulator.seed.Seed;

import java.time.Duration;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

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
    /** dave may do anything but read the account alias, the organization, the list of DB instances and secret values. */
    static final AwsBasicCredentials DAVE = AwsBasicCredentials.create("AKIADAVE123456789012", "dave/secret/0000000000000000000000000000");
    /** erin may do anything but write DynamoDB items with PutItem or a PartiQL INSERT, and decrypt with KMS. */
    static final AwsBasicCredentials ERIN = AwsBasicCredentials.create("AKIAERIN123456789012", "erin/secret/0000000000000000000000000000");
    /** carol lives in the account that has no alias and no organization. */
    static final AwsBasicCredentials CAROL = AwsBasicCredentials.create("AKIACAROL21098765432", "carol/secret/000000000000000000000000000");

    /** The AWS access portal of the seed's IAM Identity Center: alice has two roles in ACCOUNT, one in LONE_ACCOUNT. */
    static final String START_URL = "https://d-9067c1a2b3.awsapps.com/start";

    static final String ALICE_ARN = "arn:aws:iam::" + ACCOUNT + ":user/engineering/alice";
    static final String BOB_ARN = "arn:aws:iam::" + ACCOUNT + ":user/bob";
    static final String DAVE_ARN = "arn:aws:iam::" + ACCOUNT + ":user/dave";
    static final String ERIN_ARN = "arn:aws:iam::" + ACCOUNT + ":user/erin";
    static final String DEPLOYER_ARN = "arn:aws:iam::" + ACCOUNT + ":role/Deployer";
    /** Its keys last 30 seconds, whatever is asked: the simulator's way to keys that expire soon. */
    static final String BRIEF_ARN = "arn:aws:iam::" + ACCOUNT + ":role/Brief";

    /** The region with one database of every kind (see {@link #databases}). */
    static final Region DATABASES = Region.EU_WEST_1;
    /** The region with {@link #GENERATED} generated DB instances, for paging. */
    static final Region MANY_DATABASES = Region.AP_SOUTHEAST_2;
    static final int GENERATED = 2000;
    /** DynamoDB tables in {@link #MANY_DATABASES}: two pages of {@code ListTables} and a bit. */
    static final int MANY_TABLES = 230;
    /** Redshift Serverless workgroups in {@link #MANY_DATABASES}: two pages of {@code ListWorkgroups} and a bit. */
    static final int MANY_WORKGROUPS = 205;
    static final String ORDERS_VPC = "vpc-0a1b2c3d4e5f60718";
    /** The region whose DynamoDB tables the data-plane tests read and write (see {@link #items}). */
    static final Region ITEMS = Region.EU_CENTRAL_1;
    /** The region with Secrets Manager secrets (see {@link #secrets}). */
    static final Region SECRETS = Region.CA_CENTRAL_1;
    static final String CUSTOMER_KEY = "arn:aws:kms:ca-central-1:" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";

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
                            .deny("iam:ListAccountAliases", "organizations:*", "rds:DescribeDBInstances",
                                    "secretsmanager:GetSecretValue"))
                    .user("erin", user -> user.accessKey(ERIN.accessKeyId(), ERIN.secretAccessKey())
                            .deny("dynamodb:PutItem", "dynamodb:PartiQLInsert", "kms:Decrypt"))
                    .role("Deployer", role -> role.trustedBy("alice").maxSessionDuration(Duration.ofHours(4)))
                    .role("Brief", role -> role.trustedBy("alice").keysLast(Duration.ofSeconds(30)))
                    .region(DATABASES.id(), TestSeed::databases)
                    .region(Region.US_EAST_1.id(), region -> region.dbInstance("us-app", db -> db.engine("mysql")))
                    .region(MANY_DATABASES.id(), TestSeed::manyDatabases)
                    .region(ITEMS.id(), TestSeed::items)
                    .region(SECRETS.id(), TestSeed::secrets))
            .account(LONE_ACCOUNT, account -> account
                    .user("carol", user -> user.accessKey(CAROL.accessKeyId(), CAROL.secretAccessKey())))
            .identityCenter(IdentityCenterSeed.of(START_URL, "eu-central-1")
                    .withPermissionSet("DatabaseAdmin", List.of(), List.of())
                    .withPermissionSet("ReadOnly", List.of(), List.of("dynamodb:PutItem"))
                    .withUser("alice", ACCOUNT + ":DatabaseAdmin", ACCOUNT + ":ReadOnly", LONE_ACCOUNT + ":ReadOnly")
                    .withUser("frank"))
            .build();

    /**
     * A stand-alone PostgreSQL and MySQL, an Aurora cluster of two instances, a DocumentDB cluster
     * of one, a Redshift cluster, a Redshift Serverless workgroup and two DynamoDB tables.
     */
    private static void databases(RegionBuilder region) {
        region.dbInstance("orders", db -> db.engine("postgres").engineVersion("16.4").instanceClass("db.r6g.large")
                        .dbName("orders").iamAuthentication(true).vpcId(ORDERS_VPC).tag("team", "shop").tag("env", "prod"))
                .dbInstance("legacy", db -> db.engine("mysql").status("stopped").publiclyAccessible(true)
                        .address("legacy.db.example.com").port(3307))
                .dbCluster("catalog", cluster -> cluster.engine("aurora-postgresql").iamAuthentication(true)
                        .dbName("catalog").tag("team", "search"))
                .dbInstance("catalog-1", db -> db.engine("aurora-postgresql").cluster("catalog"))
                .dbInstance("catalog-2", db -> db.engine("aurora-postgresql").cluster("catalog"))
                .dbCluster("documents", cluster -> cluster.engine("docdb").storageEncrypted(false))
                .dbInstance("documents-1", db -> db.engine("docdb").instanceClass("db.r6g.large").cluster("documents"))
                .redshiftCluster("warehouse", warehouse -> warehouse.nodeType("ra3.4xlarge").numberOfNodes(4)
                        .dbName("analytics").tag("team", "bi"))
                .redshiftWorkgroup("reporting", "reports")
                .dynamoDbTable("sessions", table -> table.partitionKey("user", "S").sortKey("started", "N")
                        .globalSecondaryIndex("by-device").localSecondaryIndex("by-expiry")
                        .itemCount(1_204).sizeBytes(98_304))
                .dynamoDbTable("carts", table -> table.partitionKey("cart", "S").billingMode("PROVISIONED")
                        .status("UPDATING"));
    }

    private static void manyDatabases(RegionBuilder region) {
        region.generatedDbInstances(GENERATED, "bench");
        for (int i = 1; i <= MANY_TABLES; i++) {
            region.dynamoDbTable("table-%04d".formatted(i), table -> table.partitionKey("id", "S"));
        }
        for (int i = 1; i <= MANY_WORKGROUPS; i++) {
            region.redshiftWorkgroup("wg-%03d".formatted(i), null);
        }
    }

    /**
     * Tables for the data plane, each test class writing its own: {@code books} (key {@code isbn},
     * starting with two items), {@code readings} (key {@code sensor} + numeric {@code at}, a global
     * index {@code kind} and a local index {@code label}), {@code bulk} (key {@code id}) for large
     * scans, {@code songs} (key {@code artist} + {@code title}) for PartiQL and {@code blobs}
     * (binary key {@code hash}, numeric sort key {@code n}).
     */
    private static void items(RegionBuilder region) {
        region.dynamoDbTable("books", table -> table.partitionKey("isbn", "S")
                        .item("{\"isbn\": {\"S\": \"978-0\"}, \"title\": {\"S\": \"Seeded\"}, \"pages\": {\"N\": \"120\"}}")
                        .item("{\"isbn\": {\"S\": \"978-1\"}, \"tags\": {\"SS\": [\"old\", \"rare\"]}}"))
                .dynamoDbTable("readings", table -> table.partitionKey("sensor", "S").sortKey("at", "N")
                        .globalSecondaryIndex("kind").localSecondaryIndex("label"))
                .dynamoDbTable("bulk", table -> table.partitionKey("id", "S"))
                .dynamoDbTable("songs", table -> table.partitionKey("artist", "S").sortKey("title", "S"))
                .dynamoDbTable("blobs", table -> table.partitionKey("hash", "B").sortKey("n", "N"));
    }

    /**
     * A PostgreSQL instance whose master user password RDS manages in {@code rds!db-billing}, the
     * credentials of an application for it, a secret encrypted with a customer managed key and one
     * that is no database's.
     */
    private static void secrets(RegionBuilder region) {
        region.dbInstance("billing", db -> db.engine("postgres").masterUserSecret("rds!db-billing"))
                .secret("rds!db-billing", "{\"username\":\"postgres\",\"password\":\"rds-managed-0001\"}",
                        secret -> secret.owningService("rds").description("Secret associated with primary RDS DB instance")
                                .tag("aws:rds:primaryDBInstanceArn", "arn:aws:rds:ca-central-1:" + ACCOUNT + ":db:billing"))
                .secret("app/billing", "{\"engine\":\"postgres\",\"host\":\"billing.example\",\"port\":5432,"
                        + "\"username\":\"app\",\"password\":\"app-password-0001\"}", secret -> secret.tag("team", "billing"))
                .secret("app/encrypted", "{\"username\":\"audit\",\"password\":\"audit-password-0001\"}",
                        secret -> secret.kmsKeyId(CUSTOMER_KEY))
                .secret("webhook/token", "not a database's", secret -> secret.description("API token"));
    }

    private TestSeed() {
    }
}
