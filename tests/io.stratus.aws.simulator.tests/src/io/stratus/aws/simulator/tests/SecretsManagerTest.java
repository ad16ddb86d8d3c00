package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.TestSeed.ACCOUNT;
import static io.stratus.aws.simulator.tests.TestSeed.ALICE;
import static io.stratus.aws.simulator.tests.TestSeed.BOB;
import static io.stratus.aws.simulator.tests.TestSeed.BOB_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.CUSTOMER_KEY;
import static io.stratus.aws.simulator.tests.TestSeed.DAVE;
import static io.stratus.aws.simulator.tests.TestSeed.DAVE_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.ERIN;
import static io.stratus.aws.simulator.tests.TestSeed.SECRETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/** AWS Secrets Manager (JSON 1.1) and RDS's master user secrets as the real SDK clients read them. */
class SecretsManagerTest extends SimulatorTestBase {

    @Test
    void listsSecretsWithTagsAndStagesAndFiltersThemByPrefix() {
        SecretsManagerClient secrets = secretsManager(SECRETS, ALICE);
        List<SecretListEntry> all = secrets.listSecretsPaginator(r -> r.maxResults(2)).stream()
                .flatMap(page -> page.secretList().stream()).toList();
        assertEquals(List.of("app/billing", "app/encrypted", "rds!db-billing", "webhook/token"),
                all.stream().map(SecretListEntry::name).toList(), "every page, in name order");
        SecretListEntry managed = all.get(2);
        assertTrue(managed.arn().matches("arn:aws:secretsmanager:ca-central-1:" + ACCOUNT
                + ":secret:rds!db-billing-[A-Za-z0-9]{6}"), managed.arn());
        assertEquals("rds", managed.owningService());
        assertEquals(List.of("aws:rds:primaryDBInstanceArn"), managed.tags().stream().map(t -> t.key()).toList());
        assertEquals(List.of(List.of("AWSCURRENT")), List.copyOf(managed.secretVersionsToStages().values()));
        assertEquals(CUSTOMER_KEY, all.get(1).kmsKeyId());

        assertEquals(List.of("app/billing", "app/encrypted"), names(secrets, FilterNameStringType.NAME, "app/"));
        assertEquals(List.of("rds!db-billing", "webhook/token"), names(secrets, FilterNameStringType.NAME, "!app/"));
        assertEquals(List.of("rds!db-billing"), names(secrets, FilterNameStringType.TAG_KEY, "aws:rds:"));
        assertEquals(List.of("app/billing"), names(secrets, FilterNameStringType.TAG_VALUE, "bill"));
        assertEquals(List.of("webhook/token"), names(secrets, FilterNameStringType.DESCRIPTION, "API"));
        assertEquals(List.of(), secretsManager(Region.US_EAST_1, ALICE).listSecrets().secretList(), "secrets are regional");
    }

    @Test
    void readsTheCurrentValueByNameOrArnAndDescribesWithoutIt() {
        SecretsManagerClient secrets = secretsManager(SECRETS, ALICE);
        GetSecretValueResponse value = secrets.getSecretValue(r -> r.secretId("app/billing"));
        assertTrue(value.secretString().contains("\"password\":\"app-password-0001\""));
        assertEquals(List.of("AWSCURRENT"), value.versionStages());
        assertEquals(value.versionId(), secrets.getSecretValue(r -> r.secretId(value.arn())).versionId());

        DescribeSecretResponse described = secrets.describeSecret(r -> r.secretId(value.arn()));
        assertEquals("app/billing", described.name());
        assertEquals(Map.of(value.versionId(), List.of("AWSCURRENT")), described.versionIdsToStages());
        assertTrue(!described.toString().contains("app-password-0001"), "a description never holds the value");

        assertAwsError("ResourceNotFoundException", 400, () -> secrets.getSecretValue(r -> r.secretId("app/none")));
        assertAwsError("ResourceNotFoundException", 400,
                () -> secrets.getSecretValue(r -> r.secretId("app/billing").versionStage("AWSPREVIOUS")));
    }

