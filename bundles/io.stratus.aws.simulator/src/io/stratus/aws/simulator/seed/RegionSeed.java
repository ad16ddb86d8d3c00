package io.stratus.aws.simulator.seed;

import static io.stratus.aws.simulator.seed.Seed.listOrEmpty;
import static io.stratus.aws.simulator.seed.Seed.require;
import static io.stratus.aws.simulator.seed.Seed.requireUnique;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What one region of an account holds: RDS DB instances, RDS DB clusters (Aurora and DocumentDB,
 * which AWS serves from the RDS API), Redshift clusters, DynamoDB tables, Aurora DSQL clusters, Secrets Manager
 * secrets and Redshift Serverless workgroups. In JSON it is an entry of an account's
 * {@code regions} list; build one with {@link Seed.AccountBuilder#region}.
 *
 * <p>Omitted fields get AWS-like defaults: status {@code available}, the engine's current version
 * and port, endpoints in AWS's shape ({@code ID.cXXXXXXXXXXX.REGION.rds.amazonaws.com}) and one
 * default VPC per account and region. {@code generatedDbInstances} adds many plain instances (for
 * benchmarks); they are generated when the region is built and from then on listed in
 * {@code dbInstances}, so the built record's {@code generatedDbInstances} is null.
 * Every list is sorted by identifier, the order in which AWS describes resources.
 */
public record RegionSeed(String name, List<DbInstance> dbInstances, List<DbCluster> dbClusters,
        List<RedshiftCluster> redshiftClusters, List<DynamoDbTable> dynamoDbTables, List<DsqlCluster> dsqlClusters,
        List<SecretSeed> secrets,
        GeneratedDbInstances generatedDbInstances, List<RedshiftWorkgroup> redshiftWorkgroups) {

    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final String AVAILABLE = "available";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public RegionSeed {
        require(name != null && REGION_NAME.matcher(name).matches(), "Region name " + name
                + " is not of the form eu-west-1.");
        dbInstances = sorted(Stream.concat(listOrEmpty(dbInstances).stream(),
                generatedDbInstances == null ? Stream.empty() : generatedDbInstances.instances()), DbInstance::identifier);
        dbClusters = sorted(listOrEmpty(dbClusters).stream(), DbCluster::identifier);
        redshiftClusters = sorted(listOrEmpty(redshiftClusters).stream(), RedshiftCluster::identifier);
        dynamoDbTables = sorted(listOrEmpty(dynamoDbTables).stream(), DynamoDbTable::name);
        secrets = sorted(listOrEmpty(secrets).stream(), SecretSeed::name);
        dsqlClusters = sorted(listOrEmpty(dsqlClusters).stream(), DsqlCluster::identifier);
        redshiftWorkgroups = sorted(listOrEmpty(redshiftWorkgroups).stream(), RedshiftWorkgroup::name);
        generatedDbInstances = null; // generated once: they are dbInstances from now on
        requireUnique(dbInstances.stream().map(DbInstance::identifier), "DB instance identifier in " + name);
        requireUnique(dbClusters.stream().map(DbCluster::identifier), "DB cluster identifier in " + name);
        requireUnique(redshiftClusters.stream().map(RedshiftCluster::identifier), "Redshift cluster identifier in " + name);
        requireUnique(dynamoDbTables.stream().map(DynamoDbTable::name), "DynamoDB table name in " + name);
        requireUnique(secrets.stream().map(SecretSeed::name), "secret name in " + name);
        Set<String> secretNames = Set.copyOf(secrets.stream().map(SecretSeed::name).toList());
        Stream.concat(dbInstances.stream().map(DbInstance::masterUserSecret), dbClusters.stream().map(DbCluster::masterUserSecret))
                .filter(secret -> secret != null && !secretNames.contains(secret)).findFirst().ifPresent(secret -> {
                    throw new IllegalArgumentException("A database of region " + name + " keeps its master user password"
                            + " in the secret " + secret + ", which the region does not define.");
                });
        requireUnique(dsqlClusters.stream().map(DsqlCluster::identifier), "Aurora DSQL cluster identifier in " + name);
        requireUnique(redshiftWorkgroups.stream().map(RedshiftWorkgroup::name), "Redshift Serverless workgroup name in "
                + name);
        requireUnique(redshiftWorkgroups.stream().map(RedshiftWorkgroup::namespaceName),
                "Redshift Serverless namespace name (one workgroup each) in " + name);
        Set<String> clusterIds = Set.copyOf(dbClusters.stream().map(DbCluster::identifier).toList());
        for (DbInstance instance : dbInstances) {
            require(instance.clusterIdentifier() == null || clusterIds.contains(instance.clusterIdentifier()),
                    "DB instance " + instance.identifier() + " is a member of cluster " + instance.clusterIdentifier()
                            + ", which region " + name + " does not define.");
        }
    }

    /** A region without resources, as every region an account has not seeded is. */
    public static RegionSeed empty(String name) {
        return new RegionSeed(name, null, null, null, null, null, null, null, null);
    }

    /**
     * Fills the defaults that depend on the account: endpoints and VPC ids, unique per account and
     * region as at AWS, and the members of each DB cluster (its instances, the first one the writer).
     */
    RegionSeed inAccount(String accountId) {
        String scope = accountId + "/" + name;
        String endpointId = StableIds.of(StableIds.LOWER_ALPHANUMERIC, 12, scope);
        String defaultVpc = "vpc-" + StableIds.of(StableIds.HEX, 17, scope);
        Function<String, String> rdsHost = engine -> endpointId + "." + name + "." + domain(engine);
        List<DbInstance> instances = dbInstances.stream().map(instance -> instance.withDefaults(
                instance.identifier() + "." + rdsHost.apply(instance.engine()), defaultVpc))
                .toList();
        List<DbCluster> clusters = dbClusters.stream().map(cluster -> cluster.withDefaults(rdsHost.apply(cluster.engine()),
                instances.stream().filter(i -> cluster.identifier().equals(i.clusterIdentifier()))
                        .map(DbInstance::identifier).toList()))
                .toList();
        List<RedshiftCluster> warehouses = redshiftClusters.stream().map(cluster -> cluster.withDefaults(
                cluster.identifier() + "." + endpointId + "." + name + ".redshift.amazonaws.com", defaultVpc))
                .toList();
        List<SecretSeed> arnedSecrets = secrets.stream().map(secret -> secret.withArn("arn:aws:secretsmanager:" + name + ":"
                + accountId + ":secret:" + secret.name() + "-" + StableIds.of(ALPHANUMERIC, 6, scope + "/" + secret.name())))
                .toList();
        List<DsqlCluster> dsql = dsqlClusters.stream().map(cluster -> cluster.withDefaults(
                cluster.identifier() + ".dsql." + name + ".on.aws")).toList();
        List<RedshiftWorkgroup> workgroups = redshiftWorkgroups.stream().map(workgroup -> workgroup.withDefaults(
                workgroup.name() + "." + accountId + "." + name + ".redshift-serverless.amazonaws.com")).toList();
        return new RegionSeed(name, instances, clusters, warehouses, dynamoDbTables, dsql, arnedSecrets, null,
                workgroups);
    }

    /** DocumentDB endpoints live under their own domain, though the RDS API describes them. */
    private static String domain(String engine) {
        return "docdb".equals(engine) ? "docdb.amazonaws.com" : "rds.amazonaws.com";
    }

    /**
     * An RDS DB instance. {@code clusterIdentifier} names the {@link DbCluster} it is a member of
     * (Aurora, DocumentDB), or is null for a stand-alone instance. {@code masterUserSecret} names the
     * secret of the region where RDS manages its master user's password, if it does.
     */
    public record DbInstance(String identifier, String engine, String engineVersion, String status,
            String instanceClass, String address, Integer port, String dbName, Boolean iamAuthentication,
            Boolean publiclyAccessible, String vpcId, String clusterIdentifier, Map<String, String> tags,
            String masterUserSecret) {
        public DbInstance {
            require(identifier != null && !identifier.isBlank(), "A DB instance needs an identifier.");
            engine = engine != null ? engine : "postgres";
            engineVersion = engineVersion != null ? engineVersion : Engine.of(engine, identifier).version;
            status = status != null ? status : AVAILABLE;
            instanceClass = instanceClass != null ? instanceClass : "db.t4g.medium";
            port = port != null ? port : Engine.of(engine, identifier).port;
            iamAuthentication = iamAuthentication != null && iamAuthentication;
            publiclyAccessible = publiclyAccessible != null && publiclyAccessible;
            tags = tagsOrEmpty(tags);
        }

        private DbInstance withDefaults(String defaultAddress, String defaultVpc) {
            return new DbInstance(identifier, engine, engineVersion, status, instanceClass,
                    address != null ? address : defaultAddress, port, dbName, iamAuthentication, publiclyAccessible,
                    vpcId != null ? vpcId : defaultVpc, clusterIdentifier, tags, masterUserSecret);
        }
    }

    /**
     * An RDS DB cluster: Aurora ({@code aurora-postgresql}, {@code aurora-mysql}) or DocumentDB
     * ({@code docdb}). {@code members} are DB instance identifiers, the writer first; if omitted,
     * the instances that name this cluster. {@code masterUserSecret} as for {@link DbInstance}.
     */
    public record DbCluster(String identifier, String engine, String engineVersion, String status, String address,
            String readerAddress, Integer port, String dbName, Boolean iamAuthentication, Boolean storageEncrypted,
            List<String> members, Map<String, String> tags, String masterUserSecret) {
        public DbCluster {
            require(identifier != null && !identifier.isBlank(), "A DB cluster needs an identifier.");
            engine = engine != null ? engine : "aurora-postgresql";
            engineVersion = engineVersion != null ? engineVersion : Engine.of(engine, identifier).version;
            status = status != null ? status : AVAILABLE;
            port = port != null ? port : Engine.of(engine, identifier).port;
            iamAuthentication = iamAuthentication != null && iamAuthentication;
            storageEncrypted = storageEncrypted == null || storageEncrypted; // AWS's console default
            members = listOrEmpty(members);
            tags = tagsOrEmpty(tags);
        }

        private DbCluster withDefaults(String host, List<String> memberInstances) {
            return new DbCluster(identifier, engine, engineVersion, status,
                    address != null ? address : identifier + ".cluster-" + host,
                    readerAddress != null ? readerAddress : identifier + ".cluster-ro-" + host,
                    port, dbName, iamAuthentication, storageEncrypted, members.isEmpty() ? memberInstances : members,
                    tags, masterUserSecret);
        }
    }

    /** A provisioned Amazon Redshift cluster. */
    public record RedshiftCluster(String identifier, String nodeType, Integer numberOfNodes, String status,
            String address, Integer port, String dbName, Boolean publiclyAccessible, String vpcId,
            Map<String, String> tags) {
        public RedshiftCluster {
            require(identifier != null && !identifier.isBlank(), "A Redshift cluster needs an identifier.");
            nodeType = nodeType != null ? nodeType : "ra3.xlplus";
            numberOfNodes = numberOfNodes != null ? numberOfNodes : 2;
            require(numberOfNodes >= 1, "Redshift cluster " + identifier + " needs at least one node.");
            status = status != null ? status : AVAILABLE;
            port = port != null ? port : 5439;
            dbName = dbName != null ? dbName : "dev";
            publiclyAccessible = publiclyAccessible != null && publiclyAccessible;
            tags = tagsOrEmpty(tags);
        }

        private RedshiftCluster withDefaults(String defaultAddress, String defaultVpc) {
            return new RedshiftCluster(identifier, nodeType, numberOfNodes, status,
                    address != null ? address : defaultAddress, port, dbName, publiclyAccessible,
                    vpcId != null ? vpcId : defaultVpc, tags);
        }
    }

    /**
     * An Aurora DSQL cluster: its identifier (26 lowercase letters and digits, as DSQL makes them),
     * status ({@code ACTIVE} by default), endpoint ({@code ID.dsql.REGION.on.aws} by default), whether
     * deletion protection is on, and its tags (a {@code Name} tag is what the AWS Console shows).
     */
    public record DsqlCluster(String identifier, String status, String endpoint, Boolean deletionProtection,
            Map<String, String> tags) {
        private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9]{26}");

        public DsqlCluster {
            require(identifier != null && IDENTIFIER.matcher(identifier).matches(), "Aurora DSQL cluster identifier "
                    + identifier + " must be 26 lowercase letters and digits.");
            status = status != null ? status : "ACTIVE";
            deletionProtection = deletionProtection == null || deletionProtection;
            tags = tagsOrEmpty(tags);
        }

        private DsqlCluster withDefaults(String defaultEndpoint) {
            return new DsqlCluster(identifier, status, endpoint != null ? endpoint : defaultEndpoint, deletionProtection,
                    tags);
        }
    }

    /**
     * A Redshift Serverless workgroup with its namespace (AWS pairs each namespace with one workgroup):
     * names of 3 to 64 lowercase letters, digits and hyphens, the namespace named as the workgroup by
     * default; the namespace's first database ({@code dev} by default) and admin user ({@code admin});
     * status ({@code AVAILABLE}, {@code CREATING}, {@code MODIFYING}, {@code DELETING}); the endpoint
     * ({@code NAME.ACCOUNT.REGION.redshift-serverless.amazonaws.com}, port 5439 by default); base
     * capacity in RPUs (128) and public access (off).
     */
    public record RedshiftWorkgroup(String name, String namespaceName, String dbName, String adminUsername,
            String status, String address, Integer port, Integer baseCapacity, Boolean publiclyAccessible) {
        private static final Pattern NAME = Pattern.compile("[a-z0-9-]{3,64}");

        public RedshiftWorkgroup {
            require(name != null && NAME.matcher(name).matches(), "Redshift Serverless workgroup name " + name
                    + " must be 3 to 64 lowercase letters, digits or hyphens.");
            namespaceName = namespaceName != null ? namespaceName : name;
            require(NAME.matcher(namespaceName).matches(), "Redshift Serverless namespace name " + namespaceName
                    + " must be 3 to 64 lowercase letters, digits or hyphens.");
            dbName = dbName != null ? dbName : "dev";
            adminUsername = adminUsername != null ? adminUsername : "admin";
            status = status != null ? status : "AVAILABLE";
            require(Set.of("CREATING", "AVAILABLE", "MODIFYING", "DELETING").contains(status), "Redshift Serverless"
                    + " workgroup " + name + ": status " + status + " is not CREATING, AVAILABLE, MODIFYING or DELETING.");
            port = port != null ? port : 5439;
            baseCapacity = baseCapacity != null ? baseCapacity : 128;
            publiclyAccessible = publiclyAccessible != null && publiclyAccessible;
        }

        private RedshiftWorkgroup withDefaults(String defaultAddress) {
            return new RedshiftWorkgroup(name, namespaceName, dbName, adminUsername, status,
                    address != null ? address : defaultAddress, port, baseCapacity, publiclyAccessible);
        }
    }

    /**
     * A DynamoDB table: its partition key and optional sort key (name and attribute type {@code S},
     * {@code N} or {@code B}), index names, billing mode ({@code PAY_PER_REQUEST} by default, or
     * {@code PROVISIONED}), status ({@code ACTIVE} by default) and the items it starts with.
     * {@code itemCount} and {@code sizeBytes} are the estimates DynamoDB refreshes every few hours,
     * which DescribeTable reports as given; if omitted (null), it reports the count and size of the
     * items the simulator holds.
     *
     * <p>{@code items} are in DynamoDB JSON, as the AWS CLI prints them:
     * {@code {"id": {"S": "a1"}, "price": {"N": "12.5"}, "tags": {"SS": ["new"]}}}. Each needs the
     * table's key attributes with their types; the simulator checks them as DynamoDB would when it
     * starts, and refuses a seed with an item DynamoDB would refuse.
     */
    public record DynamoDbTable(String name, KeyAttribute partitionKey, KeyAttribute sortKey,
            List<String> globalSecondaryIndexes, List<String> localSecondaryIndexes, String billingMode, Long itemCount,
            Long sizeBytes, String status, List<Map<String, Object>> items) {
        private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

        public DynamoDbTable {
            require(name != null && TABLE_NAME.matcher(name).matches(), "DynamoDB table name " + name
                    + " must be 3 to 255 letters, digits, '_', '-' or '.'.");
            partitionKey = partitionKey != null ? partitionKey : new KeyAttribute("id", "S");
            globalSecondaryIndexes = listOrEmpty(globalSecondaryIndexes);
            localSecondaryIndexes = listOrEmpty(localSecondaryIndexes);
            require(localSecondaryIndexes.isEmpty() || sortKey != null, "DynamoDB table " + name
                    + " has local secondary indexes, which need a sort key.");
            billingMode = billingMode != null ? billingMode : "PAY_PER_REQUEST";
            require(Set.of("PAY_PER_REQUEST", "PROVISIONED").contains(billingMode), "DynamoDB table " + name
                    + ": billing mode " + billingMode + " is neither PAY_PER_REQUEST nor PROVISIONED.");
            status = status != null ? status : "ACTIVE";
            items = (items == null ? List.<Map<String, Object>>of() : items).stream().map(item -> {
                require(item != null, "DynamoDB table " + name + " has an item that is null.");
                return Collections.unmodifiableMap(new LinkedHashMap<>(item));
            }).toList();
        }
    }

    /**
     * A Secrets Manager secret: its name, the text of its current version ({@code secretString},
     * for a database's credentials the JSON {@code {"username", "password", "engine", "host",
     * "port", "dbname"}}), description, tags, the KMS key that encrypts it (AWS's managed key
     * {@code aws/secretsmanager} if none) and the service that owns it ({@code rds} for a master
     * user secret). The ARN ends in six characters of AWS's making, derived from account, region
     * and name; it is set when the account is built.
     */
    public record SecretSeed(String name, String secretString, String description, String kmsKeyId, String owningService,
            Map<String, String> tags, String arn) {
        public SecretSeed {
            require(name != null && name.matches("[\\w/+=.@!-]{1,512}"), "Secret name " + name
                    + " is not 1 to 512 letters, digits or /_+=.@-!.");
            require(secretString != null, "Secret " + name + " needs a secretString.");
            tags = tagsOrEmpty(tags);
        }

        private SecretSeed withArn(String secretArn) {
            return new SecretSeed(name, secretString, description, kmsKeyId, owningService, tags, secretArn);
        }

        @Override
        public String toString() { // the value is what a secret keeps from view
            return "SecretSeed[" + name + "]";
        }
    }

    /** A key attribute of a DynamoDB table: its name and scalar type ({@code S}, {@code N} or {@code B}). */
    public record KeyAttribute(String name, String type) {
        public KeyAttribute {
            require(name != null && !name.isBlank(), "A DynamoDB key attribute needs a name.");
            type = type != null ? type : "S";
            require(Set.of("S", "N", "B").contains(type), "DynamoDB key attribute " + name + " has type " + type
                    + "; key attributes are S, N or B.");
        }
    }

    /**
     * {@code count} stand-alone DB instances named {@code PREFIX-00001} and on, for benchmarks:
     * engines take turns (postgres, mysql, mariadb), every third has IAM authentication, and each
     * is tagged {@code generated=true}.
     */
    public record GeneratedDbInstances(int count, String prefix) {
        private static final List<String> ENGINES = List.of("postgres", "mysql", "mariadb");

        public GeneratedDbInstances {
            require(count >= 0, "A count of generated DB instances cannot be negative: " + count);
            prefix = prefix != null ? prefix : "generated";
        }

        Stream<DbInstance> instances() {
            return IntStream.rangeClosed(1, count).mapToObj(n -> new DbInstance(String.format("%s-%05d", prefix, n),
                    ENGINES.get(n % ENGINES.size()), null, null, null, null, null, "app", n % 3 == 0, false, null,
                    null, Map.of("generated", "true"), null));
        }
    }

    /** An engine's current version and its port, the defaults RDS picks when creating a database. */
    private record Engine(String version, int port) {
        private static final Map<String, Engine> KNOWN = Map.of(
                "postgres", new Engine("16.4", 5432),
                "aurora-postgresql", new Engine("16.4", 5432),
                "mysql", new Engine("8.0.39", 3306),
                "mariadb", new Engine("10.11.9", 3306),
                "aurora-mysql", new Engine("8.0.mysql_aurora.3.08.0", 3306),
                "docdb", new Engine("5.0.0", 27017),
                "sqlserver-ex", new Engine("16.00.4135.4.v1", 1433),
                "oracle-ee", new Engine("19.0.0.0.ru-2024-10.rur-2024-10.r1", 1521));

        static Engine of(String engine, String identifier) {
            Engine known = KNOWN.get(engine);
            require(known != null, identifier + ": the engine " + engine + " has no default version and port; give both."
                    + " Known engines: " + KNOWN.keySet());
            return known;
        }
    }

    private static <T> List<T> sorted(Stream<T> items, Function<T, String> identifier) {
        return items.sorted(Comparator.comparing(identifier)).toList();
    }

    /** Tags keep the order they were given in, as AWS lists them. */
    private static Map<String, String> tagsOrEmpty(Map<String, String> tags) {
        return tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
