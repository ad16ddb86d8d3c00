package io.stratus.explorer.internal;

import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudResource.Endpoint;
import io.stratus.core.cloud.CloudService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * RDS and Aurora, or DocumentDB: both live behind the RDS API, DocumentDB being the {@code docdb}
 * engine, so one listing of a region's instances and clusters (side by side) serves both. Cluster
 * members are grouped under their cluster.
 */
final class RdsFamilyScanner implements Scanner {

    private static final String DOCDB = "docdb";

    private final CloudService service;

    private RdsFamilyScanner(CloudService service) {
        this.service = service;
    }

    static RdsFamilyScanner rds() {
        return new RdsFamilyScanner(CloudService.RDS);
    }

    static RdsFamilyScanner documentDb() {
        return new RdsFamilyScanner(CloudService.DOCUMENTDB);
    }

    @Override
    public CloudService service() {
        return service;
    }

    @Override
    public Found scan(Scan scan, ScanScope scope) {
        Listing listing = scan.shared(new ListingKey(scope.region()), () -> list(scan, scope.region()));
        List<String> denied = new ArrayList<>();
        List<DBInstance> foundInstances = listing.instances().map(all -> all.stream().filter(this::ours).toList())
                .orElseGet(() -> {
                    denied.add("rds:DescribeDBInstances");
                    return List.of();
                });
        List<DBCluster> foundClusters = listing.clusters().map(all -> all.stream().filter(c -> ours(c.engine())).toList())
                .orElseGet(() -> {
                    denied.add("rds:DescribeDBClusters");
                    return List.of();
                });
        Map<String, CloudResource> instancesById = foundInstances.stream().collect(Collectors.toMap(
                DBInstance::dbInstanceIdentifier, i -> instance(i, scope), (a, b) -> a, LinkedHashMap::new));
        List<CloudResource> resources = new ArrayList<>();
        for (DBCluster cluster : foundClusters) {
            List<CloudResource> members = cluster.dbClusterMembers().stream()
                    .map(m -> instancesById.remove(m.dbInstanceIdentifier())).filter(m -> m != null).toList();
            resources.add(cluster(cluster, members, scope));
        }
        resources.addAll(instancesById.values()); // stand-alone instances, and members of unlisted clusters
        return new Found(resources, denied);
    }

    /** The RDS API's databases of one region, DocumentDB's included; empty where IAM refused the call. */
    private record Listing(Optional<List<DBInstance>> instances, Optional<List<DBCluster>> clusters) {
    }

    /** RDS and DocumentDB of one refresh share one listing per region: half the calls, half the throttling. */
    private record ListingKey(String region) {
    }

    private static Listing list(Scan scan, String region) {
        var rds = scan.aws().clients().rds(region);
        var as = scan.aws().clients().as(scan.credentials());
        CompletableFuture<Optional<List<DBInstance>>> instances = scan.beside(() -> allowed(() -> scan.aws().call("rds",
                "DescribeDBInstances", () -> rds.describeDBInstancesPaginator(r -> r.overrideConfiguration(as))
                        .dbInstances().stream().toList())));
        Optional<List<DBCluster>> clusters = allowed(() -> scan.aws().call("rds", "DescribeDBClusters",
                () -> rds.describeDBClustersPaginator(r -> r.overrideConfiguration(as)).dbClusters().stream().toList()));
        return new Listing(Scan.join(instances), clusters);
    }

    private boolean ours(DBInstance instance) {
        return ours(instance.engine());
    }

    private boolean ours(String engine) {
        return (service == CloudService.DOCUMENTDB) == DOCDB.equals(engine);
    }

    private CloudResource instance(DBInstance i, ScanScope scope) {
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "instanceClass", i.dbInstanceClass());
        put(details, "vpc", i.dbSubnetGroup() == null ? null : i.dbSubnetGroup().vpcId());
        put(details, "publiclyAccessible", i.publiclyAccessible());
        put(details, "cluster", i.dbClusterIdentifier());
        return new CloudResource(i.dbInstanceArn() != null ? i.dbInstanceArn() : scope.arn("rds", "db:" + i.dbInstanceIdentifier()),
                service, scope.region(), i.dbInstanceIdentifier(), "instance", i.engine(), i.engineVersion(),
                i.dbInstanceStatus(), i.endpoint() == null || i.endpoint().address() == null ? Optional.empty()
                        : Optional.of(new Endpoint(i.endpoint().address(), i.endpoint().port())),
                Optional.ofNullable(i.dbName()), Boolean.TRUE.equals(i.iamDatabaseAuthenticationEnabled()), true,
                tags(i.tagList()), details, List.of());
    }

    private CloudResource cluster(DBCluster c, List<CloudResource> members, ScanScope scope) {
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "readerEndpoint", c.readerEndpoint());
        put(details, "storageEncrypted", c.storageEncrypted());
        put(details, "members", c.dbClusterMembers().size());
        return new CloudResource(c.dbClusterArn() != null ? c.dbClusterArn() : scope.arn("rds", "cluster:" + c.dbClusterIdentifier()),
                service, scope.region(), c.dbClusterIdentifier(), "cluster", c.engine(), c.engineVersion(), c.status(),
                c.endpoint() == null ? Optional.empty() : Optional.of(new Endpoint(c.endpoint(), c.port())),
                Optional.ofNullable(c.databaseName()), Boolean.TRUE.equals(c.iamDatabaseAuthenticationEnabled()), true,
                tags(c.tagList()), details, members);
    }

    private static Map<String, String> tags(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, t -> t.value() == null ? "" : t.value(), (a, b) -> b));
    }

    static void put(Map<String, String> details, String key, Object value) {
        if (value != null) {
            details.put(key, value.toString());
        }
    }

    /** The call's result, or empty when IAM refused it. */
    private static <T> Optional<T> allowed(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (AwsCalls.AccessDenied denied) {
            return Optional.empty();
        }
    }
}
