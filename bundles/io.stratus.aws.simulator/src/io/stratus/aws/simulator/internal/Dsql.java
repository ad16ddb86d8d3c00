package io.stratus.aws.simulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.aws.simulator.seed.RegionSeed.DsqlCluster;

import java.util.List;
import java.util.Map;

/**
 * Aurora DSQL's control plane (REST-JSON, signed for {@code dsql}): the clusters of the caller's
 * account in the request's region, listed a page at a time ({@code max-results}, {@code
 * next-token}) and described one by one.
 */
final class Dsql {

    private static final int LONGEST_PAGE = 100;

    private Dsql() {
    }

    static RestJsonApi api() {
        return new RestJsonApi("dsql", true, Map.of(
                "GET /cluster", new RestJsonApi.Route("ListClusters", Dsql::listClusters),
                "GET /cluster/{identifier}", new RestJsonApi.Route("GetCluster", Dsql::getCluster)));
    }

    private static Reply listClusters(Invocation invocation, HttpCall call) {
        invocation.authorize(invocation.arn("dsql", "cluster/*"));
        Map<String, String> query = call.queryParameters();
        List<DsqlCluster> clusters = invocation.callerRegion().dsqlClusters();
        int start = query.containsKey("next-token") ? index(query.get("next-token"), clusters.size()) : 0;
        int size = query.containsKey("max-results") ? pageSize(query.get("max-results")) : LONGEST_PAGE;
        int end = Math.min(clusters.size(), start + size);
        ObjectNode answer = RestJsonApi.object();
        ArrayNode listed = answer.putArray("clusters");
        clusters.subList(start, end).forEach(cluster -> listed.addObject().put("identifier", cluster.identifier())
                .put("arn", arn(invocation, cluster)));
        if (end < clusters.size()) {
            answer.put("nextToken", Integer.toString(end));
        }
        return RestJsonApi.ok(answer);
    }

    private static Reply getCluster(Invocation invocation, HttpCall call) {
        String identifier = call.rawPath().substring("/cluster/".length());
        DsqlCluster cluster = invocation.callerRegion().dsqlClusters().stream()
                .filter(candidate -> candidate.identifier().equals(identifier)).findFirst().orElse(null);
        invocation.authorize(invocation.arn("dsql", "cluster/" + identifier));
        if (cluster == null) {
            throw new AwsError(AwsError.Kind.RESOURCE_NOT_FOUND, "Cluster " + identifier + " not found.");
        }
        ObjectNode answer = RestJsonApi.object()
                .put("identifier", cluster.identifier())
                .put("arn", arn(invocation, cluster))
                .put("status", cluster.status())
                .put("creationTime", 1_767_225_600L) // 2026-01-01, in seconds as the protocol writes timestamps
                .put("deletionProtectionEnabled", cluster.deletionProtection())
                .put("endpoint", cluster.endpoint());
        ObjectNode tags = answer.putObject("tags");
        cluster.tags().forEach(tags::put);
        return RestJsonApi.ok(answer);
    }

    private static String arn(Invocation invocation, DsqlCluster cluster) {
        return invocation.arn("dsql", "cluster/" + cluster.identifier());
    }

    private static int index(String token, int total) {
        try {
            int index = Integer.parseInt(token);
            if (index >= 0 && index <= total) {
                return index;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new AwsError(AwsError.Kind.VALIDATION, "The next token is not valid.");
    }

    private static int pageSize(String value) {
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= LONGEST_PAGE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new AwsError(AwsError.Kind.VALIDATION, "max-results must be between 1 and " + LONGEST_PAGE + ".");
    }
}
