package io.stratus.connect.postgresql;

import io.stratus.connect.jdbc.JdbcConnector;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.connect.DatabaseConnector;

import java.sql.Driver;
import java.util.Properties;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

/**
 * PostgreSQL and Aurora PostgreSQL with the PostgreSQL JDBC driver. TLS with hostname
 * verification whenever the database requires TLS.
 */
@Component(service = DatabaseConnector.class)
public final class PostgresConnector extends JdbcConnector {

    private final Driver driver = new org.postgresql.Driver();

    @Override
    public Set<String> engines() {
        return Set.of("postgres", "aurora-postgresql");
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
    protected Properties settings(ConnectionSpec spec) {
        Properties settings = new Properties();
        settings.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        settings.setProperty("ApplicationName", "Stratus");
        settings.setProperty("sslmode", spec.tlsRequired() ? "verify-full" : "prefer");
        return settings;
    }
}
