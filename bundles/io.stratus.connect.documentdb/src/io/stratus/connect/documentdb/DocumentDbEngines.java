package io.stratus.connect.documentdb;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.DatabaseEngine.ConnectionDefaults;
import io.stratus.core.cloud.EngineContribution;
import io.stratus.core.cloud.LoginMethod;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

/** Amazon DocumentDB, the {@code docdb} engine of the RDS API. */
@Component
public final class DocumentDbEngines implements EngineContribution {

    /**
     * Logs in against {@code admin} (see {@link DocumentDbSettings}) with a password only: DocumentDB has
     * no IAM database authentication, and the driver keeps the password for the connections its pool
     * opens later, so it must be the person's own, not credentials issued for one login.
     */
    static final List<DatabaseEngine> ENGINES = List.of(new DatabaseEngine(DocumentDbDiscovery.ENGINE, "DocumentDB",
            "documentdb", Optional.empty(), new ConnectionDefaults(27017, Optional.empty(), true,
                    Set.of(LoginMethod.PASSWORD))));

    @Override
    public List<DatabaseEngine> engines() {
        return ENGINES;
    }
}
