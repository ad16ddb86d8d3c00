package io.stratus.aws.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.aws.simulator.seed.RegionSeed.RedshiftWorkgroup;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Amazon Redshift Serverless over JSON 1.1 (signed for {@code redshift-serverless}, {@code
 * X-Amz-Target: RedshiftServerless.Action}): the workgroups and namespaces of the caller's account in
 * the request's region, a page at a time ({@code maxResults}, {@code nextToken}), one workgroup by
 * name, and temporary database credentials for the caller's own IAM identity ({@code GetCredentials}),
 * which the workgroup's login can have checked ({@link RedshiftPasswords#verify}).
 */
final class RedshiftServerless {

    static final String SERVICE = "redshift-serverless";
    private static final int LONGEST_PAGE = 100;
    /** When the seeded workgroups and namespaces were made, as ISO 8601 (the protocol's date-time format here). */
    private static final String CREATED = "2026-01-01T00:00:00Z";

    private final RedshiftPasswords passwords;

    RedshiftServerless(RedshiftPasswords passwords) {
        this.passwords = passwords;
    }

    JsonApi api() {
        return new JsonApi(SERVICE, JsonApi.JSON_1_1, "RedshiftServerless", Map.of(
                "ListWorkgroups", RedshiftServerless::listWorkgroups,
                "ListNamespaces", RedshiftServerless::listNamespaces,
                "GetWorkgroup", RedshiftServerless::getWorkgroup,
                "GetCredentials", this::getCredentials));
    }

    /** The ARN a workgroup has: by its id, which AWS makes a UUID. */
    private static String workgroupArn(Invocation invocation, RedshiftWorkgroup workgroup) {
        return invocation.arn(SERVICE, "workgroup/" + id(invocation, "workgroup", workgroup.name()));
    }

    private static ObjectNode listWorkgroups(Invocation invocation, JsonNode input) {
        invocation.authorize(invocation.arn(SERVICE, "workgroup/*"));
        return page(invocation.callerRegion().redshiftWorkgroups(), input, "workgroups",
                (workgroup, entry) -> describeWorkgroup(invocation, workgroup, entry));
    }

    private static ObjectNode listNamespaces(Invocation invocation, JsonNode input) {
        invocation.authorize(invocation.arn(SERVICE, "namespace/*"));
        return page(invocation.callerRegion().redshiftWorkgroups(), input, "namespaces",
                (workgroup, entry) -> describeNamespace(invocation, workgroup, entry));
    }

    private static ObjectNode getWorkgroup(Invocation invocation, JsonNode input) {
        RedshiftWorkgroup workgroup = workgroup(invocation, input);
        invocation.authorize(workgroupArn(invocation, workgroup));
        ObjectNode answer = JsonApi.object();
        describeWorkgroup(invocation, workgroup, answer.putObject("workgroup"));
        return answer;
    }

    /**
     * Authorized on the workgroup alone, as AWS's service authorization reference gives it (its one resource type,
     * no condition key of its own). The API reference also asks for access to a {@code dbname} resource where
     * {@code dbName} is given, as it does for clusters, but Redshift Serverless defines no such resource type.
     */
    private ObjectNode getCredentials(Invocation invocation, JsonNode input) {
        RedshiftWorkgroup workgroup = workgroup(invocation, input);
        String arn = workgroupArn(invocation, workgroup);
        invocation.authorize(arn);
        long seconds = input.hasNonNull("durationSeconds") ? input.get("durationSeconds").asLong()
                : RedshiftPasswords.DEFAULT_SECONDS;
        Instant expiration = invocation.now().plus(RedshiftPasswords.lifetime(seconds, AwsError.Kind.VALIDATION));
        String dbUser = RedshiftPasswords.iamDbUser(invocation.caller());
        return JsonApi.object()
                .put("dbUser", dbUser)
                .put("dbPassword", passwords.issue(arn, dbUser, expiration))
                .put("expiration", expiration.getEpochSecond())
                .put("nextRefreshTime", expiration.minusSeconds(300).getEpochSecond());
    }

    private static void describeWorkgroup(Invocation invocation, RedshiftWorkgroup workgroup, ObjectNode entry) {
        entry.put("workgroupName", workgroup.name())
                .put("workgroupId", id(invocation, "workgroup", workgroup.name()))
                .put("workgroupArn", workgroupArn(invocation, workgroup))
                .put("namespaceName", workgroup.namespaceName())
                .put("status", workgroup.status())
                .put("baseCapacity", workgroup.baseCapacity())
                .put("publiclyAccessible", workgroup.publiclyAccessible())
                .put("port", workgroup.port())
                .put("creationDate", CREATED);
        entry.putObject("endpoint").put("address", workgroup.address()).put("port", workgroup.port());
    }

    private static void describeNamespace(Invocation invocation, RedshiftWorkgroup workgroup, ObjectNode entry) {
        String id = id(invocation, "namespace", workgroup.namespaceName());
        entry.put("namespaceName", workgroup.namespaceName())
                .put("namespaceId", id)
                .put("namespaceArn", invocation.arn(SERVICE, "namespace/" + id))
                .put("dbName", workgroup.dbName())
                .put("adminUsername", workgroup.adminUsername())
                .put("status", "AVAILABLE")
                .put("creationDate", CREATED);
    }

    /** A page of {@code all}, as Redshift Serverless lists: at most {@code maxResults} (1 to 100), then a token. */
    private static ObjectNode page(List<RedshiftWorkgroup> all, JsonNode input, String listName,
            BiConsumer<RedshiftWorkgroup, ObjectNode> describe) {
        int size = input.path("maxResults").asInt(LONGEST_PAGE);
        if (size < 1 || size > LONGEST_PAGE) {
            throw new AwsError(AwsError.Kind.VALIDATION, "maxResults must be between 1 and " + LONGEST_PAGE + ".");
        }
        int from = input.hasNonNull("nextToken") ? token(input.get("nextToken").asText(), all.size()) : 0;
        int to = Math.min(all.size(), from + size);
        ObjectNode answer = JsonApi.object();
        ArrayNode list = answer.putArray(listName);
        all.subList(from, to).forEach(workgroup -> describe.accept(workgroup, list.addObject()));
        if (to < all.size()) {
            answer.put("nextToken", "page-" + to);
        }
        return answer;
    }

    private static int token(String token, int total) {
        try {
            int index = Integer.parseInt(token.substring(token.indexOf('-') + 1));
            if (token.startsWith("page-") && index >= 0 && index <= total) {
                return index;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new AwsError(AwsError.Kind.VALIDATION, "The pagination token is invalid.");
    }

    /** The workgroup {@code workgroupName} names in the caller's account and region. */
    private static RedshiftWorkgroup workgroup(Invocation invocation, JsonNode input) {
        String name = input.path("workgroupName").asText("");
        if (name.isEmpty()) {
            throw new AwsError(AwsError.Kind.VALIDATION, "1 validation error detected: Value null at 'workgroupName'"
                    + " failed to satisfy constraint: Member must not be null");
        }
        return invocation.callerRegion().redshiftWorkgroups().stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new AwsError(AwsError.Kind.RESOURCE_NOT_FOUND, "Workgroup " + name + " not found."));
    }

    /** A stable UUID for a workgroup or namespace, unique per account and region, as AWS's ids are. */
    private static String id(Invocation invocation, String kind, String name) {
        return UUID.nameUUIDFromBytes(invocation.arn(SERVICE, kind + "/" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
