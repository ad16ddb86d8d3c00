package io.stratus.explorer.internal;

import static io.stratus.explorer.internal.RdsFamilyScanner.put;

import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudResource.Endpoint;
import io.stratus.core.cloud.CloudService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * DynamoDB tables: {@code ListTables}, then {@code DescribeTable} for each, side by side. A table
 * IAM will not describe is still listed, by name. A table's "database" is the table itself: it is
 * what a DynamoDB connection opens.
 */
final class DynamoDbScanner implements Scanner {

    @Override
    public CloudService service() {
        return CloudService.DYNAMODB;
    }

    @Override
    public Found scan(Scan scan, ScanScope scope) {
        var aws = scan.aws();
        var dynamo = aws.clients().dynamoDb(scope.region());
        var as = aws.clients().as(scan.credentials());
        List<String> names;
        try {
            names = aws.call("dynamodb", "ListTables", () -> dynamo.listTablesPaginator(r -> r.overrideConfiguration(as))
                    .tableNames().stream().toList());
        } catch (AwsCalls.AccessDenied denied) {
            return new Found(List.of(), List.of(denied.action));
        }
        List<CompletableFuture<Optional<TableDescription>>> described = names.stream()
                .map(name -> scan.beside(() -> {
                    try {
                        return Optional.of(aws.call("dynamodb", "DescribeTable",
                                () -> dynamo.describeTable(r -> r.tableName(name).overrideConfiguration(as)).table()));
                    } catch (AwsCalls.AccessDenied denied) {
                        return Optional.<TableDescription>empty();
                    }
                }))
                .toList();
        List<CloudResource> tables = new ArrayList<>();
        boolean describeDenied = false;
        for (int i = 0; i < names.size(); i++) {
            Optional<TableDescription> table = described.get(i).join();
            describeDenied |= table.isEmpty();
            tables.add(table.map(t -> table(t, scope)).orElse(nameOnly(names.get(i), scope)));
        }
        return new Found(tables, describeDenied ? List.of("dynamodb:DescribeTable") : List.of());
    }

    private static CloudResource table(TableDescription t, ScanScope scope) {
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "keySchema", t.keySchema().stream().map(k -> k.attributeName() + " " + k.keyTypeAsString())
                .collect(Collectors.joining(", ")));
        put(details, "indexes", Stream.concat(t.globalSecondaryIndexes().stream().map(g -> g.indexName() + " (global)"),
                t.localSecondaryIndexes().stream().map(l -> l.indexName() + " (local)")).collect(Collectors.joining(", ")));
        put(details, "billingMode", t.billingModeSummary() == null ? "PROVISIONED" : t.billingModeSummary().billingModeAsString());
        put(details, "itemCount", t.itemCount());
        put(details, "sizeBytes", t.tableSizeBytes());
        return new CloudResource(t.tableArn() != null ? t.tableArn() : scope.arn("dynamodb", "table/" + t.tableName()),
                CloudService.DYNAMODB, scope.region(), t.tableName(), "table", "dynamodb", "", t.tableStatusAsString(),
                Optional.of(endpoint(scope)), Optional.of(t.tableName()), true, true, Map.of(), details, List.of());
    }

    private static CloudResource nameOnly(String name, ScanScope scope) {
        return new CloudResource(scope.arn("dynamodb", "table/" + name), CloudService.DYNAMODB, scope.region(), name,
                "table", "dynamodb", "", "", Optional.of(endpoint(scope)), Optional.of(name), true, true, Map.of(),
                Map.of(), List.of());
    }

    /** DynamoDB is reached over HTTPS at the regional service endpoint; the SDK is its driver. */
    private static Endpoint endpoint(ScanScope scope) {
        String suffix = scope.partition().equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
        return new Endpoint("dynamodb." + scope.region() + "." + suffix, 443);
    }
}
