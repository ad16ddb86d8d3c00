package io.stratus.connect.postgresql.driver;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.CachedQuery;
import org.postgresql.core.QueryExecutor;

/**
 * What every connector built on the PostgreSQL JDBC driver shares (PostgreSQL and Aurora
 * PostgreSQL, Aurora DSQL): how the driver splits a text into statements and the settings read-only
 * sessions and TLS rely on.
 */
public final class PostgresDriver {

    private PostgresDriver() {
    }

    /**
     * The statements the driver sends for the text: it parses it exactly as {@code Statement.execute}
     * will (escape processing on, no parameters), with the connection's own settings.
     */
    public static int statements(Connection connection, String sql) throws SQLException {
        QueryExecutor driver = connection.unwrap(BaseConnection.class).getQueryExecutor();
        CachedQuery parsed = driver.createQuery(sql, true, false);
        try {
            org.postgresql.core.Query[] parts = parsed.query.getSubqueries();
            return parts == null ? 1 : parts.length;
        } finally {
            driver.releaseQuery(parsed);
        }
    }

    /**
     * Timeouts, the application name, the read-only rules' needs and TLS: verified against {@code
     * authorities}, host name included, when {@code verifiedTls}; else whenever the server offers it.
     */
    public static Properties settings(int connectTimeoutSeconds, boolean verifiedTls, Path authorities) {
        Properties settings = new Properties();
        settings.setProperty("connectTimeout", Integer.toString(connectTimeoutSeconds));
        settings.setProperty("ApplicationName", "Stratus");
        // Read-only rules rely on both: BEGIN READ ONLY before each statement of a read-only
        // connection, and the extended protocol, whose parse step takes one command only.
        settings.setProperty("readOnlyMode", "transaction");
        settings.setProperty("preferQueryMode", "extended");
        if (verifiedTls) {
            settings.setProperty("sslmode", "verify-full");
            settings.setProperty("sslrootcert", authorities.toString());
        } else {
            settings.setProperty("sslmode", "prefer");
        }
        return settings;
    }
}
