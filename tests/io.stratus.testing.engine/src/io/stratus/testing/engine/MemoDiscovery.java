package io.stratus.testing.engine;

import io.stratus.core.cloud.CloudService;
import io.stratus.discovery.rds.RdsListing;
import io.stratus.discovery.Discovery;
import io.stratus.discovery.Found;
import io.stratus.discovery.Scan;
import io.stratus.discovery.ScanScope;

import java.util.List;

import org.osgi.service.component.annotations.Component;

/** Memo's databases, taken from the RDS API's shared listing, as a service of their own after the others. */
@Component(property = RdsListing.ENGINES + "=" + MemoEngine.ID)
public final class MemoDiscovery implements Discovery {

    private static final CloudService MEMO = new CloudService("MEMO", "Memo",
            List.of("rds:DescribeDBClusters", "rds:DescribeDBInstances"), 1_000);

    @Override
    public CloudService service() {
        return MEMO;
    }

    @Override
    public Found scan(Scan scan, ScanScope scope) {
        return RdsListing.scan(scan, scope, MEMO, MemoEngine.ID::equals);
    }
}
