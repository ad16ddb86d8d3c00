package io.stratus.ui.explorer.internal;

import io.stratus.core.StratusException;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.ConnectionSpec;

import java.util.TreeMap;

/**
 * A discovered database in the Properties view: what it is (engine and version, status, ARN), how
 * to connect (endpoint, database, TLS, IAM authentication, URL) as far as the person may read that,
 * its tags and what AWS says besides (instance class, VPC, ...). Read-only, made once per selection.
 */
final class DatabaseProperties extends ReadOnlyProperties {

    private static final String DATABASE = "Database";
    private static final String CONNECTION = "Connection";
    private static final String TAGS = "Tags";
    private static final String DETAILS = "Details";

    /** @param connection the connection settings, or why the person cannot see them */
    DatabaseProperties(CloudResource resource, String engineName, Connection connection) {
        put(DATABASE, "Name", resource.name());
        put(DATABASE, "ARN", resource.id());
        put(DATABASE, "Engine", engineName);
        put(DATABASE, "Version", resource.engineVersion());
        put(DATABASE, "Status", resource.status());
        put(DATABASE, "Kind", resource.kind());
        put(DATABASE, "Region", resource.region());
        put(DATABASE, "Service", resource.service().displayName());
        switch (connection) {
            case Connection.Readable readable -> {
                ConnectionSpec spec = readable.settings().spec();
                put(CONNECTION, "Host", spec.host());
                put(CONNECTION, "Port", Integer.toString(spec.port()));
                put(CONNECTION, "Database", spec.database().orElse("(none)"));
                tlsAndIam(spec.tlsRequired(), spec.iamAuthentication());
                readable.settings().url().ifPresent(url -> put(CONNECTION, "URL", url));
            }
            case Connection.Unreadable unreadable -> {
                put(CONNECTION, "Connection settings", unreadable.why());
                tlsAndIam(resource.tlsRequired(), resource.iamAuthentication());
            }
        }
        new TreeMap<>(resource.tags()).forEach((key, value) -> put(TAGS, key, value));
        new TreeMap<>(resource.details()).forEach((key, value) -> put(DETAILS, key, value));
    }

    /** Connection settings as the services gave them, or their refusal. */
    sealed interface Connection {
        record Readable(ConnectionSettings settings) implements Connection {
        }

        record Unreadable(String why) implements Connection {
        }

        static Connection of(java.util.function.Supplier<ConnectionSettings> read) {
            try {
                return new Readable(read.get());
            } catch (StratusException e) {
                return new Unreadable(e.getMessage());
            }
        }
    }

    private void tlsAndIam(boolean tlsRequired, boolean iamAuthentication) {
        put(CONNECTION, "TLS", tlsRequired ? "required, verified" : "not required");
        put(CONNECTION, "IAM database authentication", iamAuthentication ? "available" : "not enabled");
    }
}
