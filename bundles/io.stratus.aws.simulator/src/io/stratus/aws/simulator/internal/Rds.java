package io.stratus.aws.simulator.internal;

import io.stratus.aws.simulator.seed.RegionSeed.DbCluster;
import io.stratus.aws.simulator.seed.RegionSeed.DbInstance;

import java.util.Map;
import java.util.function.Function;

/**
 * Amazon RDS: the DB instances and DB clusters of the caller's account in the request's region.
 * DocumentDB's API is this one too (its clients sign as {@code rds}); they tell their clusters
 * apart with the filter {@code engine=docdb}.
 */
final class Rds {

    private static final Map<String, Function<DbInstance, String>> INSTANCE_FILTERS = Map.of(
            "engine", DbInstance::engine,
            "db-instance-id", DbInstance::identifier,
            "db-cluster-id", DbInstance::clusterIdentifier);
    private static final Map<String, Function<DbCluster, String>> CLUSTER_FILTERS = Map.of(
            "engine", DbCluster::engine,
            "db-cluster-id", DbCluster::identifier);

    private Rds() {
    }

    static QueryApi api() {
        return new QueryApi("rds", "2014-10-31", Map.of(
                "DescribeDBInstances", Rds::describeDbInstances,
                "DescribeDBClusters", Rds::describeDbClusters));
    }

    private static void describeDbInstances(Invocation invocation, Map<String, String> parameters, Xml result) {
        invocation.authorize(invocation.arn("rds", "db:*"));
        var matching = invocation.callerRegion().dbInstances().stream()
                .filter(QueryFilters.of(parameters, INSTANCE_FILTERS)).toList();
        Page.of(matching, parameters).write(result, "DBInstances", "DBInstance",
                (instance, xml) -> writeInstance(invocation, instance, xml));
    }

    private static void describeDbClusters(Invocation invocation, Map<String, String> parameters, Xml result) {
        invocation.authorize(invocation.arn("rds", "cluster:*"));
        var matching = invocation.callerRegion().dbClusters().stream()
                .filter(QueryFilters.of(parameters, CLUSTER_FILTERS)).toList();
        Page.of(matching, parameters).write(result, "DBClusters", "DBCluster",
                (cluster, xml) -> writeCluster(invocation, cluster, xml));
    }

    private static void writeInstance(Invocation invocation, DbInstance instance, Xml xml) {
        xml.leaf("DBInstanceIdentifier", instance.identifier())
                .leaf("DBInstanceArn", invocation.arn("rds", "db:" + instance.identifier()))
                .leaf("DBInstanceClass", instance.instanceClass())
                .leaf("Engine", instance.engine())
                .leaf("EngineVersion", instance.engineVersion())
                .leaf("DBInstanceStatus", instance.status())
                .optionalLeaf("DBName", instance.dbName())
                .start("Endpoint").leaf("Address", instance.address()).leaf("Port", instance.port()).end()
                .leaf("PubliclyAccessible", instance.publiclyAccessible())
                .leaf("IAMDatabaseAuthenticationEnabled", instance.iamAuthentication())
                .start("DBSubnetGroup")
                .leaf("DBSubnetGroupName", "default-" + instance.vpcId())
                .leaf("VpcId", instance.vpcId())
                .leaf("SubnetGroupStatus", "Complete")
                .end()
                .optionalLeaf("DBClusterIdentifier", instance.clusterIdentifier())
                .tags("TagList", instance.tags());
        masterUserSecret(invocation, instance.masterUserSecret(), xml);
    }

    private static void writeCluster(Invocation invocation, DbCluster cluster, Xml xml) {
        xml.leaf("DBClusterIdentifier", cluster.identifier())
                .leaf("DBClusterArn", invocation.arn("rds", "cluster:" + cluster.identifier()))
                .leaf("Engine", cluster.engine())
                .leaf("EngineVersion", cluster.engineVersion())
                .leaf("Status", cluster.status())
                .optionalLeaf("DatabaseName", cluster.dbName())
                .leaf("Endpoint", cluster.address())
                .leaf("ReaderEndpoint", cluster.readerAddress())
                .leaf("Port", cluster.port())
                .leaf("IAMDatabaseAuthenticationEnabled", cluster.iamAuthentication())
                .leaf("StorageEncrypted", cluster.storageEncrypted())
                .list("DBClusterMembers", "DBClusterMember", cluster.members(), (member, memberXml) -> memberXml
                        .leaf("DBInstanceIdentifier", member)
                        .leaf("IsClusterWriter", member.equals(cluster.members().getFirst())))
                .tags("TagList", cluster.tags());
        masterUserSecret(invocation, cluster.masterUserSecret(), xml);
    }

    /** Where RDS keeps the master user's password, when it manages it in Secrets Manager. */
    private static void masterUserSecret(Invocation invocation, String secretName, Xml xml) {
        if (secretName == null) {
            return;
        }
        invocation.callerRegion().secrets().stream().filter(secret -> secret.name().equals(secretName)).findFirst()
                .ifPresent(secret -> xml.start("MasterUserSecret")
                        .leaf("SecretArn", secret.arn())
                        .leaf("SecretStatus", "active")
                        .leaf("KmsKeyId", secret.kmsKeyId() != null ? secret.kmsKeyId()
                                : invocation.arn("kms", "alias/aws/secretsmanager"))
                        .end());
    }
}
