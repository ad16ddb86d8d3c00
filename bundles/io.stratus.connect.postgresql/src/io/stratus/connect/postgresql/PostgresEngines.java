package io.stratus.connect.postgresql;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.DatabaseEngine.ConnectionDefaults;
import io.stratus.core.cloud.EngineContribution;
import io.stratus.core.cloud.LoginMethod;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

/** The engines of the PostgreSQL family, as RDS and Aurora name them. */
@Component
public final class PostgresEngines implements EngineContribution {

    /** Every PostgreSQL server has the database {@code postgres}; RDS offers IAM database authentication. */
    private static final ConnectionDefaults DEFAULTS = new ConnectionDefaults(5432, Optional.of("postgres"), true,
            Set.of(LoginMethod.PASSWORD, LoginMethod.IAM_TOKEN, LoginMethod.SECRET));
    static final List<DatabaseEngine> ENGINES = List.of(
            new DatabaseEngine("postgres", "PostgreSQL", "postgresql", Optional.empty(), DEFAULTS),
            new DatabaseEngine("aurora-postgresql", "Aurora PostgreSQL", "postgresql", Optional.empty(), DEFAULTS));

    @Override
    public List<DatabaseEngine> engines() {
        return ENGINES;
    }
}
