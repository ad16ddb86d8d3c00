package io.stratus.aws.simulator.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds a {@link RegionSeed} in Java; every method mirrors a field of the JSON format, and
 * whatever is not set gets the defaults {@link RegionSeed} describes.
 *
 * <pre>{@code
 * account.region("eu-west-1", region -> region
 *         .dbInstance("orders", db -> db.engine("postgres").iamAuthentication(true).tag("team", "shop"))
 *         .dbCluster("catalog", cluster -> cluster.engine("aurora-mysql"))
 *         .dbInstance("catalog-1", db -> db.engine("aurora-mysql").cluster("catalog"))
 *         .redshiftCluster("warehouse", warehouse -> warehouse.numberOfNodes(4))
 *         .dynamoDbTable("sessions", table -> table.partitionKey("user", "S").sortKey("started", "N")
 *                 .item("{\"user\": {\"S\": \"ada\"}, \"started\": {\"N\": \"1700000000\"}}"))
 *         .generatedDbInstances(2000, "bench"));
 * }</pre>
 */
public final class RegionBuilder {

    private final String name;
    private final List<RegionSeed.DbInstance> dbInstances = new ArrayList<>();
    private final List<RegionSeed.DbCluster> dbClusters = new ArrayList<>();
    private final List<RegionSeed.RedshiftCluster> redshiftClusters = new ArrayList<>();
    private final List<RegionSeed.DsqlCluster> dsqlClusters = new ArrayList<>();
    private final List<RegionSeed.DynamoDbTable> dynamoDbTables = new ArrayList<>();
    private final List<RegionSeed.SecretSeed> secrets = new ArrayList<>();
    private final List<RegionSeed.RedshiftWorkgroup> redshiftWorkgroups = new ArrayList<>();
    private RegionSeed.GeneratedDbInstances generated;

    RegionBuilder(String name) {
        this.name = name;
    }

    public RegionBuilder dbInstance(String identifier, Consumer<DbInstanceBuilder> definition) {
        DbInstanceBuilder db = new DbInstanceBuilder();
        definition.accept(db);
        dbInstances.add(new RegionSeed.DbInstance(identifier, db.engine, db.engineVersion, db.status, db.instanceClass,
                db.address, db.port, db.dbName, db.iamAuthentication, db.publiclyAccessible, db.vpcId, db.cluster,
                db.tags, db.masterUserSecret));
        return this;
    }

    public RegionBuilder dbCluster(String identifier, Consumer<DbClusterBuilder> definition) {
        DbClusterBuilder cluster = new DbClusterBuilder();
        definition.accept(cluster);
        dbClusters.add(new RegionSeed.DbCluster(identifier, cluster.engine, cluster.engineVersion, cluster.status,
                cluster.address, cluster.readerAddress, cluster.port, cluster.dbName, cluster.iamAuthentication,
                cluster.storageEncrypted, cluster.members, cluster.tags, cluster.masterUserSecret));
        return this;
    }

    public RegionBuilder redshiftCluster(String identifier, Consumer<RedshiftClusterBuilder> definition) {
        RedshiftClusterBuilder cluster = new RedshiftClusterBuilder();
        definition.accept(cluster);
        redshiftClusters.add(new RegionSeed.RedshiftCluster(identifier, cluster.nodeType, cluster.numberOfNodes,
                cluster.status, cluster.address, cluster.port, cluster.dbName, cluster.publiclyAccessible,
                cluster.vpcId, cluster.tags));
        return this;
    }

    public RegionBuilder dynamoDbTable(String name, Consumer<DynamoDbTableBuilder> definition) {
        DynamoDbTableBuilder table = new DynamoDbTableBuilder();
        definition.accept(table);
        dynamoDbTables.add(new RegionSeed.DynamoDbTable(name, table.partitionKey, table.sortKey, table.globalIndexes,
                table.localIndexes, table.billingMode, table.itemCount, table.sizeBytes, table.status, table.items));
        return this;
    }

    /** A Secrets Manager secret whose current version holds {@code secretString}; see {@link RegionSeed.SecretSeed}. */
    public RegionBuilder secret(String name, String secretString, Consumer<SecretBuilder> definition) {
        SecretBuilder secret = new SecretBuilder();
        definition.accept(secret);
        secrets.add(new RegionSeed.SecretSeed(name, secretString, secret.description, secret.kmsKeyId, secret.owningService,
                secret.tags, null));
        return this;
    }

    /** An Aurora DSQL cluster, ACTIVE, at {@code endpoint} (null: DSQL's own name for it), with a {@code Name} tag. */
    public RegionBuilder dsqlCluster(String identifier, String name, String endpoint) {
        dsqlClusters.add(new RegionSeed.DsqlCluster(identifier, null, endpoint, null, Map.of("Name", name)));
        return this;
    }

