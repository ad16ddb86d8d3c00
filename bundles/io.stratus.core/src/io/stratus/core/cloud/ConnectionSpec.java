package io.stratus.core.cloud;

import java.util.Objects;
import java.util.Optional;

/**
 * What a database connector needs to open a discovered database: engine, where it listens, the
 * default database, whether TLS is required and whether IAM database authentication can replace
 * the password. Holds no credential.
 */
public record ConnectionSpec(String resourceId, String engine, String region, String host, int port,
        Optional<String> database, boolean tlsRequired, boolean iamAuthentication) {

    public ConnectionSpec {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
    }
}
