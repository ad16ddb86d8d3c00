package io.stratus.connect.redshift;

import io.stratus.aws.AwsService;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudResource.Endpoint;
import io.stratus.core.cloud.CloudService;
import io.stratus.discovery.AccessDenied;
import io.stratus.discovery.Details;
import io.stratus.discovery.Discovery;
import io.stratus.discovery.Found;
import io.stratus.discovery.Scan;
import io.stratus.discovery.ScanScope;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;

import software.amazon.awssdk.services.redshift.model.Cluster;

/**
 * Redshift's provisioned clusters ({@code DescribeClusters}) and, beside them, its Serverless
 * workgroups ({@link ServerlessWorkgroups}); a refused listing leaves out its part and is named.
 */
@Component
public final class RedshiftDiscovery implements Discovery {

    private static final CloudService REDSHIFT = new CloudService("REDSHIFT", "Redshift",
            Stream.concat(Stream.of("redshift:DescribeClusters"), ServerlessWorkgroups.ACTIONS.stream()).toList(), 20);

    @Override
    public CloudService service() {
        return REDSHIFT;
    }

    @Override
    public Found scan(Scan scan, ScanScope scope) {
        CompletableFuture<Found> serverless = scan.beside(() -> ServerlessWorkgroups.scan(scan, scope, REDSHIFT));
        Found clusters;
        try {
            clusters = Found.all(scan.call(AwsService.redshift(scope.region()), "DescribeClusters", (redshift, signedAs) ->
                    redshift.describeClustersPaginator(r -> r.overrideConfiguration(signedAs)).clusters().stream()
                            .map(c -> cluster(c, scope)).toList()));
        } catch (AccessDenied denied) {
            clusters = Found.denied(denied);
        }
        Found workgroups = Scan.join(serverless);
        return new Found(Stream.concat(clusters.resources().stream(), workgroups.resources().stream()).toList(),
                Stream.concat(clusters.deniedActions().stream(), workgroups.deniedActions().stream()).toList());
    }

    private static CloudResource cluster(Cluster c, ScanScope scope) {
        Map<String, String> details = new Details()
                .put("nodeType", c.nodeType())
                .put("numberOfNodes", c.numberOfNodes())
                .put("publiclyAccessible", c.publiclyAccessible())
                .put("vpc", c.vpcId()).toMap();
        return new CloudResource(scope.arn("redshift", "cluster:" + c.clusterIdentifier()), REDSHIFT,
                scope.region(), c.clusterIdentifier(), "cluster", "redshift", c.clusterVersion(), c.clusterStatus(),
                c.endpoint() == null || c.endpoint().address() == null ? Optional.empty()
                        : Optional.of(new Endpoint(c.endpoint().address(), c.endpoint().port())),
                Optional.ofNullable(c.dbName()), false, true,
                c.tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value() == null ? "" : t.value(), (a, b) -> b)),
                details, List.of());
    }
}
