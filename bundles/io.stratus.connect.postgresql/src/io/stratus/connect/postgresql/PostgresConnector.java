package io.stratus.connect.postgresql;

import io.stratus.connect.jdbc.JdbcConnector;
import io.stratus.connect.jdbc.PostgresFamilyRules;
import io.stratus.connect.jdbc.ReadOnlyRules;
import io.stratus.connect.postgresql.driver.PostgresDriver;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseTrust;

import java.sql.Driver;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * PostgreSQL and Aurora PostgreSQL with the PostgreSQL JDBC driver. TLS whenever the server offers
 * it; verified against the trusted authorities, host name included, when the database requires TLS
 * or the login is an IAM token.
 */
@Component(service = DatabaseConnector.class)
public final class PostgresConnector extends JdbcConnector {

    private final Driver driver = new org.postgresql.Driver();
    private final ReadOnlyRules readOnly = new PostgresFamilyRules(PostgresDriver::statements);

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

    @Override
    protected Driver driver() {
        return driver;
    }

    @Override
    protected String url(ConnectionSpec spec) {
        return "jdbc:postgresql://" + spec.host() + ":" + spec.port() + "/" + spec.database().orElse("postgres");
    }

    @Override
    protected ReadOnlyRules readOnlyRules() {
        return readOnly;
    }

    @Override
    protected Properties settings(ConnectionSpec spec, boolean verifiedTls) {
        return PostgresDriver.settings(CONNECT_TIMEOUT_SECONDS, verifiedTls, trustedAuthorities());
    }
}
