package io.stratus.discovery.rds.internal;

import io.stratus.core.cloud.CloudService;
import io.stratus.discovery.rds.RdsListing;
import io.stratus.discovery.Discovery;
import io.stratus.discovery.Found;
import io.stratus.discovery.Scan;
import io.stratus.discovery.ScanScope;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * RDS and Aurora: every engine of the RDS API that no other discovery takes (see
 * {@link RdsListing#ENGINES}), so an engine the RDS API lists is shown even before a bundle adds it.
 */
@Component
public final class RdsAndAuroraDiscovery implements Discovery {

    private static final CloudService RDS = new CloudService("RDS", "RDS and Aurora",
            List.of("rds:DescribeDBInstances", "rds:DescribeDBClusters"), 10);

    /** The other services behind the RDS API, for the engines they take. */
    @Reference(service = Discovery.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + RdsListing.ENGINES + "=*)")
    private volatile List<ServiceReference<Discovery>> others;

    @Override
    public CloudService service() {
        return RDS;
    }

    @Override
    public Found scan(Scan scan, ScanScope scope) {
        Set<String> taken = others.stream().flatMap(RdsAndAuroraDiscovery::engines).collect(Collectors.toSet());
        return RdsListing.scan(scan, scope, RDS, engine -> !taken.contains(engine));
    }

    /** The property holds one engine or several. */
    private static Stream<String> engines(ServiceReference<Discovery> other) {
        Object engines = other.getProperty(RdsListing.ENGINES);
        return engines instanceof String[] several ? Stream.of(several) : Stream.of(String.valueOf(engines));
    }
}
