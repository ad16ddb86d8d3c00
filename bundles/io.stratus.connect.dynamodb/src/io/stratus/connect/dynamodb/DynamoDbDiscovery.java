package io.stratus.connect.dynamodb;

import io.stratus.aws.AwsService;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudResource.Endpoint;
import io.stratus.core.cloud.CloudService;
import io.stratus.discovery.AccessDenied;
import io.stratus.discovery.Details;
import io.stratus.discovery.Discovery;
import io.stratus.discovery.Found;
import io.stratus.discovery.Scan;
import io.stratus.discovery.ScanScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;

import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * DynamoDB tables: {@code ListTables}, then {@code DescribeTable} for each, side by side. A table
 * IAM will not describe is still listed, by name. A table's "database" is the table itself: it is
 * what a DynamoDB connection opens.
 */
@Component
public final class DynamoDbDiscovery implements Discovery {

    private static final CloudService DYNAMODB = new CloudService("DYNAMODB", "DynamoDB",
            List.of("dynamodb:ListTables", "dynamodb:DescribeTable"), 40);

    @Override
    public CloudService service() {
        return DYNAMODB;
    }

    @Override
    public Found scan(Scan scan, ScanScope scope) {
        var dynamo = AwsService.dynamoDb(scope.region());
        List<String> names = scan.call(dynamo, "ListTables", (client, signedAs) -> client
                .listTablesPaginator(r -> r.overrideConfiguration(signedAs)).tableNames().stream().toList());
        List<CompletableFuture<Optional<TableDescription>>> described = names.stream()
                .map(name -> scan.beside(() -> {
                    try {
                        return Optional.of(scan.call(dynamo, "DescribeTable", (client, signedAs) -> client
                                .describeTable(r -> r.tableName(name).overrideConfiguration(signedAs)).table()));
                    } catch (AccessDenied denied) {
                        return Optional.<TableDescription>empty();
                    }
                }))
                .toList();
        List<CloudResource> tables = new ArrayList<>();
        boolean describeDenied = false;
        for (int i = 0; i < names.size(); i++) {
            Optional<TableDescription> table = Scan.join(described.get(i));
            describeDenied |= table.isEmpty();
            tables.add(table.map(t -> table(t, scope)).orElse(nameOnly(names.get(i), scope)));
        }
        return new Found(tables, describeDenied ? List.of("dynamodb:DescribeTable") : List.of());
    }

    private static CloudResource table(TableDescription t, ScanScope scope) {
        Map<String, String> details = new Details()
                .put("keySchema", t.keySchema().stream().map(k -> k.attributeName() + " " + k.keyTypeAsString())
                        .collect(Collectors.joining(", ")))
                .put("indexes", Stream.concat(t.globalSecondaryIndexes().stream().map(g -> g.indexName() + " (global)"),
                        t.localSecondaryIndexes().stream().map(l -> l.indexName() + " (local)"))
                        .collect(Collectors.joining(", ")))
                .put("billingMode", t.billingModeSummary() == null ? "PROVISIONED"
                        : t.billingModeSummary().billingModeAsString())
                .put("itemCount", t.itemCount())
                .put("sizeBytes", t.tableSizeBytes()).toMap();
        return new CloudResource(t.tableArn() != null ? t.tableArn() : scope.arn("dynamodb", "table/" + t.tableName()),
                DYNAMODB, scope.region(), t.tableName(), "table", "dynamodb", "", t.tableStatusAsString(),
                Optional.of(endpoint(scope)), Optional.of(t.tableName()), true, true, Map.of(), details, List.of());
    }

    private static CloudResource nameOnly(String name, ScanScope scope) {
        return new CloudResource(scope.arn("dynamodb", "table/" + name), DYNAMODB, scope.region(), name,
                "table", "dynamodb", "", "", Optional.of(endpoint(scope)), Optional.of(name), true, true, Map.of(),
                Map.of(), List.of());
    }

    /** DynamoDB is reached over HTTPS at the regional service endpoint; the SDK is its driver. */
    private static Endpoint endpoint(ScanScope scope) {
        String suffix = scope.partition().equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
        return new Endpoint("dynamodb." + scope.region() + "." + suffix, 443);
    }
}
