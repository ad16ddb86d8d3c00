package io.stratus.connect.dsql.internal;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.DatabaseEngine.ConnectionDefaults;
import io.stratus.core.cloud.EngineContribution;
import io.stratus.core.cloud.LoginMethod;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

/** Aurora DSQL: PostgreSQL-compatible, over TLS, with IAM tokens in place of passwords only. */
@Component
public final class DsqlEngines implements EngineContribution {

    static final String ENGINE = "aurora-dsql";

    /** Every cluster has the database {@code postgres} and listens on 5432. */
    static final DatabaseEngine AURORA_DSQL = new DatabaseEngine(ENGINE, "Aurora DSQL", "postgresql",
            Optional.empty(), new ConnectionDefaults(5432, Optional.of("postgres"), true,
                    Set.of(LoginMethod.IAM_TOKEN)));

    @Override
    public List<DatabaseEngine> engines() {
        return List.of(AURORA_DSQL);
    }
}
