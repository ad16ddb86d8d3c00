package io.stratus.explorer.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.DatabaseEngine.ConnectionDefaults;
import io.stratus.core.cloud.LoginMethod;

import java.util.Optional;

/**
 * How to connect to a discovered database: where AWS says it listens, and what else AWS says of it
 * or, where it says nothing, its engine's defaults.
 */
final class ConnectionSpecs {

    private ConnectionSpecs() {
    }

    /** @param engine the resource's engine, if a bundle contributes it; without, only AWS's facts count */
    static ConnectionSpec of(CloudResource resource, Optional<DatabaseEngine> engine) {
        CloudResource.Endpoint endpoint = resource.endpoint().orElseThrow(() -> new StratusException(Problem.CONFLICT,
                resource.name() + " has no endpoint yet (status " + resource.status() + "). Connect once it is available."));
        Optional<ConnectionDefaults> defaults = engine.map(DatabaseEngine::defaults);
        Optional<String> database = resource.databaseName().or(() -> defaults.flatMap(ConnectionDefaults::database));
        boolean tls = resource.tlsRequired() || defaults.map(ConnectionDefaults::tlsRequired).orElse(false);
        boolean iam = resource.iamAuthentication() && defaults.map(d -> d.takes(LoginMethod.IAM_TOKEN)).orElse(true);
        return new ConnectionSpec(resource.id(), resource.engine(), resource.region(), endpoint.host(), endpoint.port(),
                database, tls, iam);
    }
}
