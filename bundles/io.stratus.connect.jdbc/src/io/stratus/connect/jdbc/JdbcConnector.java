package io.stratus.connect.jdbc;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.connect.AccessMode;
import io.stratus.core.connect.DatabaseConnector;
import io.stratus.core.connect.DatabaseLogin;
import io.stratus.core.connect.DatabaseSession;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A connector whose engines speak JDBC: an engine family gives its driver (an instance from the
 * driver's bundle, never DriverManager), its URL and its connection properties; logging in,
 * explaining failures and the session are the same for all.
 */
public abstract class JdbcConnector implements DatabaseConnector {

    protected static final int CONNECT_TIMEOUT_SECONDS = 10;

    /** The engine family, for messages: "PostgreSQL", "MySQL and MariaDB". */
    protected abstract String family();

    protected abstract Driver driver();

    protected abstract String url(ConnectionSpec spec);

    /** Driver settings other than user and password: timeouts, TLS, the application name. */
    protected abstract Properties settings(ConnectionSpec spec);

    @Override
    public final DatabaseSession open(ConnectionSpec spec, DatabaseLogin login, AccessMode mode) {
        if (!engines().contains(spec.engine())) {
            throw new StratusException(Problem.INVALID_INPUT, "The " + family() + " connector does not serve "
                    + spec.engine() + "; it serves " + String.join(", ", engines()) + ".");
        }
        if (login.password().isEmpty()) {
            throw new StratusException(Problem.INVALID_INPUT, "Give the database password of " + login.username() + ".");
        }
        Properties properties = settings(spec);
        properties.setProperty("user", login.username());
        properties.setProperty("password", login.password().get().reveal());
        Connection connection;
        try {
            connection = driver().connect(url(spec), properties);
        } catch (SQLException e) {
            throw SqlErrors.explain(e, "connecting to " + spec.host() + ":" + spec.port());
        } finally {
            properties.remove("password"); // the driver has what it needs; no copy stays here
        }
        if (connection == null) {
            throw new IllegalStateException("The " + family() + " driver does not take the URL " + url(spec));
        }
        return JdbcSession.of(connection, mode);
    }
}
