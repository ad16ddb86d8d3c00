package io.stratus.connect.redshift;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.DatabaseEngine.ConnectionDefaults;
import io.stratus.core.cloud.EngineContribution;
import io.stratus.core.cloud.LoginMethod;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

/** Amazon Redshift: provisioned clusters and Serverless workgroups, one family that one driver serves. */
@Component
public final class RedshiftEngines implements EngineContribution {

    /**
     * Every cluster and every Serverless namespace has the database {@code dev} unless created otherwise. A
     * person logs in with a password, with a secret, or with temporary credentials Redshift issues (see
     * {@link RedshiftConnector#issuer}): on a cluster for their IAM identity or a database user they name,
     * on a workgroup for their IAM identity.
     */
    static final DatabaseEngine PROVISIONED = new DatabaseEngine("redshift", "Redshift", "redshift", Optional.empty(),
            new ConnectionDefaults(5439, Optional.of("dev"), true, Set.of(LoginMethod.PASSWORD,
                    LoginMethod.ISSUED_FOR_IDENTITY, LoginMethod.ISSUED_FOR_USER, LoginMethod.SECRET)));
    static final DatabaseEngine SERVERLESS = new DatabaseEngine("redshift-serverless", "Redshift Serverless", "redshift",
            Optional.empty(), new ConnectionDefaults(5439, Optional.of("dev"), true, Set.of(LoginMethod.PASSWORD,
                    LoginMethod.ISSUED_FOR_IDENTITY, LoginMethod.SECRET)));
    static final List<DatabaseEngine> ENGINES = List.of(PROVISIONED, SERVERLESS);

    @Override
    public List<DatabaseEngine> engines() {
        return ENGINES;
    }
}
