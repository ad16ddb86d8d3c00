package io.stratus.connect.documentdb;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.DatabaseEngine.ConnectionDefaults;
import io.stratus.core.cloud.EngineContribution;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

/** Amazon DocumentDB, the {@code docdb} engine of the RDS API. */
@Component
public final class DocumentDbEngines implements EngineContribution {

    /** Logs in against {@code admin} (see {@link DocumentDbSettings}); DocumentDB has no IAM database authentication. */
    static final List<DatabaseEngine> ENGINES = List.of(new DatabaseEngine(DocumentDbDiscovery.ENGINE, "DocumentDB",
            "documentdb", Optional.empty(), new ConnectionDefaults(27017, Optional.empty(), true, false, false)));

    @Override
    public List<DatabaseEngine> engines() {
        return ENGINES;
    }
}
