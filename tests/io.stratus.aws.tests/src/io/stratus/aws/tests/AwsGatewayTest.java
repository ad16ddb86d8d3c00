package io.stratus.aws.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.AwsClients;
import io.stratus.aws.AwsConfiguration;
import io.stratus.aws.AwsService;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.Fault;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.identity.Secret;

import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one gateway for a signed AWS call, against the AWS simulator: it lends the keys for the
 * call only, signs with them, checks AWS's clock, and says which IAM action a failure concerns.
 */
class AwsGatewayTest {

    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-1";
    private static final String DANA_KEY = "AKIADANA000000000001";
    private static final String DANA_SECRET = "dana+secret+0000000000000000000000000001";
    private static final Seed SEED = Seed.builder().account(ACCOUNT, account -> account
            .user("dana", u -> u.accessKey(DANA_KEY, DANA_SECRET).deny("rds:DescribeDBClusters", "organizations:*"))
            .region(REGION, region -> region
                    .dynamoDbTable("orders", t -> t.partitionKey("id", "S"))
                    .dynamoDbTable("carts", t -> t.partitionKey("id", "S"))))
            .build();
    private static final AwsService<DynamoDbClient> DYNAMODB = AwsService.dynamoDb(REGION);

    private static TestAwsSimulator simulator;
    private static AwsClients aws;
    private static ServiceTracker<AwsClients, AwsClients> clients;

    /** Dana's keys, counting how often they are lent and keeping the last failure that went through a loan. */
    private final AtomicInteger loans = new AtomicInteger();
    private final AtomicReference<RuntimeException> failedLoan = new AtomicReference<>();
    private final AwsKeys dana = new AwsKeys() {
        private final AwsKeys keys = AwsKeys.of(new AwsCredentials(DANA_KEY, Secret.of(DANA_SECRET), null));

        @Override
        public <T> T use(Function<AwsCredentials, T> call) {
            loans.incrementAndGet();
            try {
                return keys.use(call);
            } catch (RuntimeException e) {
                failedLoan.set(e);
                throw e;
            }
        }
    };

    @BeforeAll
    static void pointTheClientsAtTheSimulator() throws Exception {
        simulator = TestAwsSimulator.start(SEED);
        BundleContext context = FrameworkUtil.getBundle(AwsGatewayTest.class).getBundleContext();
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> configAdmin = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        configAdmin.open();
        Hashtable<String, Object> settings = new Hashtable<>(Map.of(AwsConfiguration.ENDPOINT,
                simulator.endpoint().toString(), "maxAttempts", 3, "callTimeoutMillis", 5_000L));
        configAdmin.waitForService(30_000).getConfiguration(AwsConfiguration.PID, "?").update(settings);
        clients = new ServiceTracker<>(context, AwsClients.class, null);
        clients.open();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (aws == null || !aws.settings().endpoint().map(simulator.endpoint()::equals).orElse(false)) {
            assertTrue(System.nanoTime() < deadline, "the AWS clients did not take the simulator's endpoint");
            Thread.sleep(20);
            aws = clients.getService();
        }
    }

    @AfterAll
    static void stopTheSimulator() {
        clients.close();
        simulator.close();
    }

    @BeforeEach
    void cleanSlate() {
        simulator.faults().clear();
        simulator.calls().clear();
    }

    @Test
    void lendsTheKeysOnceForACallAndSignsEveryRequestOfIt() {
        List<String> tables = aws.call(dana, DYNAMODB, "ListTables", (dynamo, signedAs) -> dynamo
                .listTablesPaginator(r -> r.limit(1).overrideConfiguration(signedAs)).tableNames().stream().toList());
        assertEquals(List.of("carts", "orders"), tables);
        assertEquals(1, loans.get(), "one loan for the call, whatever the pages");
        assertTrue(simulator.calls().count("dynamodb:ListTables") >= 2, "one request per page, all signed by dana");
    }

    @Test
    void aRequestThatNamesNoKeysIsNeverSent() {
        StratusException e = refused(Problem.REMOTE_UNREACHABLE, () -> aws.call(dana, DYNAMODB, "ListTables",
                (dynamo, signedAs) -> dynamo.listTables()));
        assertMentions(e, "dynamodb:ListTables", "named none");
        assertEquals(0, simulator.calls().count("dynamodb:ListTables"));
    }

    @Test
    void aRefusedActionIsNamedAsServiceAndAction() {
        StratusException sdk = refused(Problem.FORBIDDEN, () -> aws.call(dana, AwsService.rds(REGION),
                "DescribeDBClusters", (rds, signedAs) -> rds.describeDBClusters(r -> r.overrideConfiguration(signedAs))));
        assertMentions(sdk, "rds:DescribeDBClusters");
        StratusException json = refused(Problem.FORBIDDEN, () -> aws.callJson(dana, "organizations",
                "AWSOrganizationsV20161128.DescribeOrganization", "{}"));
        assertMentions(json, "organizations:DescribeOrganization");
        assertNotNull(aws.call(dana, AwsService.rds(REGION), "DescribeDBInstances",
                (rds, signedAs) -> rds.describeDBInstances(r -> r.overrideConfiguration(signedAs))), "allowed calls pass");
    }

    @Test
    void keysAwsNoLongerAcceptsFailTheLoanSoThatTheirSessionEnds() {
        simulator.faults().failNext(1, Fault.KEYS_REJECTED, "dynamodb:DescribeTable");
        StratusException e = refused(Problem.NOT_SIGNED_IN, () -> aws.call(dana, DYNAMODB, "DescribeTable",
                (dynamo, signedAs) -> dynamo.describeTable(r -> r.tableName("orders").overrideConfiguration(signedAs))));
        assertMentions(e, "does not recognise this access key id");
        assertSame(e, failedLoan.get(), "the lender sees AWS refuse the keys: a session's ends there");
    }

    @Test
    void aClockOffByMoreThanAwsAllowsIsNamedEvenWhenTheSdkGetsThrough() {
        simulator.faults().clockOffset(Duration.ofMinutes(2));
        assertEquals(2, aws.call(dana, DYNAMODB, "ListTables",
                (dynamo, signedAs) -> dynamo.listTables(r -> r.overrideConfiguration(signedAs))).tableNames().size(),
                "a skew AWS accepts goes unremarked");

        simulator.faults().clockOffset(Duration.ofMinutes(20));
        StratusException e = refused(Problem.UNAVAILABLE, () -> aws.call(dana, DYNAMODB, "ListTables",
                (dynamo, signedAs) -> dynamo.listTables(r -> r.overrideConfiguration(signedAs))));
        assertMentions(e, "clock", "NTP");
    }

    @Test
    void wipedKeysAreNotLent() {
        AwsCredentials credentials = new AwsCredentials(DANA_KEY, Secret.of(DANA_SECRET), null);
        AwsKeys keys = AwsKeys.of(credentials);
        credentials.clear();
        refused(Problem.NOT_SIGNED_IN, () -> aws.call(keys, DYNAMODB, "ListTables",
                (dynamo, signedAs) -> dynamo.listTables(r -> r.overrideConfiguration(signedAs))));
        assertEquals(0, simulator.calls().count("dynamodb:ListTables"));
    }

    private static StratusException refused(Problem expected, Executable call) {
        StratusException e = assertThrows(StratusException.class, call);
        assertEquals(expected, e.problem(), e.getMessage());
        return e;
    }

    private static void assertMentions(StratusException e, String... words) {
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), "'" + word + "' missing in: " + e.getMessage());
        }
    }
}
