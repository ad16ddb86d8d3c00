package io.stratus.aws.simulator.internal;

import io.stratus.aws.simulator.seed.RegionSeed.RedshiftCluster;

import java.util.Map;

/** Amazon Redshift: the provisioned clusters of the caller's account in the request's region. */
final class Redshift {

    private Redshift() {
    }

    static QueryApi api() {
        return new QueryApi("redshift", "2012-12-01", Map.of("DescribeClusters", Redshift::describeClusters));
    }

    private static void describeClusters(Invocation invocation, Map<String, String> parameters, Xml result) {
        invocation.authorize(invocation.arn("redshift", "cluster:*"));
        Page.of(invocation.callerRegion().redshiftClusters(), parameters).write(result, "Clusters", "Cluster",
                (cluster, xml) -> writeCluster(invocation, cluster, xml));
    }

    private static void writeCluster(Invocation invocation, RedshiftCluster cluster, Xml xml) {
        xml.leaf("ClusterIdentifier", cluster.identifier())
                .leaf("NodeType", cluster.nodeType())
                .leaf("NumberOfNodes", cluster.numberOfNodes())
                .leaf("ClusterStatus", cluster.status())
                .leaf("DBName", cluster.dbName())
                .start("Endpoint").leaf("Address", cluster.address()).leaf("Port", cluster.port()).end()
                .leaf("PubliclyAccessible", cluster.publiclyAccessible())
                .leaf("VpcId", cluster.vpcId())
                .tags("Tags", cluster.tags());
    }
}
