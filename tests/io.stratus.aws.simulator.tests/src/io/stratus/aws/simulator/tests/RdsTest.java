package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.TestSeed.ACCOUNT;
import static io.stratus.aws.simulator.tests.TestSeed.ALICE;
import static io.stratus.aws.simulator.tests.TestSeed.BOB;
import static io.stratus.aws.simulator.tests.TestSeed.DATABASES;
import static io.stratus.aws.simulator.tests.TestSeed.DAVE;
import static io.stratus.aws.simulator.tests.TestSeed.DAVE_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.GENERATED;
import static io.stratus.aws.simulator.tests.TestSeed.MANY_DATABASES;
import static io.stratus.aws.simulator.tests.TestSeed.ORDERS_VPC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterMember;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.Tag;

/** RDS (and DocumentDB, which shares its API) as the real RdsClient reads it. */
class RdsTest extends SimulatorTestBase {

    @Test
    void describesDbInstancesWithTheirFields() {
        Map<String, DBInstance> instances = byId(rds(DATABASES, ALICE).describeDBInstances().dbInstances(),
                DBInstance::dbInstanceIdentifier);

        assertEquals(List.of("catalog-1", "catalog-2", "documents-1", "legacy", "orders"), List.copyOf(instances.keySet()));
        DBInstance orders = instances.get("orders");
        assertEquals("postgres", orders.engine());
        assertEquals("16.4", orders.engineVersion());
        assertEquals("db.r6g.large", orders.dbInstanceClass());
        assertEquals("available", orders.dbInstanceStatus());
        assertEquals("orders", orders.dbName());
        assertTrue(orders.endpoint().address().matches("orders\\.[a-z0-9]{12}\\.eu-west-1\\.rds\\.amazonaws\\.com"),
                orders.endpoint().address());
        assertEquals(5432, orders.endpoint().port());
        assertTrue(orders.iamDatabaseAuthenticationEnabled());
        assertFalse(orders.publiclyAccessible());
        assertEquals(ORDERS_VPC, orders.dbSubnetGroup().vpcId());
        assertNull(orders.dbClusterIdentifier());
        assertEquals("arn:aws:rds:eu-west-1:" + ACCOUNT + ":db:orders", orders.dbInstanceArn());
        assertEquals(List.of("team=shop", "env=prod"), tags(orders.tagList()));

        DBInstance legacy = instances.get("legacy");
        assertEquals("stopped", legacy.dbInstanceStatus());
        assertEquals("legacy.db.example.com", legacy.endpoint().address());
        assertEquals(3307, legacy.endpoint().port());
        assertTrue(legacy.publiclyAccessible());
        assertFalse(legacy.iamDatabaseAuthenticationEnabled());
        assertTrue(legacy.dbSubnetGroup().vpcId().matches("vpc-[0-9a-f]{17}"), legacy.dbSubnetGroup().vpcId());
        assertEquals(List.of(), tags(legacy.tagList()));

        assertEquals("catalog", instances.get("catalog-1").dbClusterIdentifier());
        assertEquals(27017, instances.get("documents-1").endpoint().port());
        assertTrue(instances.get("documents-1").endpoint().address().endsWith(".eu-west-1.docdb.amazonaws.com"));
    }

    @Test
    void describesAuroraAndDocumentDbClusters() {
        Map<String, DBCluster> clusters = byId(rds(DATABASES, ALICE).describeDBClusters().dbClusters(),
                DBCluster::dbClusterIdentifier);

        assertEquals(List.of("catalog", "documents"), List.copyOf(clusters.keySet()));
        DBCluster catalog = clusters.get("catalog");
        assertEquals("aurora-postgresql", catalog.engine());
        assertEquals("available", catalog.status());
        assertEquals("catalog", catalog.databaseName());
        assertTrue(catalog.endpoint().matches("catalog\\.cluster-[a-z0-9]{12}\\.eu-west-1\\.rds\\.amazonaws\\.com"),
                catalog.endpoint());
        assertEquals(catalog.endpoint().replace(".cluster-", ".cluster-ro-"), catalog.readerEndpoint());
        assertEquals(5432, catalog.port());
        assertTrue(catalog.iamDatabaseAuthenticationEnabled());
        assertTrue(catalog.storageEncrypted());
        assertEquals(List.of("catalog-1 writer", "catalog-2 reader"), catalog.dbClusterMembers().stream()
                .map(RdsTest::member).toList());
        assertEquals("arn:aws:rds:eu-west-1:" + ACCOUNT + ":cluster:catalog", catalog.dbClusterArn());
        assertEquals(List.of("team=search"), tags(catalog.tagList()));

        DBCluster documents = clusters.get("documents");
        assertEquals("docdb", documents.engine());
        assertEquals(27017, documents.port());
        assertFalse(documents.storageEncrypted());
        assertTrue(documents.endpoint().endsWith(".eu-west-1.docdb.amazonaws.com"), documents.endpoint());
    }

