package io.stratus.aws.simulator.internal;

import io.stratus.aws.simulator.seed.RegionSeed.RedshiftCluster;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Amazon Redshift: the provisioned clusters of the caller's account in the request's region, and
 * temporary database credentials for them ({@code GetClusterCredentials} for a database user the
 * caller names, {@code GetClusterCredentialsWithIAM} for the caller's own IAM identity), which a
 * cluster's login can have checked ({@link #verify}).
 */
final class Redshift {

    private static final Duration SHORTEST = Duration.ofMinutes(15);
    private static final Duration LONGEST = Duration.ofHours(1);

    /** Credentials issued: for which cluster and database user, until when. */
    private record Issued(String clusterArn, String dbUser, Instant expiration) {
    }

    private final SecureRandom random = new SecureRandom();
    /** By password: the passwords are random and unique. */
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    QueryApi api() {
        return new QueryApi("redshift", "2012-12-01", Map.of("DescribeClusters", Redshift::describeClusters,
                "GetClusterCredentials", this::getClusterCredentials,
                "GetClusterCredentialsWithIAM", this::getClusterCredentialsWithIam));
    }

    /** Whether a cluster would let {@code dbUser} in with {@code password}: credentials it issued, not expired. */
    boolean verify(String clusterArn, String dbUser, String password, Instant now) {
        Issued found = issued.get(password);
        return found != null && found.clusterArn().equals(clusterArn) && found.dbUser().equals(dbUser)
                && now.isBefore(found.expiration());
    }

    /** The passwords issued so far, for tests that search for leaks. */
    List<String> issuedPasswords() {
        return new ArrayList<>(issued.keySet());
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
        String dbUser = switch (invocation.caller()) {
            case Principal.User user -> "IAM:" + user.user().name();
            case Principal.RoleSession session -> "IAMR:" + session.role().name();
            case Principal.Root root -> throw new AwsError(AwsError.Kind.INVALID_PARAMETER_VALUE,
                    "The account root cannot get cluster credentials with IAM.");
        };
        Instant expiration = issue(invocation, cluster, dbUser, duration(parameters), result);
        result.leaf("NextRefreshTime", expiration.minus(Duration.ofMinutes(5)).toString());
    }

    private Instant issue(Invocation invocation, RedshiftCluster cluster, String dbUser, Duration lifetime, Xml result) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String password = Base64.getEncoder().encodeToString(bytes);
        Instant expiration = invocation.now().plus(lifetime);
        issued.put(password, new Issued(invocation.arn("redshift", "cluster:" + cluster.identifier()), dbUser, expiration));
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
        Duration lifetime;
        try {
            lifetime = Duration.ofSeconds(Long.parseLong(parameters.getOrDefault("DurationSeconds", "900")));
        } catch (NumberFormatException e) {
            throw new AwsError(AwsError.Kind.INVALID_PARAMETER_VALUE, "DurationSeconds must be a number of seconds.");
        }
        if (lifetime.compareTo(SHORTEST) < 0 || lifetime.compareTo(LONGEST) > 0) {
            throw new AwsError(AwsError.Kind.INVALID_PARAMETER_VALUE, "The duration must be between 900 and 3600 seconds.");
        }
        return lifetime;
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
