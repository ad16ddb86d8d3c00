package io.stratus.connect.redshift;

import io.stratus.core.StratusException;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudResource.Endpoint;
import io.stratus.core.cloud.CloudService;
import io.stratus.discovery.AccessDenied;
import io.stratus.discovery.Details;
import io.stratus.discovery.Found;
import io.stratus.discovery.Scan;
import io.stratus.discovery.ScanScope;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/**
 * Redshift Serverless workgroups of a region ({@code ListWorkgroups}), each with the first database of
 * its namespace ({@code ListNamespaces}, side by side). Redshift Serverless speaks JSON 1.1, for which
 * Stratus carries no SDK client. A region where it is not offered has no workgroups; without
 * {@code ListNamespaces} the workgroups are shown with the database every namespace has by default.
 */
final class ServerlessWorkgroups {

    static final String SERVICE = "redshift-serverless";
    static final List<String> ACTIONS = List.of(SERVICE + ":ListWorkgroups", SERVICE + ":ListNamespaces");

    private ServerlessWorkgroups() {
    }

    static Found scan(Scan scan, ScanScope scope, CloudService service) {
        CompletableFuture<List<Map<String, JsonNode>>> namespaces = scan.beside(() -> list(scan, scope, "ListNamespaces",
                "namespaces"));
        List<Map<String, JsonNode>> workgroups;
        try {
            workgroups = list(scan, scope, "ListWorkgroups", "workgroups");
        } catch (AccessDenied denied) {
            namespaces.cancel(false);
            return Found.denied(denied);
        }
        List<String> deniedActions = new ArrayList<>();
        Map<String, String> databases = new HashMap<>();
        try {
            Scan.join(namespaces).forEach(namespace -> text(namespace, "namespaceName")
                    .ifPresent(name -> text(namespace, "dbName").ifPresent(db -> databases.put(name, db))));
        } catch (AccessDenied denied) {
            deniedActions.add(denied.action());
        }
        return new Found(workgroups.stream().map(workgroup -> workgroup(workgroup, databases, scope, service)).toList(),
                deniedActions);
    }

    /** One call of Redshift Serverless's JSON API: the {@code X-Amz-Target} and body go out, the answer's body comes back. */
    @FunctionalInterface
    interface JsonCall {
        String call(String target, String body);
    }

    /** Every page of a listing; none at all where Redshift Serverless has no endpoint. */
    private static List<Map<String, JsonNode>> list(Scan scan, ScanScope scope, String action, String field) {
        try {
            return list((target, body) -> scan.callJson(SERVICE, scope.region(), target, body), action, field);
        } catch (StratusException e) {
            if (Scan.notOfferedInRegion(e)) {
                return List.of();
            }
            throw e;
        }
    }

    /** Every page of {@code action} ({@code ListWorkgroups}, {@code ListNamespaces}): the entries of {@code field}. */
    static List<Map<String, JsonNode>> list(JsonCall json, String action, String field) {
        List<Map<String, JsonNode>> all = new ArrayList<>();
        Optional<String> next = Optional.empty();
        do {
            JsonWriter request = JsonWriter.create().writeStartObject();
            next.ifPresent(token -> request.writeFieldName("nextToken").writeValue(token));
            String body = new String(request.writeEndObject().getBytes(), StandardCharsets.UTF_8);
            Map<String, JsonNode> page = JsonNode.parser().parse(json.call("RedshiftServerless." + action, body)).asObject();
            JsonNode entries = page.get(field);
            if (entries != null && entries.isArray()) {
                entries.asArray().stream().filter(JsonNode::isObject).map(JsonNode::asObject).forEach(all::add);
            }
            next = text(page, "nextToken");
        } while (next.isPresent());
        return all;
    }

    private static CloudResource workgroup(Map<String, JsonNode> workgroup, Map<String, String> databases,
            ScanScope scope, CloudService service) {
        String name = text(workgroup, "workgroupName").orElse("");
        String namespace = text(workgroup, "namespaceName").orElse(null);
        Optional<Map<String, JsonNode>> endpoint = Optional.ofNullable(workgroup.get("endpoint"))
                .filter(JsonNode::isObject).map(JsonNode::asObject);
        Optional<Endpoint> address = endpoint.flatMap(e -> text(e, "address")).map(host -> new Endpoint(host,
                endpoint.flatMap(e -> number(e, "port")).orElse(RedshiftEngines.SERVERLESS.defaults().port())));
        Map<String, String> details = new Details()
                .put("namespace", namespace)
                .put("baseCapacity", number(workgroup, "baseCapacity").map(rpus -> rpus + " RPUs").orElse(null))
                .put("publiclyAccessible", Optional.ofNullable(workgroup.get("publiclyAccessible"))
                        .filter(JsonNode::isBoolean).map(JsonNode::asBoolean).orElse(null))
                .put("workgroupId", text(workgroup, "workgroupId").orElse(null))
                .toMap();
        return new CloudResource(text(workgroup, "workgroupArn").orElse(scope.arn(SERVICE, "workgroup/" + name)), service,
                scope.region(), name, "workgroup", RedshiftEngines.SERVERLESS.id(),
                text(workgroup, "workgroupVersion").orElse(""), text(workgroup, "status").orElse(""), address,
                Optional.ofNullable(databases.get(namespace)).or(() -> RedshiftEngines.SERVERLESS.defaults().database()),
                false, true, Map.of(), details, List.of());
    }

    static Optional<String> text(Map<String, JsonNode> object, String name) {
        JsonNode node = object.get(name);
        return node == null || !node.isString() ? Optional.empty() : Optional.of(node.asString());
    }

    private static Optional<Integer> number(Map<String, JsonNode> object, String name) {
        JsonNode node = object.get(name);
        return node == null || !node.isNumber() ? Optional.empty() : Optional.of(Integer.parseInt(node.asNumber()));
    }
}
