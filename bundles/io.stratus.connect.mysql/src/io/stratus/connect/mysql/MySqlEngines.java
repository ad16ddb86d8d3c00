package io.stratus.connect.mysql;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.DatabaseEngine.ConnectionDefaults;
import io.stratus.core.cloud.EngineContribution;
import io.stratus.core.cloud.LoginMethod;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

/** The engines of the MySQL family, as RDS and Aurora name them. */
@Component
public final class MySqlEngines implements EngineContribution {

    /** No database every server has; RDS offers IAM database authentication. */
    private static final ConnectionDefaults DEFAULTS = new ConnectionDefaults(3306, Optional.empty(), true,
            Set.of(LoginMethod.PASSWORD, LoginMethod.IAM_TOKEN, LoginMethod.SECRET));
    static final List<DatabaseEngine> ENGINES = List.of(
            new DatabaseEngine("mysql", "MySQL", "mysql", Optional.empty(), DEFAULTS),
            new DatabaseEngine("mariadb", "MariaDB", "mysql", Optional.empty(), DEFAULTS),
            new DatabaseEngine("aurora-mysql", "Aurora MySQL", "mysql", Optional.empty(), DEFAULTS));

    @Override
    public List<DatabaseEngine> engines() {
        return ENGINES;
    }
}