    /**
     * A Redshift Serverless workgroup, AVAILABLE at AWS's endpoint for it, with its namespace of the same
     * name whose first database is {@code dbName} (null: {@code dev}); see {@link RegionSeed.RedshiftWorkgroup}.
     */
    public RegionBuilder redshiftWorkgroup(String name, String dbName) {
        return redshiftWorkgroup(name, dbName, null, null);
    }

    /** The same at {@code address} and {@code port} (a database a test runs in its place). */
    public RegionBuilder redshiftWorkgroup(String name, String dbName, String address, Integer port) {
        redshiftWorkgroups.add(new RegionSeed.RedshiftWorkgroup(name, null, dbName, null, null, address, port, null, null));
        return this;
    }

    /** Adds {@code count} generated DB instances named {@code PREFIX-00001} and on; see {@link RegionSeed.GeneratedDbInstances}. */
    public RegionBuilder generatedDbInstances(int count, String prefix) {
        generated = new RegionSeed.GeneratedDbInstances(count, prefix);
        return this;
    }

    RegionSeed build() {
        return new RegionSeed(name, dbInstances, dbClusters, redshiftClusters, dynamoDbTables, dsqlClusters, secrets,
                generated, redshiftWorkgroups);
    }

    /** What RDS instances and clusters both have: engine, status, endpoint, IAM authentication and tags. */
    public abstract static sealed class DatabaseBuilder<B extends DatabaseBuilder<B>>
            permits DbInstanceBuilder, DbClusterBuilder {
        String engine;
        String engineVersion;
        String status;
        String address;
        Integer port;
        String dbName;
        Boolean iamAuthentication;
        String masterUserSecret;
        final Map<String, String> tags = new LinkedHashMap<>();

        /** {@code postgres}, {@code mysql}, {@code mariadb}, {@code aurora-postgresql}, {@code aurora-mysql}, {@code docdb}, ... */
        public B engine(String engine) {
            this.engine = engine;
            return self();
        }

        public B engineVersion(String engineVersion) {
            this.engineVersion = engineVersion;
            return self();
        }

        /** As RDS spells it: {@code available}, {@code stopped}, {@code creating}, {@code backing-up}, ... */
        public B status(String status) {
            this.status = status;
            return self();
        }

        /** The endpoint's host name. */
        public B address(String address) {
            this.address = address;
            return self();
        }

        public B port(int port) {
            this.port = port;
            return self();
        }

        public B dbName(String dbName) {
            this.dbName = dbName;
            return self();
        }

        public B iamAuthentication(boolean enabled) {
            this.iamAuthentication = enabled;
            return self();
        }

        public B tag(String key, String value) {
            tags.put(key, value);
            return self();
        }

        /** RDS manages the master user's password in this secret of the region ({@code MasterUserSecret}). */
        public B masterUserSecret(String secretName) {
            this.masterUserSecret = secretName;
            return self();
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }
    }

    public static final class DbInstanceBuilder extends DatabaseBuilder<DbInstanceBuilder> {
        private String instanceClass;
        private Boolean publiclyAccessible;
        private String vpcId;
        private String cluster;

        private DbInstanceBuilder() {
        }

        public DbInstanceBuilder instanceClass(String instanceClass) {
            this.instanceClass = instanceClass;
            return this;
        }

        public DbInstanceBuilder publiclyAccessible(boolean publiclyAccessible) {
            this.publiclyAccessible = publiclyAccessible;
            return this;
        }

        public DbInstanceBuilder vpcId(String vpcId) {
            this.vpcId = vpcId;
            return this;
        }

        /** Makes the instance a member of a DB cluster of the same region. */
        public DbInstanceBuilder cluster(String clusterIdentifier) {
            this.cluster = clusterIdentifier;
            return this;
        }
    }

    public static final class DbClusterBuilder extends DatabaseBuilder<DbClusterBuilder> {
        private String readerAddress;
        private Boolean storageEncrypted;
        private final List<String> members = new ArrayList<>();

        private DbClusterBuilder() {
        }

        public DbClusterBuilder readerAddress(String readerAddress) {
            this.readerAddress = readerAddress;
            return this;
        }

        public DbClusterBuilder storageEncrypted(boolean storageEncrypted) {
            this.storageEncrypted = storageEncrypted;
            return this;
        }

        /** DB instance identifiers, the writer first; by default the instances that name this cluster. */
        public DbClusterBuilder members(String... instanceIdentifiers) {
            members.addAll(List.of(instanceIdentifiers));
            return this;
        }
    }

    public static final class RedshiftClusterBuilder {
        private String nodeType;
        private Integer numberOfNodes;
        private String status;
        private String address;
        private Integer port;
        private String dbName;
        private Boolean publiclyAccessible;
        private String vpcId;
        private final Map<String, String> tags = new LinkedHashMap<>();

