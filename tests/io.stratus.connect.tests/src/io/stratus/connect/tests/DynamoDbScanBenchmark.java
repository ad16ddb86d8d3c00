package io.stratus.connect.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.stratus.testing.StratusServices;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * (its paginator, every attribute read) and the DynamoDB connector (rows with the key and the item
 * in DynamoDB JSON, 500 a page). Both use the same SDK client, signing and simulator, so the
 * ratio is what the connector itself costs. Each way runs once to warm up, then in seven
 * interleaved rounds (each way first in turn) whose median counts. Run it with
 * {@code ./mvnw verify -DskipTests -Dbenchmarks}; it asserts only that every item arrived.
 */
class DynamoDbScanBenchmark {

    private static final int ITEMS = 100_000;
    private static final int ROUNDS = 7;
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
            DatabaseLink link = stratus.connector("dynamodb").open(new ConnectionSpec(
                    "arn:aws:dynamodb:eu-west-1:123456789012:table/events", "dynamodb", "eu-west-1",
                    "dynamodb.eu-west-1.amazonaws.com", 443, Optional.of("events"), true, false),
                    DatabaseLogin.withAwsIdentity("arn:aws:iam::123456789012:user/bench", KEYS), AccessMode.READ_ONLY);

            Map<String, Scan> ways = new LinkedHashMap<>();
            ways.put("raw AWS SDK", () -> rawSdk(aws));
            ways.put("connector", () -> throughConnector(link));
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            for (Map.Entry<String, Scan> way : ways.entrySet()) {
                assertEquals(ITEMS, way.getValue().items(), way.getKey() + " warm-up");
                rates.put(way.getKey(), new ArrayList<>());
            }
            for (int round = 0; round < ROUNDS; round++) {
                List<Map.Entry<String, Scan>> order = new ArrayList<>(ways.entrySet());
                if (round % 2 == 1) { // each way goes first as often: neither inherits the other's garbage more
                    Collections.reverse(order);
                }
                for (Map.Entry<String, Scan> way : order) {
                    long started = System.nanoTime();
                    assertEquals(ITEMS, way.getValue().items(), way.getKey());
                    rates.get(way.getKey()).add(ITEMS / ((System.nanoTime() - started) / 1e9));
                }
            }
            link.close();
            double raw = median(rates.get("raw AWS SDK"));
            System.out.printf("%n[benchmark] scanning %,d DynamoDB items of 5 attributes from the AWS simulator on loopback"
                    + " (median of %d interleaved rounds after a warm-up)%n", ITEMS, ROUNDS);
            rates.forEach((name, values) -> System.out.printf("[benchmark]   %-12s %,10.0f items/s  %5.0f%% of the raw SDK%n",
                    name, median(values), 100 * median(values) / raw));
            System.out.printf("[benchmark]   target: connector >= 80%% of the raw SDK%n%n");
        }
    }

    @FunctionalInterface
    private interface Scan {
        long items() throws Exception;
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
        try (StatementResult result = link.execute("{\"Scan\": {}}")) {
            for (List<List<Object>> page = result.nextPage(500); !page.isEmpty(); page = result.nextPage(500)) {
                items += page.size();
            }
        }
        return items;
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

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
