package io.stratus.ui.explorer.internal;

import io.stratus.core.cloud.ConnectionSpec;

import java.util.Optional;

/**
 * The URL a person pastes into another tool to reach a discovered database: JDBC for the SQL
 * engines (what Java tools and Eclipse's own take), a MongoDB URI for DocumentDB, asking for
 * verified TLS where the database requires TLS. Holds no credential. DynamoDB tables have none.
 */
final class ConnectionUrls {

    private ConnectionUrls() {
    }

    /** @param family the engine family ({@link io.stratus.core.cloud.DatabaseEngine#family()}) */
    static Optional<String> of(String family, ConnectionSpec spec) {
        String address = spec.host() + ":" + spec.port() + "/" + spec.database().orElse("");
        return Optional.ofNullable(switch (family) {
            case "postgresql" -> "jdbc:postgresql://" + address + (spec.tlsRequired() ? "?sslmode=verify-full" : "");
            case "mysql" -> "jdbc:mysql://" + address + (spec.tlsRequired() ? "?sslMode=VERIFY_IDENTITY" : "");
            case "redshift" -> "jdbc:redshift://" + address + (spec.tlsRequired() ? "?ssl=true" : "");
            case "documentdb" -> "mongodb://" + address + (spec.tlsRequired() ? "?tls=true" : "");
            default -> null;
        });
    }
}
