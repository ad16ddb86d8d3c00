package io.stratus.explorer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.Fault;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.UserSession;
import io.stratus.aws.AwsConfiguration;
import io.stratus.explorer.ExplorerConfiguration;
import io.stratus.core.explorer.ExplorerFilter;
import io.stratus.core.explorer.ExplorerTree.RegionNode;
import io.stratus.core.explorer.ExplorerTree;
import io.stratus.core.explorer.ScanStatus;
import io.stratus.testing.StratusServices;

import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery with each person's own keys, against the AWS simulator's databases. */
class ExplorerTest {

    private static final String ACCOUNT = "123456789012";
    private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "ap-southeast-2");
    private static final String ALICE_ID = "AKIAALICE00000000001";
    private static final String ALICE_SECRET = "alice+secret+0000000000000000000000000001";
    /** bob may not describe RDS databases; everything else is allowed. */
    private static final String BOB_ID = "AKIABOB0000000000002";
    private static final String BOB_SECRET = "bob+secret+00000000000000000000000000002";
    /** carol may not list Aurora DSQL clusters; everything else is allowed. */
    private static final String CAROL_ID = "AKIACAROL00000000003";
    private static final String CAROL_SECRET = "carol+secret+0000000000000000000000000003";
    /** dora may not list Redshift Serverless workgroups, erin not their namespaces; everything else is allowed. */
    private static final String DORA_ID = "AKIADORA000000000004";
    private static final String DORA_SECRET = "dora+secret+00000000000000000000000000004";
    private static final String ERIN_ID = "AKIAERIN000000000005";
    private static final String ERIN_SECRET = "erin+secret+00000000000000000000000000005";
    private static final String LEDGER = "k4abtwk7xmifk5yvhwn3elbs5e";
    private static final int BULK = 250;
    /** More DynamoDB tables than one ListTables page holds. */
    private static final int TABLES = 120;

    private static final Seed SEED = Seed.builder().account(ACCOUNT, account -> account
            .user("alice", u -> u.accessKey(ALICE_ID, ALICE_SECRET))
            .user("bob", u -> u.accessKey(BOB_ID, BOB_SECRET).deny("rds:DescribeDBInstances", "rds:DescribeDBClusters"))
            .user("carol", u -> u.accessKey(CAROL_ID, CAROL_SECRET).deny("dsql:ListClusters"))
            .user("dora", u -> u.accessKey(DORA_ID, DORA_SECRET).deny("redshift-serverless:ListWorkgroups"))
            .user("erin", u -> u.accessKey(ERIN_ID, ERIN_SECRET).deny("redshift-serverless:ListNamespaces"))
            .region("eu-west-1", r -> r
                    .dbInstance("orders", db -> db.engine("postgres").engineVersion("16.4").dbName("orders")
                            .iamAuthentication(true).instanceClass("db.r6g.large").vpcId("vpc-0a1").tag("team", "shop"))
                    .dbCluster("catalog", c -> c.engine("aurora-mysql").iamAuthentication(true).members("catalog-1", "catalog-2"))
                    .dbInstance("catalog-1", db -> db.engine("aurora-mysql").cluster("catalog"))
                    .dbInstance("catalog-2", db -> db.engine("aurora-mysql").cluster("catalog"))
                    .dbCluster("profiles", c -> c.engine("docdb").members("profiles-1"))
                    .dbInstance("profiles-1", db -> db.engine("docdb").cluster("profiles"))
                    .redshiftCluster("warehouse", rs -> rs.nodeType("ra3.4xlarge").numberOfNodes(4).dbName("analytics"))
                    .redshiftWorkgroup("reporting", "reports")
                    .dsqlCluster(LEDGER, "ledger", null)
                    .dynamoDbTable("sessions", t -> t.partitionKey("user", "S").sortKey("started", "N")
                            .globalSecondaryIndex("by-device").localSecondaryIndex("by-expiry").itemCount(1_204)))
            .region("us-east-1", r -> {
                r.generatedDbInstances(BULK, "bulk");
                for (int i = 1; i <= TABLES; i++) {
                    r.dynamoDbTable("events-%03d".formatted(i), t -> t.partitionKey("id", "S").billingMode("PROVISIONED"));
                }
            })
            .region("ap-southeast-2", r -> r.dbInstance("legacy", db -> db.engine("mariadb").tag("team", "core"))))
            .build();

    private static TestAwsSimulator simulator;
    private static StratusServices stratus;
    private UserSession alice;

    @BeforeAll
    static void start() throws Exception {
        simulator = TestAwsSimulator.start(SEED);
        stratus = new StratusServices();
        stratus.useAws(simulator, Map.of("maxAttempts", 2));
        stratus.configure(ExplorerConfiguration.PID, new Hashtable<>(Map.of(ExplorerConfiguration.REGIONS, REGIONS.toArray(String[]::new),
                // short enough for the slow-region test, long enough for a cold scan on a loaded machine
                "scanTimeoutMillis", 4_000L)));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void freshInstance() throws Exception {
        simulator.faults().clear();
        stratus.freshInstance("explorer");
        alice = stratus.signIn().setUp(keys(ALICE_ID, ALICE_SECRET));
        StratusServices.awaitTrue("the explorer scans the configured regions of every service",
                () -> stratus.explorer().tree(alice).services().stream().allMatch(service -> service.regions().size()
                        == REGIONS.size() && service.regions().stream()
                                .noneMatch(region -> region.status().outcome() == ScanStatus.Outcome.PENDING)));
        simulator.calls().clear();
    }

    @Test
    void findsAuroraDsqlClustersWhereTheyAreAndNoneElsewhere() {
        ExplorerTree tree = stratus.explorer().refresh(alice);
        RegionNode dsql = tree.node("DSQL", "eu-west-1").orElseThrow();
        assertEquals(ScanStatus.OK, dsql.status());
        CloudResource ledger = named(dsql.resources(), "ledger");
        assertEquals("arn:aws:dsql:eu-west-1:" + ACCOUNT + ":cluster/" + LEDGER, ledger.id());
        assertEquals("aurora-dsql", ledger.engine());
        assertEquals("ACTIVE", ledger.status());
        assertEquals(new CloudResource.Endpoint(LEDGER + ".dsql.eu-west-1.on.aws", 5432), ledger.endpoint().orElseThrow());
        assertTrue(ledger.iamAuthentication() && ledger.tlsRequired(), "DSQL takes IAM tokens over TLS");
        assertEquals(LEDGER, ledger.details().get("identifier"));
        assertEquals("true", ledger.details().get("deletionProtection"));
        assertEquals(ScanStatus.OK, tree.node("DSQL", "us-east-1").orElseThrow().status());
        assertEquals(List.of(), tree.node("DSQL", "us-east-1").orElseThrow().resources());

        ConnectionSpec spec = stratus.explorer().connectionSpec(alice, ledger.id(), Action.OPEN_DATABASE);
        assertEquals(Optional.of("postgres"), spec.database());
        assertTrue(spec.iamAuthentication());
    }

    @Test
    void aPersonIamDoesNotLetListDsqlClustersSeesTheActionNamedAndTheRest() {
        UserSession carol = stratus.signIn().signIn(keys(CAROL_ID, CAROL_SECRET));
        ExplorerTree tree = stratus.explorer().refresh(carol);
        RegionNode dsql = tree.node("DSQL", "eu-west-1").orElseThrow();
        assertEquals(ScanStatus.Outcome.ACCESS_DENIED, dsql.status().outcome());
        assertEquals(List.of("dsql:ListClusters"), dsql.status().missingActions());
        assertEquals(ScanStatus.OK, tree.node("REDSHIFT", "eu-west-1").orElseThrow().status());
    }

    @Test
    void findsRedshiftServerlessWorkgroupsBesideTheClustersWithTheirNamespacesDatabase() {
        ExplorerTree tree = stratus.explorer().refresh(alice);
        RegionNode redshift = tree.node("REDSHIFT", "eu-west-1").orElseThrow();
        assertEquals(ScanStatus.OK, redshift.status());
        assertEquals(Set.of("warehouse", "reporting"), redshift.resources().stream().map(CloudResource::name)
                .collect(Collectors.toSet()));
        CloudResource reporting = named(redshift.resources(), "reporting");
        assertEquals("workgroup", reporting.kind());
        assertEquals("redshift-serverless", reporting.engine());
        assertEquals("AVAILABLE", reporting.status());
        assertTrue(reporting.id().startsWith("arn:aws:redshift-serverless:eu-west-1:" + ACCOUNT + ":workgroup/"),
                reporting.id());
        assertEquals(new CloudResource.Endpoint("reporting." + ACCOUNT + ".eu-west-1.redshift-serverless.amazonaws.com",
                5439), reporting.endpoint().orElseThrow());
        assertEquals(Optional.of("reports"), reporting.databaseName(), "its namespace's database");
        assertEquals("reporting", reporting.details().get("namespace"));
        assertEquals("128 RPUs", reporting.details().get("baseCapacity"));
        assertEquals(List.of(), tree.node("REDSHIFT", "us-east-1").orElseThrow().resources());

        ConnectionSpec spec = stratus.explorer().connectionSpec(alice, reporting.id(), Action.READ_CONNECTION_SETTINGS);
        assertEquals("redshift-serverless", spec.engine());
        assertEquals(Optional.of("reports"), spec.database());
        assertTrue(spec.tlsRequired());
        assertFalse(spec.iamAuthentication());
        assertEquals(REGIONS.size(), simulator.calls().count("redshift-serverless:ListWorkgroups"), "one listing per region");
    }

    @Test
    void aPersonIamDoesNotLetListWorkgroupsSeesTheClustersAndTheActionNamed() {
        UserSession dora = stratus.signIn().signIn(keys(DORA_ID, DORA_SECRET));
        RegionNode redshift = stratus.explorer().refresh(dora).node("REDSHIFT", "eu-west-1").orElseThrow();
        assertEquals(ScanStatus.Outcome.ACCESS_DENIED, redshift.status().outcome());
        assertEquals(List.of("redshift-serverless:ListWorkgroups"), redshift.status().missingActions());
        assertTrue(redshift.status().detail().contains("redshift-serverless:ListWorkgroups"), redshift.status().detail());
        assertEquals(List.of("warehouse"), redshift.resources().stream().map(CloudResource::name).toList());

        UserSession erin = stratus.signIn().signIn(keys(ERIN_ID, ERIN_SECRET));
        RegionNode withoutNamespaces = stratus.explorer().refresh(erin).node("REDSHIFT", "eu-west-1").orElseThrow();
        assertEquals(List.of("redshift-serverless:ListNamespaces"), withoutNamespaces.status().missingActions());
        assertEquals(Optional.of("dev"), named(withoutNamespaces.resources(), "reporting").databaseName(),
                "the database every namespace has, when the namespace cannot be read");
    }

    @Test
    void aRegionWithoutARedshiftServerlessEndpointHasNoWorkgroupsAndNoError() throws Exception {
        try {
            // AWS has no Redshift Serverless endpoint in such a region: its name does not resolve.
            stratus.useAws(simulator, Map.of("maxAttempts", 2, AwsConfiguration.SERVICE_ENDPOINTS,
                    new String[] {"redshift-serverless=https://redshift-serverless.eu-west-1.invalid"}));
            StratusServices.awaitTrue("the AWS clients use the endpoint that does not exist", () -> stratus.aws()
                    .settings().endpointFor("redshift-serverless").orElseThrow().getHost().endsWith(".invalid"));
            UserSession again = stratus.signIn().signIn(keys(ALICE_ID, ALICE_SECRET));
            RegionNode redshift = stratus.explorer().refresh(again).node("REDSHIFT", "eu-west-1").orElseThrow();
            assertEquals(ScanStatus.OK, redshift.status());
            assertEquals(List.of("warehouse"), redshift.resources().stream().map(CloudResource::name).toList());
        } finally {
            stratus.useAws(simulator, Map.of("maxAttempts", 2));
            StratusServices.awaitTrue("the AWS clients use the simulator for every service",
                    () -> stratus.aws().settings().serviceEndpoints().isEmpty());
        }
    }

    @Test
    void findsEveryKindOfDatabaseWithItsFields() {
        ExplorerTree tree = stratus.explorer().refresh(alice);
        assertEquals(ACCOUNT, tree.accountId());
        RegionNode rds = tree.node("RDS", "eu-west-1").orElseThrow();
        assertEquals(ScanStatus.OK, rds.status());

        CloudResource orders = named(rds.resources(), "orders");
        assertEquals("postgres", orders.engine());
        assertEquals("16.4", orders.engineVersion());
        assertEquals("available", orders.status());
        assertTrue(orders.iamAuthentication());
        assertEquals("vpc-0a1", orders.details().get("vpc"));
        assertEquals("db.r6g.large", orders.details().get("instanceClass"));
        assertEquals(Map.of("team", "shop"), orders.tags());
        assertTrue(orders.endpoint().orElseThrow().host().startsWith("orders."));

        CloudResource catalog = named(rds.resources(), "catalog");
        assertEquals("cluster", catalog.kind());
        assertEquals(List.of("catalog-1", "catalog-2"), catalog.members().stream().map(CloudResource::name).sorted().toList());
        assertTrue(rds.resources().stream().noneMatch(r -> r.name().startsWith("catalog-")), "members sit under their cluster");
        assertTrue(rds.resources().stream().noneMatch(r -> r.engine().equals("docdb")), "DocumentDB is its own service");

        RegionNode docdb = tree.node("DOCUMENTDB", "eu-west-1").orElseThrow();
        CloudResource profiles = named(docdb.resources(), "profiles");
        assertEquals("docdb", profiles.engine());
        assertEquals(List.of("profiles-1"), profiles.members().stream().map(CloudResource::name).toList());

        CloudResource warehouse = named(tree.node("REDSHIFT", "eu-west-1").orElseThrow().resources(), "warehouse");
        assertEquals("ra3.4xlarge", warehouse.details().get("nodeType"));
        assertEquals("4", warehouse.details().get("numberOfNodes"));
        assertEquals(Optional.of("analytics"), warehouse.databaseName());

        CloudResource sessions = named(tree.node("DYNAMODB", "eu-west-1").orElseThrow().resources(), "sessions");
        assertEquals("ACTIVE", sessions.status());
        assertEquals("user HASH, started RANGE", sessions.details().get("keySchema"));
        assertEquals("by-device (global), by-expiry (local)", sessions.details().get("indexes"));
        assertEquals("PAY_PER_REQUEST", sessions.details().get("billingMode"));
        assertEquals("1204", sessions.details().get("itemCount"));
        assertEquals("arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/sessions", sessions.id());
    }

    @Test
    void followsPaginationToTheEnd() {
        RegionNode virginia = stratus.explorer().refresh(alice).node("RDS", "us-east-1").orElseThrow();
        assertEquals(BULK, virginia.resources().size());
        assertEquals(3 + 1 + 1, simulator.calls().count("rds:DescribeDBInstances"),
                "one listing per region serves RDS and DocumentDB: three pages in us-east-1, one elsewhere");

        RegionNode tables = stratus.explorer().tree(alice).node("DYNAMODB", "us-east-1").orElseThrow();
        assertEquals(TABLES, tables.resources().size());
        assertTrue(tables.resources().stream().allMatch(t -> t.details().get("billingMode").equals("PROVISIONED")),
                "every listed table was described");
        assertEquals(2 + 1 + 1, simulator.calls().count("dynamodb:ListTables"), "two pages of names in us-east-1, one elsewhere");
    }

    @Test
    void aDeniedServiceIsNamedWhileTheOthersAreShown() {
        UserSession bob = stratus.signIn().signIn(keys(BOB_ID, BOB_SECRET));
        ExplorerTree tree = stratus.explorer().tree(bob);
        RegionNode rds = tree.node("RDS", "eu-west-1").orElseThrow();
        assertEquals(ScanStatus.Outcome.ACCESS_DENIED, rds.status().outcome());
        assertTrue(rds.status().detail().contains("rds:DescribeDBInstances"), rds.status().detail());
        assertTrue(rds.status().missingActions().contains("rds:DescribeDBInstances"), rds.status().missingActions().toString());
        assertTrue(rds.resources().isEmpty());
        assertEquals(ScanStatus.OK, tree.node("REDSHIFT", "eu-west-1").orElseThrow().status());
        assertEquals(2, tree.node("REDSHIFT", "eu-west-1").orElseThrow().resources().size(), "the cluster and the workgroup");
        RegionNode dynamo = tree.node("DYNAMODB", "eu-west-1").orElseThrow();
        assertEquals(ScanStatus.OK, dynamo.status());
        assertEquals(List.of("sessions"), dynamo.resources().stream().map(CloudResource::name).toList());
    }

    @Test
    void oneSlowRegionTimesOutWithoutHoldingBackTheOthers() {
        simulator.faults().latency("rds:*", "ap-southeast-2", Duration.ofSeconds(12));
        long started = System.nanoTime();
        ExplorerTree tree = stratus.explorer().refresh(alice);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(ScanStatus.Outcome.TIMED_OUT, tree.node("RDS", "ap-southeast-2").orElseThrow().status().outcome());
        assertEquals(ScanStatus.OK, tree.node("RDS", "eu-west-1").orElseThrow().status());
        assertEquals(ScanStatus.OK, tree.node("REDSHIFT", "ap-southeast-2").orElseThrow().status());
        assertTrue(millis < 9_000, "the scan waited " + millis + " ms for the slow region");
    }

    @Test
    void regionsAreHeardAsTheyAnswerWhileASlowOneIsStillScanning() throws Exception {
        simulator.faults().latency("rds:*", "ap-southeast-2", Duration.ofSeconds(3)); // within the 4 s deadline
        List<ExplorerTree> heard = new CopyOnWriteArrayList<>();
        ExplorerTree done = stratus.explorer().refresh(alice, heard::add);

        int pairs = done.services().stream().mapToInt(s -> s.regions().size()).sum();
        assertEquals(pairs, heard.size(), "one tree per service and region that answered");
        assertEquals(done, heard.get(heard.size() - 1), "the last tree heard is the finished one");
        Instant slowAnswered = done.node("RDS", "ap-southeast-2").orElseThrow().scannedAt();
        int slowHeard = 0;
        while (!heard.get(slowHeard).node("RDS", "ap-southeast-2").orElseThrow().scannedAt().equals(slowAnswered)) {
            slowHeard++;
        }
        assertTrue(slowHeard > 0, "trees were heard before the slow region answered");
        ExplorerTree beforeTheSlowOne = heard.get(slowHeard - 1);
        assertEquals(done.node("RDS", "eu-west-1"), beforeTheSlowOne.node("RDS", "eu-west-1"),
                "a fast region was shown before the slow one answered");

        stratus.freshInstance("explorer");
        UserSession firstLook = stratus.signIn().setUp(keys(ALICE_ID, ALICE_SECRET));
        simulator.faults().latency("rds:*", "ap-southeast-2", Duration.ofSeconds(2));
        List<ExplorerTree> firstHeard = new CopyOnWriteArrayList<>();
        stratus.explorer().tree(firstLook, firstHeard::add);
        assertEquals(ScanStatus.Outcome.PENDING, firstHeard.get(0).node("RDS", "ap-southeast-2").orElseThrow().status().outcome(),
                "on a first discovery, what has not answered yet is pending");
    }

    @Test
    void throttlingIsRetriedThenReportedAsFailed() {
        simulator.faults().failNext(1, Fault.THROTTLING, "redshift:*", "eu-west-1");
        assertEquals(ScanStatus.OK, stratus.explorer().refresh(alice).node("REDSHIFT", "eu-west-1").orElseThrow().status());

        simulator.faults().failNext(2, Fault.THROTTLING, "redshift:*", "eu-west-1");
        ScanStatus throttled = stratus.explorer().refresh(alice).node("REDSHIFT", "eu-west-1").orElseThrow().status();
        assertEquals(ScanStatus.Outcome.FAILED, throttled.outcome());
        assertTrue(throttled.detail().contains("throttling"), throttled.detail());
    }

    @Test
    void refreshingOneNodeRescansOnlyIt() {
        simulator.faults().failNext(2, Fault.SERVICE_UNAVAILABLE, "redshift:*", "eu-west-1");
        ExplorerTree first = stratus.explorer().refresh(alice);
        assertEquals(ScanStatus.Outcome.FAILED, first.node("REDSHIFT", "eu-west-1").orElseThrow().status().outcome());
        simulator.calls().clear();

        ExplorerTree second = stratus.explorer().refresh(alice, "REDSHIFT", "eu-west-1");
        assertEquals(ScanStatus.OK, second.node("REDSHIFT", "eu-west-1").orElseThrow().status());
        assertEquals(simulator.calls().count("*"), simulator.calls().count("redshift:DescribeClusters")
                + simulator.calls().count("redshift-serverless:*"), "no other service's call");
        assertEquals(first.node("RDS", "eu-west-1").orElseThrow().scannedAt(),
                second.node("RDS", "eu-west-1").orElseThrow().scannedAt(), "the rest is kept");
    }

    @Test
    void treesAreCachedPerSessionAndNeverShared() {
        stratus.explorer().tree(alice);
        simulator.calls().clear();
        stratus.explorer().tree(alice);
        assertEquals(0, simulator.calls().count("*"), "served from alice's cache");

        UserSession bob = stratus.signIn().signIn(keys(BOB_ID, BOB_SECRET));
        ExplorerTree bobs = stratus.explorer().tree(bob);
        assertTrue(simulator.calls().count("redshift:*") > 0, "bob's tree was discovered with bob's keys");
        assertEquals(ScanStatus.Outcome.ACCESS_DENIED, bobs.node("RDS", "eu-west-1").orElseThrow().status().outcome());
        assertEquals(ScanStatus.OK, stratus.explorer().tree(alice).node("RDS", "eu-west-1").orElseThrow().status());

        stratus.signIn().signOut(bob.id());
        StratusException e = assertThrows(StratusException.class, () -> stratus.explorer().tree(bob));
        assertEquals(Problem.NOT_SIGNED_IN, e.problem());
    }

    @Test
    void filtersByTextEngineStatusAndTag() {
        ExplorerTree tree = stratus.explorer().tree(alice);
        assertEquals(Set.of("orders"), names(tree.filter(new ExplorerFilter(Optional.of("ORD"), Optional.empty(),
                Optional.empty(), Optional.empty()))));
        List<CloudResource> mariadb = resources(tree.filter(new ExplorerFilter(Optional.empty(), Optional.of("MariaDB"),
                Optional.empty(), Optional.empty())));
        assertTrue(mariadb.stream().anyMatch(r -> r.name().equals("legacy")), "legacy runs MariaDB");
        assertTrue(mariadb.stream().allMatch(r -> r.engine().equals("mariadb")), "only MariaDB databases match");
        assertEquals(Set.of("orders", "legacy"), names(tree.filter(new ExplorerFilter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("team")))));
        assertEquals(Set.of("legacy"), names(tree.filter(new ExplorerFilter(Optional.empty(), Optional.empty(),
                Optional.of("available"), Optional.of("team=core")))));
        assertEquals(Set.of("catalog"), names(tree.filter(new ExplorerFilter(Optional.of("catalog-2"), Optional.empty(),
                Optional.empty(), Optional.empty()))), "a cluster is kept for a matching member");
    }

    @Test
    void connectionSpecsFromEachKindOfDatabase() {
        ExplorerTree tree = stratus.explorer().tree(alice);
        ConnectionSpec orders = spec(tree, "RDS", "orders");
        assertEquals("postgres", orders.engine());
        assertEquals(Optional.of("orders"), orders.database());
        assertTrue(orders.iamAuthentication());
        assertTrue(orders.tlsRequired());
        assertEquals("eu-west-1", orders.region());

        ConnectionSpec catalog = spec(tree, "RDS", "catalog");
        assertTrue(catalog.host().contains(".cluster-"), "the cluster's writer endpoint: " + catalog.host());
        assertEquals("aurora-mysql", catalog.engine());

        ConnectionSpec profiles = spec(tree, "DOCUMENTDB", "profiles");
        assertEquals("docdb", profiles.engine());
        assertFalse(profiles.iamAuthentication(), "DocumentDB logs in with a password");

        ConnectionSpec warehouse = spec(tree, "REDSHIFT", "warehouse");
        assertEquals(5439, warehouse.port());
        assertEquals(Optional.of("analytics"), warehouse.database());

        ConnectionSpec sessions = spec(tree, "DYNAMODB", "sessions");
        assertEquals("dynamodb", sessions.engine());
        assertEquals("dynamodb.eu-west-1.amazonaws.com", sessions.host());
        assertEquals(443, sessions.port());
        assertEquals(Optional.of("sessions"), sessions.database(), "the table to open");

        ConnectionSpec legacy = spec(tree, "RDS", "legacy");
        assertFalse(legacy.iamAuthentication(), "IAM authentication is offered only where it is enabled");
        assertEquals(Optional.empty(), legacy.database());
    }

    @Test
    void exploringNeedsTheExplorePermission() {
        UserSession bob = stratus.signIn().signIn(keys(BOB_ID, BOB_SECRET));
        stratus.admin().createCustomRole(alice, Role.custom("auditor", "Auditor", Set.of(Permission.READ_AUDIT)));
        stratus.admin().setRoles(alice, bob.principalId(), Set.of("auditor"));
        StratusException e = assertThrows(StratusException.class, () -> stratus.explorer().tree(bob));
        assertEquals(Problem.FORBIDDEN, e.problem());
    }

    @Test
    void openingADatabaseLooksItUpWithConnectAloneAsDeclared() {
        assertEquals(Permission.CONNECT, Action.OPEN_DATABASE.permission());
        String sessions = named(stratus.explorer().tree(alice).node("DYNAMODB", "eu-west-1").orElseThrow().resources(),
                "sessions").id();
        UserSession bob = stratus.signIn().signIn(keys(BOB_ID, BOB_SECRET));
        stratus.admin().createCustomRole(alice, Role.custom("opener", "Opener", Set.of(Permission.CONNECT)));
        stratus.admin().setRoles(alice, bob.principalId(), Set.of("opener"));

        assertEquals("dynamodb", stratus.explorer().connectionSpec(bob, sessions, Action.OPEN_DATABASE).engine());
        StratusException settings = assertThrows(StratusException.class,
                () -> stratus.explorer().connectionSpec(bob, sessions, Action.READ_CONNECTION_SETTINGS));
        assertEquals(Problem.FORBIDDEN, settings.problem());
        assertTrue(settings.getMessage().contains("read the connection settings") && settings.getMessage().contains("'explore'"),
                settings.getMessage());
    }

    private ConnectionSpec spec(ExplorerTree tree, String service, String name) {
        String region = name.equals("legacy") ? "ap-southeast-2" : "eu-west-1";
        return stratus.explorer().connectionSpec(alice, named(tree.node(service, region).orElseThrow().resources(), name).id(),
                Action.READ_CONNECTION_SETTINGS);
    }

    private static CloudResource named(List<CloudResource> resources, String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + resources.stream().map(CloudResource::name).toList()));
    }

    private static Set<String> names(ExplorerTree tree) {
        return resources(tree).stream().map(CloudResource::name).collect(Collectors.toSet());
    }

    private static List<CloudResource> resources(ExplorerTree tree) {
        return tree.services().stream().flatMap(s -> s.regions().stream()).flatMap(r -> r.resources().stream()).toList();
    }

    private static AwsCredentials keys(String id, String secret) {
        return new AwsCredentials(id, Secret.of(secret), null);
    }
}