    @Test
    void aRotatedSecretHasANewCurrentVersionAndKeepsThePreviousOne() {
        SecretsManagerClient secrets = secretsManager(SECRETS, ALICE);
        String first = secrets.getSecretValue(r -> r.secretId("app/encrypted")).versionId();
        String second = aws.rotateSecret(ACCOUNT, SECRETS.id(), "app/encrypted",
                "{\"username\":\"audit\",\"password\":\"audit-password-0002\"}");
        assertNotEquals(first, second);

        GetSecretValueResponse current = secrets.getSecretValue(r -> r.secretId("app/encrypted"));
        assertEquals(second, current.versionId());
        assertTrue(current.secretString().contains("audit-password-0002"));
        GetSecretValueResponse previous = secrets.getSecretValue(r -> r.secretId("app/encrypted").versionStage("AWSPREVIOUS"));
        assertEquals(first, previous.versionId());
        assertTrue(previous.secretString().contains("audit-password-0001"));
        assertTrue(secrets.getSecretValue(r -> r.secretId("app/encrypted").versionId(first)).secretString()
                .contains("audit-password-0001"));
        assertEquals(Map.of(first, List.of("AWSPREVIOUS"), second, List.of("AWSCURRENT")),
                secrets.describeSecret(r -> r.secretId("app/encrypted")).versionIdsToStages());
    }

    @Test
    void readingNeedsGetSecretValueAndForACustomerKeyKmsDecrypt() {
        String denied = assertAwsError("AccessDeniedException", 403,
                () -> secretsManager(SECRETS, DAVE).getSecretValue(r -> r.secretId("app/billing")))
                .awsErrorDetails().errorMessage();
        assertTrue(denied.startsWith("User: " + DAVE_ARN + " is not authorized to perform: secretsmanager:GetSecretValue"
                + " on resource: arn:aws:secretsmanager:ca-central-1:" + ACCOUNT + ":secret:app/billing-"), denied);
        assertEquals(1, secretsManager(SECRETS, DAVE).describeSecret(r -> r.secretId("app/billing")).tags().size(),
                "describing is another action");
        String notAllowed = assertAwsError("AccessDeniedException", 403,
                () -> secretsManager(SECRETS, BOB).listSecrets()).awsErrorDetails().errorMessage();
        assertTrue(notAllowed.startsWith("User: " + BOB_ARN + " is not authorized to perform: secretsmanager:ListSecrets"),
                notAllowed);

        String kms = assertAwsError("AccessDeniedException", 403,
                () -> secretsManager(SECRETS, ERIN).getSecretValue(r -> r.secretId("app/encrypted")))
                .awsErrorDetails().errorMessage();
        assertEquals("Access to KMS is not allowed", kms);
        assertTrue(secretsManager(SECRETS, ERIN).getSecretValue(r -> r.secretId("app/billing")).secretString()
                .contains("app-password-0001"), "AWS's managed key needs no kms:Decrypt");
    }

    @Test
    void rdsNamesTheMasterUserSecretOfAnInstance() {
        DBInstance billing = rds(SECRETS, ALICE).describeDBInstances().dbInstances().getFirst();
        String arn = secretsManager(SECRETS, ALICE).describeSecret(r -> r.secretId("rds!db-billing")).arn();
        assertEquals(arn, billing.masterUserSecret().secretArn());
        assertEquals("active", billing.masterUserSecret().secretStatus());
        assertEquals("arn:aws:kms:ca-central-1:" + ACCOUNT + ":alias/aws/secretsmanager", billing.masterUserSecret().kmsKeyId());
    }

    private static List<String> names(SecretsManagerClient secrets, FilterNameStringType key, String value) {
        return secrets.listSecrets(r -> r.filters(f -> f.key(key).values(value))).secretList().stream()
                .map(SecretListEntry::name).toList();
    }
}
