package io.stratus.connect.tests;

import io.stratus.aws.AwsClients;
import io.stratus.aws.AwsService;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.database.AccessMode;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.connector.StatementResult;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.testing.PairedRounds;
import io.stratus.testing.StratusServices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Scans 100,000 items of 5 attributes from the AWS simulator's DynamoDB two ways: the raw AWS SDK
 * (its paginator) and the DynamoDB connector (rows with the key and the item in DynamoDB JSON, 500
 * a page). Both use the same SDK client, gateway, signing and simulator, and both read every value
 * they are handed (the raw SDK every attribute, the connector every row's key and item), so the
 * ratio is what the connector itself costs. The rounds are {@link PairedRounds}: warm-up runs, then
 * pairs of the two back to back, alternately first, whose median pair ratio counts. Run it with
 * {@code ./mvnw verify -DskipTests -Dbenchmarks}; it asserts that every item arrived.
 */
class DynamoDbScanBenchmark {

    private static final int ITEMS = 100_000;
    private static final int WARM_UPS = 3;
    private static final int PAIRS = 41;
    private static final int PAGE = 500;
    private static final String KEY = "AKIABENCH00000000001";
    private static final String SECRET = "bench+secret+000000000000000000000000001";
    private static final Seed SEED = Seed.builder().account("123456789012", account -> account
            .user("bench", u -> u.accessKey(KEY, SECRET))
            .region("eu-west-1", region -> region.dynamoDbTable("events", t -> t.partitionKey("id", "S"))))
            .build();
    private static final AwsKeys KEYS = AwsKeys.of(new AwsCredentials(KEY, Secret.of(SECRET), null));
    private static final AwsService<DynamoDbClient> DYNAMODB = AwsService.dynamoDb("eu-west-1");

    @Test
    void scanOneHundredThousandItemsTwoWays() throws Exception {
        try (TestAwsSimulator simulator = TestAwsSimulator.start(SEED)) {
            StratusServices stratus = new StratusServices();
            stratus.useAws(simulator, Map.of("callTimeoutMillis", 60_000L));
            AwsClients aws = stratus.aws();
            fill(aws);
            try (DatabaseLink link = stratus.connector("dynamodb").open(new ConnectionSpec(
                    "arn:aws:dynamodb:eu-west-1:123456789012:table/events", "dynamodb", "eu-west-1",
                    "dynamodb.eu-west-1.amazonaws.com", 443, Optional.of("events"), true, false),
                    DatabaseLogin.withAwsIdentity("arn:aws:iam::123456789012:user/bench", KEYS), AccessMode.READ_ONLY)) {
                new PairedRounds("items", ITEMS, WARM_UPS, PAIRS).run(String.format("scanning %,d DynamoDB items of 5"
                        + " attributes from the AWS simulator on loopback (same JVM)", ITEMS), "raw AWS SDK", () -> rawSdk(aws),
                        List.of(new PairedRounds.Contender("connector", () -> throughConnector(link), 0.80)));
            }
        }
    }

    /** The SDK's paginator, all pages in one call of the AWS gateway. */
    private static long rawSdk(AwsClients aws) {
        return aws.call(KEYS, DYNAMODB, "Scan", (dynamo, signedAs) -> {
            long items = 0;
            long checksum = 0;
            for (Map<String, AttributeValue> item : dynamo.scanPaginator(r -> r.tableName("events")
                    .overrideConfiguration(signedAs)).items()) {
                checksum += item.get("id").s().length() + item.get("n").n().length() + item.get("label").s().length()
                        + (item.get("flag").bool() ? 1 : 0) + item.get("at").s().length();
                items++;
            }
            return checksum == 0 ? -1 : items;
        });
    }

    private static long throughConnector(DatabaseLink link) {
        long items = 0;
        long checksum = 0;
        try (StatementResult result = link.execute("{\"Scan\": {}}")) {
            for (List<List<Object>> page = result.nextPage(PAGE); !page.isEmpty(); page = result.nextPage(PAGE)) {
                for (List<Object> row : page) {
                    checksum += ((String) row.get(0)).length() + ((String) row.get(1)).length();
                }
                items += page.size();
            }
        }
        return checksum == 0 ? -1 : items;
    }

    /** Writes the items 25 a request (BatchWriteItem's most), from several threads. */
    private static void fill(AwsClients aws) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int first = 0; first < ITEMS; first += 25) {
                int from = first;
                batches.add(writers.submit(() -> aws.call(KEYS, DYNAMODB, "BatchWriteItem", (dynamo, signedAs) -> dynamo
                        .batchWriteItem(r -> r.requestItems(Map.of("events", IntStream.range(from, Math.min(from + 25, ITEMS))
                                .mapToObj(DynamoDbScanBenchmark::put).toList())).overrideConfiguration(signedAs)))));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            writers.shutdown();
        }
    }

    private static WriteRequest put(int n) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                "id", AttributeValue.fromS(String.format("event-%06d", n)),
                "n", AttributeValue.fromN(Integer.toString(n)),
                "label", AttributeValue.fromS("event number " + n),
                "flag", AttributeValue.fromBool(n % 2 == 0),
                "at", AttributeValue.fromS("2026-01-01T00:00:00Z"))).build()).build();
    }

}
