package io.stratus.connect.redshift;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.DatabaseEngine.ConnectionDefaults;
import io.stratus.core.cloud.EngineContribution;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

/** Amazon Redshift. */
@Component
public final class RedshiftEngines implements EngineContribution {

    /** Every cluster has the database {@code dev}; Stratus logs in with a password only. */
    static final List<DatabaseEngine> ENGINES = List.of(new DatabaseEngine("redshift", "Redshift", "redshift",
            Optional.empty(), new ConnectionDefaults(5439, Optional.of("dev"), true, false, false)));

    @Override
    public List<DatabaseEngine> engines() {
        return ENGINES;
    }
}
