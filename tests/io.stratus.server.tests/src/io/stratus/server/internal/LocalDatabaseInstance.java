package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stratus.aws.simulator.seed.RegionBuilder;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.connect.ConnectConfiguration;
import io.stratus.explorer.ExplorerConfiguration;
import io.stratus.testing.PostgresServer;
import io.stratus.testing.StratusServices;
import io.stratus.testing.TestCertificates;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.FrameworkUtil;

/**
 * A Stratus instance over real HTTP whose account has one RDS PostgreSQL instance, {@code orders},
 * played by a real PostgreSQL on loopback with TLS from the test authority, and an empty DynamoDB
 * table {@code carts} in the simulator; the first person ({@code ALICE}) has set it up and is
 * signed in.
 */
final class LocalDatabaseInstance implements AutoCloseable {

    static final Map<String, String> ALICE = HttpApiTest.ALICE;
    static final String RESOURCE = "arn:aws:rds:eu-west-1:" + HttpApiTest.ACCOUNT + ":db:orders";
    static final String CARTS = "arn:aws:dynamodb:eu-west-1:" + HttpApiTest.ACCOUNT + ":table/carts";

    final PostgresServer postgres;
    final String database;
    final StratusServices stratus;
    final ApiClient alice;
    private final TestAwsSimulator simulator;
    private final HttpApiServer server;

    private LocalDatabaseInstance(PostgresServer postgres, String database, TestAwsSimulator simulator, StratusServices stratus,
            HttpApiServer server, ApiClient alice) {
        this.postgres = postgres;
        this.database = database;
        this.simulator = simulator;
        this.stratus = stratus;
        this.server = server;
        this.alice = alice;
    }

    /**
     * Starts it all; {@code fixture} statements fill the database and {@code others} are further
     * IAM users of the account, by name, with their keys.
     */
    static LocalDatabaseInstance start(String name, List<String> fixture, Map<String, Map<String, String>> others)
            throws Exception {
        return start(name, fixture, others, (account, region, postgres) -> {
        });
    }

    /** What a test adds to the account: users of its own, and what region {@code eu-west-1} holds besides. */
    @FunctionalInterface
    interface AccountExtras {
        void add(Seed.AccountBuilder account, RegionBuilder region, PostgresServer postgres);
    }

    /** As {@link #start(String, List, Map)}, with {@code extras} added to the account once the database runs. */
    static LocalDatabaseInstance start(String name, List<String> fixture, Map<String, Map<String, String>> others,
            AccountExtras extras) throws Exception {
        PostgresServer postgres = PostgresServer.start();
        String database = postgres.createDatabase();
        try (Connection admin = postgres.connect(database); Statement sql = admin.createStatement()) {
            for (String statement : fixture) {
                sql.execute(statement);
            }
        }
        Seed seed = Seed.builder().account(HttpApiTest.ACCOUNT, account -> {
            account.user("alice", u -> u.accessKey(ALICE.get("accessKeyId"), ALICE.get("secretAccessKey")));
            others.forEach((user, keys) -> account.user(user, u -> u.accessKey(keys.get("accessKeyId"), keys.get("secretAccessKey"))));
            account.region("eu-west-1", r -> extras.add(account, r.dbInstance("orders", db -> db.engine("postgres")
                    .address("127.0.0.1").port(postgres.port()).dbName(database).iamAuthentication(true))
                    .dynamoDbTable("carts", table -> table.partitionKey("cart", "S")), postgres));
        }).build();
        TestAwsSimulator simulator = TestAwsSimulator.start(seed);
        StratusServices stratus = new StratusServices();
        stratus.useAws(simulator, Map.of("maxAttempts", 2));
        // RDS PostgreSQL requires TLS; the test server's certificate comes from the test authority.
        stratus.configure(ConnectConfiguration.PID, new Hashtable<>(Map.of(ConnectConfiguration.TRUSTED_CERTIFICATES,
                TestCertificates.shared().authority().toString())));
        stratus.configure(ExplorerConfiguration.PID, new Hashtable<>(Map.of(ExplorerConfiguration.REGIONS, new String[] {"eu-west-1"})));
        stratus.freshInstance(name);
        stratus.service(ApiDispatcher.class);
        HttpApiServer server = new HttpApiServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> stratus.currentService(ApiDispatcher.class),
                FrameworkUtil.getBundle(ApiDispatcher.class).getVersion().toString(), Optional.empty());
        ApiClient alice = new ApiClient(server.start().getPort());
        assertEquals(201, alice.post("/api/setup", ALICE).statusCode());
        return new LocalDatabaseInstance(postgres, database, simulator, stratus, server, alice);
    }

    TestAwsSimulator simulator() {
        return simulator;
    }

    int port() {
        return alice.port();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        simulator.close();
        postgres.close();
    }
}
