package io.stratus.connect.postgresql;

import io.stratus.connect.jdbc.JdbcConnector;
import io.stratus.connect.jdbc.PostgresFamilyRules;
import io.stratus.connect.jdbc.ReadOnlyRules;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseTrust;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.CachedQuery;
import org.postgresql.core.QueryExecutor;

/**
 * PostgreSQL and Aurora PostgreSQL with the PostgreSQL JDBC driver. TLS whenever the server offers
 * it; verified against the trusted authorities, host name included, when the database requires TLS
 * or the login is an IAM token.
 */
@Component(service = DatabaseConnector.class)
public final class PostgresConnector extends JdbcConnector {

    private final Driver driver = new org.postgresql.Driver();
    private final ReadOnlyRules readOnly = new PostgresFamilyRules(PostgresConnector::statements);

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

    /**
     * The statements the driver sends for the text: it parses it exactly as {@code Statement.execute}
     * will (escape processing on, no parameters), with the connection's own settings.
     */
    private static int statements(Connection connection, String sql) throws SQLException {
        QueryExecutor driver = connection.unwrap(BaseConnection.class).getQueryExecutor();
        CachedQuery parsed = driver.createQuery(sql, true, false);
        try {
            org.postgresql.core.Query[] parts = parsed.query.getSubqueries();
            return parts == null ? 1 : parts.length;
        } finally {
            driver.releaseQuery(parsed);
        }
    }

    @Override
    protected Properties settings(ConnectionSpec spec, boolean verifiedTls) {
        Properties settings = new Properties();
        settings.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        settings.setProperty("ApplicationName", "Stratus");
        // Read-only rules rely on both: BEGIN READ ONLY before each statement of a read-only
        // connection, and the extended protocol, whose parse step takes one command only.
        settings.setProperty("readOnlyMode", "transaction");
        settings.setProperty("preferQueryMode", "extended");
        if (verifiedTls) {
            settings.setProperty("sslmode", "verify-full");
            settings.setProperty("sslrootcert", trustedAuthorities().toString());
        } else {
            settings.setProperty("sslmode", "prefer");
        }
        return settings;
    }
}
