package io.stratus.explorer.internal;

import static io.stratus.explorer.internal.RdsFamilyScanner.put;

import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudResource.Endpoint;
import io.stratus.core.cloud.CloudService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.redshift.model.Cluster;

/** Redshift clusters ({@code DescribeClusters}). */
final class RedshiftScanner implements Scanner {

    private static final String DESCRIBE_CLUSTERS = "DescribeClusters";

    @Override
    public CloudService service() {
        return CloudService.REDSHIFT;
    }

    @Override
    public Found scan(Scan scan, ScanScope scope) {
        var redshift = scan.aws().clients().redshift(scope.region());
        var as = scan.aws().clients().as(scan.credentials());
        try {
            return Found.all(scan.aws().call("redshift", DESCRIBE_CLUSTERS, () -> redshift
                    .describeClustersPaginator(r -> r.overrideConfiguration(as)).clusters().stream()
                    .map(c -> cluster(c, scope)).toList()));
        } catch (AwsCalls.AccessDenied denied) {
            return new Found(List.of(), List.of(denied.action));
        }
    }

    private static CloudResource cluster(Cluster c, ScanScope scope) {
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "nodeType", c.nodeType());
        put(details, "numberOfNodes", c.numberOfNodes());
        put(details, "publiclyAccessible", c.publiclyAccessible());
        put(details, "vpc", c.vpcId());
        return new CloudResource(scope.arn("redshift", "cluster:" + c.clusterIdentifier()), CloudService.REDSHIFT,
                scope.region(), c.clusterIdentifier(), "cluster", "redshift", c.clusterVersion(), c.clusterStatus(),
                c.endpoint() == null || c.endpoint().address() == null ? Optional.empty()
                        : Optional.of(new Endpoint(c.endpoint().address(), c.endpoint().port())),
                Optional.ofNullable(c.dbName()), false, true,
                c.tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value() == null ? "" : t.value(), (a, b) -> b)),
                details, List.of());
    }
}