        private RedshiftClusterBuilder() {
        }

        public RedshiftClusterBuilder nodeType(String nodeType) {
            this.nodeType = nodeType;
            return this;
        }

        public RedshiftClusterBuilder numberOfNodes(int numberOfNodes) {
            this.numberOfNodes = numberOfNodes;
            return this;
        }

        /** As Redshift spells it: {@code available}, {@code paused}, {@code creating}, ... */
        public RedshiftClusterBuilder status(String status) {
            this.status = status;
            return this;
        }

        public RedshiftClusterBuilder address(String address) {
            this.address = address;
            return this;
        }

        public RedshiftClusterBuilder port(int port) {
            this.port = port;
            return this;
        }

        public RedshiftClusterBuilder dbName(String dbName) {
            this.dbName = dbName;
            return this;
        }

        public RedshiftClusterBuilder publiclyAccessible(boolean publiclyAccessible) {
            this.publiclyAccessible = publiclyAccessible;
            return this;
        }

        public RedshiftClusterBuilder vpcId(String vpcId) {
            this.vpcId = vpcId;
            return this;
        }

        public RedshiftClusterBuilder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }
    }

    public static final class DynamoDbTableBuilder {
        private static final ObjectReader ITEM_READER = new ObjectMapper().readerFor(new TypeReference<Map<String, Object>>() {
        });

        private RegionSeed.KeyAttribute partitionKey;
        private RegionSeed.KeyAttribute sortKey;
        private final List<String> globalIndexes = new ArrayList<>();
        private final List<String> localIndexes = new ArrayList<>();
        private String billingMode;
        private Long itemCount;
        private Long sizeBytes;
        private String status;
        private final List<Map<String, Object>> items = new ArrayList<>();

        private DynamoDbTableBuilder() {
        }

        /** The partition key's name and type: {@code S}, {@code N} or {@code B}. */
        public DynamoDbTableBuilder partitionKey(String name, String type) {
            partitionKey = new RegionSeed.KeyAttribute(name, type);
            return this;
        }

        public DynamoDbTableBuilder sortKey(String name, String type) {
            sortKey = new RegionSeed.KeyAttribute(name, type);
            return this;
        }

        public DynamoDbTableBuilder globalSecondaryIndex(String name) {
            globalIndexes.add(name);
            return this;
        }

        public DynamoDbTableBuilder localSecondaryIndex(String name) {
            localIndexes.add(name);
            return this;
        }

        /** {@code PAY_PER_REQUEST} or {@code PROVISIONED}. */
        public DynamoDbTableBuilder billingMode(String billingMode) {
            this.billingMode = billingMode;
            return this;
        }

        /** DescribeTable's item count estimate; without one, it reports the items the simulator holds. */
        public DynamoDbTableBuilder itemCount(long itemCount) {
            this.itemCount = itemCount;
            return this;
        }

        /** DescribeTable's size estimate; without one, it reports the size of the items the simulator holds. */
        public DynamoDbTableBuilder sizeBytes(long sizeBytes) {
            this.sizeBytes = sizeBytes;
            return this;
        }

        /** As DynamoDB spells it: {@code ACTIVE}, {@code CREATING}, {@code UPDATING}, ... */
        public DynamoDbTableBuilder status(String status) {
            this.status = status;
            return this;
        }

        /**
         * An item the table starts with, in DynamoDB JSON:
         * {@code item("{\"id\": {\"S\": \"a1\"}, \"price\": {\"N\": \"12.5\"}}")}; see
         * {@link RegionSeed.DynamoDbTable} for the checks it must pass.
         *
         * @throws IllegalArgumentException if it is not a JSON object
         */
        public DynamoDbTableBuilder item(String dynamoDbJson) {
            try {
                items.add(ITEM_READER.readValue(dynamoDbJson));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("A DynamoDB item of the seed is not a JSON object: "
                        + e.getOriginalMessage(), e);
            }
            return this;
        }
    }

    public static final class SecretBuilder {
        private String description;
        private String kmsKeyId;
        private String owningService;
        private final Map<String, String> tags = new LinkedHashMap<>();

        private SecretBuilder() {
        }

        public SecretBuilder description(String description) {
            this.description = description;
            return this;
        }

        /** A customer managed KMS key (its ARN or alias): reading the secret then needs {@code kms:Decrypt} on it. */
        public SecretBuilder kmsKeyId(String kmsKeyId) {
            this.kmsKeyId = kmsKeyId;
            return this;
        }

        /** The service that manages the secret, {@code rds} for a master user secret. */
        public SecretBuilder owningService(String owningService) {
            this.owningService = owningService;
            return this;
        }

        public SecretBuilder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }
    }
}
