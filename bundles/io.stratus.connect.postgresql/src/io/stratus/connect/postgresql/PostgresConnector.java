package io.stratus.connect.postgresql;

import io.stratus.connect.postgresql.driver.PostgresDriverConnector;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseTrust;

import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * PostgreSQL and Aurora PostgreSQL with the PostgreSQL JDBC driver. TLS verified when the database
 * requires it or the login is an IAM token.
 */
@Component(service = DatabaseConnector.class)
public final class PostgresConnector extends PostgresDriverConnector {

    @Activate
    public PostgresConnector(@Reference DatabaseTrust trust) {
        super(trust);
    }

    @Override
    public Set<String> engines() {
        return PostgresEngines.ENGINES.stream().map(DatabaseEngine::id).collect(Collectors.toSet());
    }

    @Override
    protected String family() {
        return "PostgreSQL";
    }
}
