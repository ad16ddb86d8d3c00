package io.stratus.connect.dsql.internal;

import io.stratus.core.StratusException;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudResource.Endpoint;
import io.stratus.core.cloud.CloudService;
import io.stratus.discovery.Details;
import io.stratus.discovery.Discovery;
import io.stratus.discovery.Found;
import io.stratus.discovery.Scan;
import io.stratus.discovery.ScanScope;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.osgi.service.component.annotations.Component;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Aurora DSQL clusters of a region: {@code ListClusters}, then {@code GetCluster} of each (side by
 * side) for its status, endpoint and tags. DSQL's control plane speaks REST-JSON, for which
 * Stratus carries no SDK client.
 */
@Component
public final class DsqlDiscovery implements Discovery {

    static final CloudService DSQL = new CloudService("DSQL", "Aurora DSQL",
            List.of("dsql:ListClusters", "dsql:GetCluster"), 15);

    private static final String SERVICE = "dsql";

    @Override
    public CloudService service() {
        return DSQL;
    }

    @Override
    public Found scan(Scan scan, ScanScope scope) {
        List<String> identifiers;
        try {
            identifiers = identifiers(scan, scope);
        } catch (StratusException e) {
            if (Scan.notOfferedInRegion(e)) {
                return Found.all(List.of()); // DSQL has no endpoint in this region: it has no clusters there
            }
            throw e;
        }
        List<CompletableFuture<CloudResource>> described = identifiers.stream()
                .map(id -> scan.beside(() -> cluster(scan, scope, id))).toList();
        return Found.all(described.stream().map(Scan::join).toList());
    }

    private static List<String> identifiers(Scan scan, ScanScope scope) {
        List<String> identifiers = new ArrayList<>();
        Optional<String> next = Optional.empty();
        do {
            Map<String, String> query = new LinkedHashMap<>();
            next.ifPresent(token -> query.put("next-token", token));
            Map<String, JsonNode> page = object(scan.callRest(SERVICE, scope.region(), "ListClusters", "/cluster", query));
            list(page, "clusters").forEach(cluster -> text(cluster.asObject(), "identifier").ifPresent(identifiers::add));
            next = text(page, "nextToken");
        } while (next.isPresent());
        return identifiers;
    }

    private static CloudResource cluster(Scan scan, ScanScope scope, String identifier) {
        Map<String, JsonNode> cluster = object(scan.callRest(SERVICE, scope.region(), "GetCluster",
                "/cluster/" + URLEncoder.encode(identifier, StandardCharsets.UTF_8), Map.of()));
        Map<String, String> tags = new LinkedHashMap<>();
        Optional.ofNullable(cluster.get("tags")).filter(JsonNode::isObject)
                .ifPresent(t -> t.asObject().forEach((key, value) -> tags.put(key, value.isString() ? value.asString() : "")));
        Optional<Map<String, JsonNode>> multiRegion = Optional.ofNullable(cluster.get("multiRegionProperties"))
                .filter(JsonNode::isObject).map(JsonNode::asObject);
        Map<String, String> details = new Details()
                .put("identifier", identifier)
                .put("deletionProtection", cluster.containsKey("deletionProtectionEnabled")
                        ? cluster.get("deletionProtectionEnabled").asBoolean() : null)
                .put("witnessRegion", multiRegion.flatMap(m -> text(m, "witnessRegion")).orElse(null))
                .put("peerClusters", multiRegion.map(m -> String.join(", ", list(m, "clusters").stream()
                        .filter(JsonNode::isString).map(JsonNode::asString).toList())).filter(s -> !s.isEmpty()).orElse(null))
                .toMap();
        // A cluster has no name of its own: the AWS Console shows its Name tag beside the identifier.
        return new CloudResource(text(cluster, "arn").orElse(scope.arn(SERVICE, "cluster/" + identifier)), DSQL,
                scope.region(), tags.getOrDefault("Name", identifier), "cluster", DsqlEngines.ENGINE, "", text(cluster, "status").orElse(""),
                text(cluster, "endpoint").map(host -> new Endpoint(host, DsqlEngines.AURORA_DSQL.defaults().port())),
                Optional.of("postgres"), true, true, tags, details, List.of());
    }

    private static Map<String, JsonNode> object(String json) {
        return JsonNode.parser().parse(json).asObject();
    }

    private static List<JsonNode> list(Map<String, JsonNode> object, String name) {
        JsonNode node = object.get(name);
        return node == null || !node.isArray() ? List.of() : node.asArray();
    }

    private static Optional<String> text(Map<String, JsonNode> object, String name) {
        JsonNode node = object.get(name);
        return node == null || !node.isString() ? Optional.empty() : Optional.of(node.asString());
    }
}
