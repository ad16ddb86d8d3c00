package io.stratus.connect.postgresql.driver;

import io.stratus.connect.jdbc.JdbcConnector;
import io.stratus.connect.jdbc.PostgresFamilyRules;
import io.stratus.connect.jdbc.ReadOnlyRules;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.connector.DatabaseTrust;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.CachedQuery;
import org.postgresql.core.QueryExecutor;

/**
 * What every connector built on the PostgreSQL JDBC driver shares (PostgreSQL and Aurora
 * PostgreSQL, Aurora DSQL): the driver, its URL, how it splits a text into statements, and the
 * settings read-only sessions and TLS rely on. TLS whenever the server offers it; verified against
 * the trusted authorities, host name included, when asked.
 */
public abstract class PostgresDriverConnector extends JdbcConnector {

    private final Driver driver = new org.postgresql.Driver();
    private final ReadOnlyRules readOnly = new PostgresFamilyRules(PostgresDriverConnector::statements);

    protected PostgresDriverConnector(DatabaseTrust trust) {
        super(trust);
    }

    @Override
    protected final Driver driver() {
        return driver;
    }

    @Override
    protected final String url(ConnectionSpec spec) {
        return "jdbc:postgresql://" + spec.host() + ":" + spec.port() + "/" + spec.database().orElse("postgres");
    }

    @Override
    protected final ReadOnlyRules readOnlyRules() {
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
