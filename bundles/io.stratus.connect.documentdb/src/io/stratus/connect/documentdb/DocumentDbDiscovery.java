package io.stratus.connect.documentdb;

import io.stratus.core.cloud.CloudService;
import io.stratus.discovery.rds.RdsListing;
import io.stratus.discovery.Discovery;
import io.stratus.discovery.Found;
import io.stratus.discovery.Scan;
import io.stratus.discovery.ScanScope;

import java.util.List;

import org.osgi.service.component.annotations.Component;

/** DocumentDB clusters and instances: the {@code docdb} engine of the RDS API's shared listing. */
@Component(property = RdsListing.ENGINES + "=" + DocumentDbDiscovery.ENGINE)
public final class DocumentDbDiscovery implements Discovery {

    static final String ENGINE = "docdb";

    private static final CloudService DOCUMENTDB = new CloudService("DOCUMENTDB", "DocumentDB",
            List.of("rds:DescribeDBClusters", "rds:DescribeDBInstances"), 30);

    @Override
    public CloudService service() {
        return DOCUMENTDB;
    }

    @Override
    public Found scan(Scan scan, ScanScope scope) {
        return RdsListing.scan(scan, scope, DOCUMENTDB, ENGINE::equals);
    }
}
