package io.stratus.aws.simulator.internal;

import io.stratus.aws.simulator.seed.RegionSeed.RedshiftCluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Amazon Redshift: the provisioned clusters of the caller's account in the request's region, and
 * temporary database credentials for them ({@code GetClusterCredentials} for a database user the
 * caller names, {@code GetClusterCredentialsWithIAM} for the caller's own IAM identity), which a
 * cluster's login can have checked ({@link RedshiftPasswords#verify}).
 */
final class Redshift {

    private final RedshiftPasswords passwords;

    Redshift(RedshiftPasswords passwords) {
        this.passwords = passwords;
    }

    QueryApi api() {
        return new QueryApi("redshift", "2012-12-01", Map.of("DescribeClusters", Redshift::describeClusters,
                "GetClusterCredentials", this::getClusterCredentials,
                "GetClusterCredentialsWithIAM", this::getClusterCredentialsWithIam));
    }

    private void getClusterCredentials(Invocation invocation, Map<String, String> parameters, Xml result) {
        RedshiftCluster cluster = cluster(invocation, parameters);
        String dbUser = required(parameters, "DbUser");
        invocation.authorize(invocation.arn("redshift", "dbuser:" + cluster.identifier() + "/" + dbUser));
        if (Boolean.parseBoolean(parameters.getOrDefault("AutoCreate", "false"))) {
            invocation.as("redshift:CreateClusterUser").authorize(invocation.arn("redshift", "dbuser:"
                    + cluster.identifier() + "/" + dbUser));
        }
        for (int n = 1; parameters.containsKey("DbGroups.DbGroup." + n) || parameters.containsKey("DbGroups.member." + n); n++) {
            String group = parameters.getOrDefault("DbGroups.DbGroup." + n, parameters.get("DbGroups.member." + n));
            invocation.as("redshift:JoinGroup").authorize(invocation.arn("redshift", "dbgroup:" + cluster.identifier()
                    + "/" + group));
        }
        issue(invocation, cluster, "IAM:" + dbUser, duration(parameters), result);
    }

    private void getClusterCredentialsWithIam(Invocation invocation, Map<String, String> parameters, Xml result) {
        RedshiftCluster cluster = cluster(invocation, parameters);
        String database = parameters.getOrDefault("DbName", cluster.dbName());
        invocation.authorize(invocation.arn("redshift", "dbname:" + cluster.identifier() + "/" + database));
        String dbUser = RedshiftPasswords.iamDbUser(invocation.caller());
        Instant expiration = issue(invocation, cluster, dbUser, duration(parameters), result);
        result.leaf("NextRefreshTime", expiration.minus(Duration.ofMinutes(5)).toString());
    }

    private Instant issue(Invocation invocation, RedshiftCluster cluster, String dbUser, Duration lifetime, Xml result) {
        Instant expiration = invocation.now().plus(lifetime);
        String password = passwords.issue(invocation.arn("redshift", "cluster:" + cluster.identifier()), dbUser,
                expiration);
        result.leaf("DbUser", dbUser).leaf("DbPassword", password).leaf("Expiration", expiration.toString());
        return expiration;
    }

    private static RedshiftCluster cluster(Invocation invocation, Map<String, String> parameters) {
        String identifier = required(parameters, "ClusterIdentifier");
        return invocation.callerRegion().redshiftClusters().stream().filter(c -> c.identifier().equals(identifier))
                .findFirst().orElseThrow(() -> new AwsError(AwsError.Kind.CLUSTER_NOT_FOUND, "Cluster " + identifier
                        + " not found."));
    }

    private static Duration duration(Map<String, String> parameters) {
        long seconds;
        try {
            seconds = Long.parseLong(parameters.getOrDefault("DurationSeconds",
                    Long.toString(RedshiftPasswords.DEFAULT_SECONDS)));
        } catch (NumberFormatException e) {
            throw new AwsError(AwsError.Kind.INVALID_PARAMETER_VALUE, "DurationSeconds must be a number of seconds.");
        }
        return RedshiftPasswords.lifetime(seconds, AwsError.Kind.INVALID_PARAMETER_VALUE);
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new AwsError(AwsError.Kind.VALIDATION, "1 validation error detected: Value null at '" + name
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
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
