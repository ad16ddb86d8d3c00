package io.stratus.discovery.rds;

import io.stratus.aws.AwsService;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudResource.Endpoint;
import io.stratus.core.cloud.CloudService;
import io.stratus.discovery.AccessDenied;
import io.stratus.discovery.Details;
import io.stratus.discovery.Found;
import io.stratus.discovery.Scan;
import io.stratus.discovery.ScanScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * The databases the RDS API lists, for every service behind it: RDS and Aurora, DocumentDB (the
 * {@code docdb} engine) and whichever engine a bundle adds there. One listing of a region's
 * instances and clusters (side by side) per refresh serves them all; each service keeps the
 * engines it takes. Cluster members are grouped under their cluster.
 */
public final class RdsListing {

    /**
     * Service property of a {@link io.stratus.discovery.Discovery} that shows these
     * engines of the RDS API (one or more strings); RDS and Aurora shows the engines no discovery
     * takes this way.
     */
    public static final String ENGINES = "stratus.rds.engines";

    private RdsListing() {
    }

    /** The RDS API's databases of the scope's region whose engine {@code engines} keeps, as {@code service}'s. */
    public static Found scan(Scan scan, ScanScope scope, CloudService service, Predicate<String> engines) {
        Listing listing = scan.shared(new ListingKey(scope.region()), () -> list(scan, scope.region()));
        List<String> denied = new ArrayList<>();
        List<DBInstance> foundInstances = listing.instances().map(all -> all.stream()
                .filter(i -> engines.test(i.engine())).toList())
                .orElseGet(() -> {
                    denied.add("rds:DescribeDBInstances");
                    return List.of();
                });
        List<DBCluster> foundClusters = listing.clusters().map(all -> all.stream()
                .filter(c -> engines.test(c.engine())).toList())
                .orElseGet(() -> {
                    denied.add("rds:DescribeDBClusters");
                    return List.of();
                });
        Map<String, CloudResource> instancesById = foundInstances.stream().collect(Collectors.toMap(
                DBInstance::dbInstanceIdentifier, i -> instance(i, service, scope), (a, b) -> a, LinkedHashMap::new));
        List<CloudResource> resources = new ArrayList<>();
        for (DBCluster cluster : foundClusters) {
            List<CloudResource> members = cluster.dbClusterMembers().stream()
                    .map(m -> instancesById.remove(m.dbInstanceIdentifier())).filter(m -> m != null).toList();
            resources.add(cluster(cluster, members, service, scope));
        }
        resources.addAll(instancesById.values()); // stand-alone instances, and members of unlisted clusters
        return new Found(resources, denied);
    }

    /** The RDS API's databases of one region, of every engine; empty where IAM refused the call. */
    private record Listing(Optional<List<DBInstance>> instances, Optional<List<DBCluster>> clusters) {
    }

    /** The services behind the RDS API share one listing per region and refresh: fewer calls, less throttling. */
    private record ListingKey(String region) {
    }

    private static Listing list(Scan scan, String region) {
        var rds = AwsService.rds(region);
        CompletableFuture<Optional<List<DBInstance>>> instances = scan.beside(() -> allowed(() -> scan.call(rds,
                "DescribeDBInstances", (client, signedAs) -> client.describeDBInstancesPaginator(
                        r -> r.overrideConfiguration(signedAs)).dbInstances().stream().toList())));
        Optional<List<DBCluster>> clusters = allowed(() -> scan.call(rds, "DescribeDBClusters",
                (client, signedAs) -> client.describeDBClustersPaginator(r -> r.overrideConfiguration(signedAs))
                        .dbClusters().stream().toList()));
        return new Listing(Scan.join(instances), clusters);
    }

    private static CloudResource instance(DBInstance i, CloudService service, ScanScope scope) {
        Map<String, String> details = new Details()
                .put("instanceClass", i.dbInstanceClass())
                .put("vpc", i.dbSubnetGroup() == null ? null : i.dbSubnetGroup().vpcId())
                .put("publiclyAccessible", i.publiclyAccessible())
                .put("cluster", i.dbClusterIdentifier())
                .put("masterUserSecret", i.masterUserSecret() == null ? null : i.masterUserSecret().secretArn()).toMap();
        return new CloudResource(i.dbInstanceArn() != null ? i.dbInstanceArn() : scope.arn("rds", "db:" + i.dbInstanceIdentifier()),
                service, scope.region(), i.dbInstanceIdentifier(), "instance", i.engine(), i.engineVersion(),
                i.dbInstanceStatus(), i.endpoint() == null || i.endpoint().address() == null ? Optional.empty()
                        : Optional.of(new Endpoint(i.endpoint().address(), i.endpoint().port())),
                Optional.ofNullable(i.dbName()), Boolean.TRUE.equals(i.iamDatabaseAuthenticationEnabled()), true,
                tags(i.tagList()), details, List.of());
    }

    private static CloudResource cluster(DBCluster c, List<CloudResource> members, CloudService service, ScanScope scope) {
        Map<String, String> details = new Details()
                .put("readerEndpoint", c.readerEndpoint())
                .put("storageEncrypted", c.storageEncrypted())
                .put("members", c.dbClusterMembers().size())
                .put("masterUserSecret", c.masterUserSecret() == null ? null : c.masterUserSecret().secretArn()).toMap();
        return new CloudResource(c.dbClusterArn() != null ? c.dbClusterArn() : scope.arn("rds", "cluster:" + c.dbClusterIdentifier()),
                service, scope.region(), c.dbClusterIdentifier(), "cluster", c.engine(), c.engineVersion(), c.status(),
                c.endpoint() == null ? Optional.empty() : Optional.of(new Endpoint(c.endpoint(), c.port())),
                Optional.ofNullable(c.databaseName()), Boolean.TRUE.equals(c.iamDatabaseAuthenticationEnabled()), true,
                tags(c.tagList()), details, members);
    }

    private static Map<String, String> tags(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, t -> t.value() == null ? "" : t.value(), (a, b) -> b));
    }

    /** The call's result, or empty when IAM refused it. */
    private static <T> Optional<T> allowed(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (AccessDenied denied) {
            return Optional.empty();
        }
    }
}
