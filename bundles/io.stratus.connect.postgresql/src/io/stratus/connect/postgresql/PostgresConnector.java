package io.stratus.connect.postgresql;

import io.stratus.connect.jdbc.JdbcConnector;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.connect.DatabaseConnector;
import io.stratus.core.connect.DatabaseTrust;

import java.sql.Driver;
import java.util.Properties;
import java.util.Set;

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

    @Activate
    public PostgresConnector(@Reference DatabaseTrust trust) {
        super(trust);
    }

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
    protected Properties settings(ConnectionSpec spec, boolean verifiedTls) {
        Properties settings = new Properties();
        settings.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        settings.setProperty("ApplicationName", "Stratus");
        if (verifiedTls) {
            settings.setProperty("sslmode", "verify-full");
            settings.setProperty("sslrootcert", trustedAuthorities().toString());
        } else {
            settings.setProperty("sslmode", "prefer");
        }
        return settings;
    }
}
