package io.stratus.core.cloud;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A database found in the account: an RDS instance, an Aurora or DocumentDB cluster (with its
 * instances as members), a Redshift cluster or a DynamoDB table. {@code details} holds what
 * differs per kind (instance class, node type, key schema, billing mode, ...), for display.
 */
public record CloudResource(String id, CloudService service, String region, String name, String kind, String engine,
        String engineVersion, String status, Optional<Endpoint> endpoint, Optional<String> databaseName,
        boolean iamAuthentication, boolean tlsRequired, Map<String, String> tags, Map<String, String> details,
        List<CloudResource> members) {

    /** Where a database listens. */
    public record Endpoint(String host, int port) {
    }

    public CloudResource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        engine = engine == null ? "" : engine;
        engineVersion = engineVersion == null ? "" : engineVersion;
        status = status == null ? "" : status;
        tags = Map.copyOf(tags);
        details = Map.copyOf(details);
        members = List.copyOf(members);
    }
}
