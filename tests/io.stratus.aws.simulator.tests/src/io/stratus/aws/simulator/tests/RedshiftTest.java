package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.TestSeed.ALICE;
import static io.stratus.aws.simulator.tests.TestSeed.BOB;
import static io.stratus.aws.simulator.tests.TestSeed.BOB_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.DATABASES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.GetClusterCredentialsResponse;
import software.amazon.awssdk.services.redshift.model.GetClusterCredentialsWithIamResponse;

/** Amazon Redshift as the real RedshiftClient reads it. */
class RedshiftTest extends SimulatorTestBase {

    @Test
    void describesClustersWithTheirFields() {
        List<Cluster> clusters = redshift(DATABASES, ALICE).describeClusters().clusters();

        assertEquals(1, clusters.size());
        Cluster warehouse = clusters.getFirst();
        assertEquals("warehouse", warehouse.clusterIdentifier());
        assertEquals("ra3.4xlarge", warehouse.nodeType());
        assertEquals(4, warehouse.numberOfNodes());
        assertEquals("available", warehouse.clusterStatus());
        assertEquals("analytics", warehouse.dbName());
        assertTrue(warehouse.endpoint().address().matches(
                "warehouse\\.[a-z0-9]{12}\\.eu-west-1\\.redshift\\.amazonaws\\.com"), warehouse.endpoint().address());
        assertEquals(5439, warehouse.endpoint().port());
        assertFalse(warehouse.publiclyAccessible());
        assertTrue(warehouse.vpcId().matches("vpc-[0-9a-f]{17}"), warehouse.vpcId());
        assertEquals(List.of("team=bi"), warehouse.tags().stream().map(tag -> tag.key() + "=" + tag.value()).toList());
    }

    @Test
    void aRegionWithoutClustersHasNone() {
        assertEquals(List.of(), redshift(Region.US_EAST_1, ALICE).describeClusters().clusters());
        assertEquals(0, redshift(Region.US_EAST_1, ALICE).describeClustersPaginator().clusters().stream().count());
    }

    @Test
    void temporaryCredentialsAreIssuedForADatabaseUserOrTheCallersOwnIdentityAndCheckedAtLogin() {
        String warehouse = "arn:aws:redshift:eu-west-1:" + TestSeed.ACCOUNT + ":cluster:warehouse";
        GetClusterCredentialsResponse named = redshift(DATABASES, ALICE).getClusterCredentials(r -> r
                .clusterIdentifier("warehouse").dbUser("analyst").dbGroups("readers").autoCreate(true).durationSeconds(900));
        assertEquals("IAM:analyst", named.dbUser());
        assertTrue(named.expiration().isAfter(Instant.now().plusSeconds(800)), named.expiration().toString());
        assertTrue(aws.verifyRedshiftCredentials(warehouse, "IAM:analyst", named.dbPassword()));
        assertFalse(aws.verifyRedshiftCredentials(warehouse, "IAM:other", named.dbPassword()), "for that user only");
        assertFalse(aws.verifyRedshiftCredentials(warehouse + "x", "IAM:analyst", named.dbPassword()), "for that cluster only");

        GetClusterCredentialsWithIamResponse own = redshift(DATABASES, ALICE).getClusterCredentialsWithIAM(r -> r
                .clusterIdentifier("warehouse"));
        assertEquals("IAM:alice", own.dbUser());
        assertNotEquals(named.dbPassword(), own.dbPassword());
        assertTrue(aws.verifyRedshiftCredentials(warehouse, "IAM:alice", own.dbPassword()));
        assertTrue(aws.issuedSecrets().contains(own.dbPassword()), "tests can search for it");

        assertAwsError("ClusterNotFound", 404, () -> redshift(DATABASES, ALICE).getClusterCredentialsWithIAM(r -> r
                .clusterIdentifier("gone")));
        assertAwsError("InvalidParameterValue", 400, () -> redshift(DATABASES, ALICE).getClusterCredentials(r -> r
                .clusterIdentifier("warehouse").dbUser("analyst").durationSeconds(60)));
        String denied = assertAwsError("AccessDenied", 403, () -> redshift(DATABASES, BOB).getClusterCredentials(r -> r
                .clusterIdentifier("warehouse").dbUser("analyst"))).awsErrorDetails().errorMessage();
        assertTrue(denied.contains("redshift:GetClusterCredentials on resource: arn:aws:redshift:eu-west-1:"
                + TestSeed.ACCOUNT + ":dbuser:warehouse/analyst"), denied);
    }

    @Test
    void aUserWhoMayNotDescribeClustersIsDenied() {
        String message = assertAwsError("AccessDenied", 403, () -> redshift(DATABASES, BOB).describeClusters())
                .awsErrorDetails().errorMessage();
        assertTrue(message.startsWith("User: " + BOB_ARN + " is not authorized to perform: redshift:DescribeClusters"),
                message);
    }
}
