package io.stratus.connect.redshift;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.DatabaseEngine.ConnectionDefaults;
import io.stratus.core.cloud.EngineContribution;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

/** Amazon Redshift: provisioned clusters and Serverless workgroups, one family that one driver serves. */
@Component
public final class RedshiftEngines implements EngineContribution {

    /** Every cluster and every Serverless namespace has the database {@code dev} unless created otherwise. */
    private static final ConnectionDefaults DEFAULTS = new ConnectionDefaults(5439, Optional.of("dev"), true, false, false);
    static final DatabaseEngine PROVISIONED = new DatabaseEngine("redshift", "Redshift", "redshift", Optional.empty(),
            DEFAULTS);
    static final DatabaseEngine SERVERLESS = new DatabaseEngine("redshift-serverless", "Redshift Serverless", "redshift",
            Optional.empty(), DEFAULTS);
    static final List<DatabaseEngine> ENGINES = List.of(PROVISIONED, SERVERLESS);

    @Override
    public List<DatabaseEngine> engines() {
        return ENGINES;
    }
}
