package io.stratus.connect.redshift;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.DatabaseEngine.ConnectionDefaults;
import io.stratus.core.cloud.EngineContribution;
import io.stratus.core.cloud.LoginMethod;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

/** Amazon Redshift. */
@Component
public final class RedshiftEngines implements EngineContribution {

    /**
     * Every cluster has the database {@code dev}. A person logs in with a password, or with temporary
     * credentials Redshift issues for their IAM identity or a database user they name (see
     * {@link RedshiftConnector#issuer}), or with a secret.
     */
    static final List<DatabaseEngine> ENGINES = List.of(new DatabaseEngine("redshift", "Redshift", "redshift",
            Optional.empty(), new ConnectionDefaults(5439, Optional.of("dev"), true,
                    Set.of(LoginMethod.PASSWORD, LoginMethod.ISSUED_FOR_IDENTITY, LoginMethod.ISSUED_FOR_USER, LoginMethod.SECRET))));

    @Override
    public List<DatabaseEngine> engines() {
        return ENGINES;
    }
}