    /** How DocumentDB's own client and console tell its clusters from Aurora's. */
    @Test
    void filtersByEngineAsDocumentDbDoes() {
        RdsClient rds = rds(DATABASES, ALICE);
        Filter docdb = Filter.builder().name("engine").values("docdb").build();

        assertEquals(List.of("documents"), rds.describeDBClusters(r -> r.filters(docdb)).dbClusters().stream()
                .map(DBCluster::dbClusterIdentifier).toList());
        assertEquals(List.of("documents-1"), rds.describeDBInstances(r -> r.filters(docdb)).dbInstances().stream()
                .map(DBInstance::dbInstanceIdentifier).toList());
        Filter relational = Filter.builder().name("engine").values("postgres", "mysql").build();
        assertEquals(List.of("legacy", "orders"), rds.describeDBInstances(r -> r.filters(relational)).dbInstances()
                .stream().map(DBInstance::dbInstanceIdentifier).toList());
        assertAwsError("InvalidParameterValue", 400, () -> rds.describeDBClusters(r -> r.filters(
                Filter.builder().name("colour").values("blue").build())));
    }

    @Test
    void eachRegionHasItsOwnDatabases() {
        assertEquals(List.of("us-app"), rds(Region.US_EAST_1, ALICE).describeDBInstances().dbInstances().stream()
                .map(DBInstance::dbInstanceIdentifier).toList());
        assertEquals(List.of(), rds(Region.EU_NORTH_1, ALICE).describeDBInstances().dbInstances());
        assertEquals(List.of(), rds(Region.EU_NORTH_1, ALICE).describeDBClusters().dbClusters());
    }

    @Test
    void theSdkPaginatorWalksEveryPage() {
        RdsClient rds = rds(MANY_DATABASES, ALICE);

        long start = System.nanoTime();
        List<DBInstance> all = rds.describeDBInstancesPaginator(r -> r.maxRecords(20)).dbInstances().stream().toList();
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(GENERATED, all.size());
        assertEquals(GENERATED, new HashSet<>(all.stream().map(DBInstance::dbInstanceIdentifier).toList()).size());
        assertEquals("bench-00001", all.getFirst().dbInstanceIdentifier());
        assertEquals("bench-02000", all.getLast().dbInstanceIdentifier());
        assertEquals(GENERATED / 20, aws.calls().count("rds:DescribeDBInstances"));
        System.out.printf("Paged through %d DB instances in %d pages of 20 in %d ms%n", all.size(), GENERATED / 20,
                tookMillis);

        aws.calls().clear();
        assertEquals(GENERATED, rds.describeDBInstancesPaginator().dbInstances().stream().count());
        assertEquals(GENERATED / 100, aws.calls().count("rds:DescribeDBInstances"), "pages of 100 by default");
    }

    @Test
    void rejectsAPageSizeRdsDoesNotAllow() {
        RdsClient rds = rds(MANY_DATABASES, ALICE);

        assertAwsError("InvalidParameterValue", 400, () -> rds.describeDBInstances(r -> r.maxRecords(10)));
        assertAwsError("InvalidParameterValue", 400, () -> rds.describeDBInstances(r -> r.maxRecords(101)));
        assertAwsError("InvalidParameterValue", 400, () -> rds.describeDBInstances(r -> r.marker("not-a-marker")));
    }

    @Test
    void deniedActionsAreAccessDenied() {
        String message = assertAwsError("AccessDenied", 403, () -> rds(DATABASES, DAVE).describeDBInstances())
                .awsErrorDetails().errorMessage();
        assertEquals("User: " + DAVE_ARN + " is not authorized to perform: rds:DescribeDBInstances on resource: "
                + "arn:aws:rds:eu-west-1:" + ACCOUNT + ":db:* with an explicit deny in an identity-based policy", message);
        assertEquals(2, rds(DATABASES, DAVE).describeDBClusters().dbClusters().size(), "only instances are denied");
        assertAwsError("AccessDenied", 403, () -> rds(DATABASES, BOB).describeDBClusters()); // bob may only call STS
    }

    /** In the order the simulator answered, which is AWS's: by identifier. */
    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, item -> item, (a, b) -> a, LinkedHashMap::new));
    }

    private static List<String> tags(List<Tag> tags) {
        return tags.stream().map(tag -> tag.key() + "=" + tag.value()).toList();
    }

    private static String member(DBClusterMember member) {
        return member.dbInstanceIdentifier() + (member.isClusterWriter() ? " writer" : " reader");
    }
}
