package io.stratus.explorer.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudService;
import io.stratus.core.cloud.ConnectionSpec;

import java.util.Optional;

/** How to connect to each kind of discovered database: the one place that knows the defaults. */
final class ConnectionSpecs {

    private ConnectionSpecs() {
    }

    static ConnectionSpec of(CloudResource resource) {
        CloudResource.Endpoint endpoint = resource.endpoint().orElseThrow(() -> new StratusException(Problem.CONFLICT,
                resource.name() + " has no endpoint yet (status " + resource.status() + "). Connect once it is available."));
        Optional<String> database = resource.databaseName().or(() -> defaultDatabase(resource.engine()));
        boolean iam = resource.iamAuthentication() && resource.service() == CloudService.RDS;
        return new ConnectionSpec(resource.id(), resource.engine(), resource.region(), endpoint.host(), endpoint.port(),
                database, resource.tlsRequired(), iam);
    }

    /** The database every server of the engine has, when the resource names none. */
    private static Optional<String> defaultDatabase(String engine) {
        return switch (engine) {
            case "postgres", "aurora-postgresql" -> Optional.of("postgres");
            case "redshift" -> Optional.of("dev");
            default -> Optional.empty();
        };
    }
}
