package io.stratus.connect.postgresql;

import io.stratus.connect.jdbc.JdbcSession;
import io.stratus.connect.jdbc.SqlErrors;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.connect.AccessMode;
import io.stratus.core.connect.DatabaseConnector;
import io.stratus.core.connect.DatabaseLogin;
import io.stratus.core.connect.DatabaseSession;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.postgresql.Driver;

/**
 * PostgreSQL and Aurora PostgreSQL with the PostgreSQL JDBC driver, loaded as a bundle (never
 * through DriverManager). TLS with hostname verification whenever the database requires TLS.
 */
@Component(service = DatabaseConnector.class)
public final class PostgresConnector implements DatabaseConnector {

    private static final Set<String> ENGINES = Set.of("postgres", "aurora-postgresql");
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final Driver driver = new Driver();

    @Override
    public Set<String> engines() {
        return ENGINES;
    }

    @Override
    public DatabaseSession open(ConnectionSpec spec, DatabaseLogin login, AccessMode mode) {
        if (!ENGINES.contains(spec.engine())) {
            throw new StratusException(Problem.INVALID_INPUT, "The PostgreSQL connector does not serve " + spec.engine() + ".");
        }
        if (login.password().isEmpty()) {
            throw new StratusException(Problem.INVALID_INPUT, "Give the database password of " + login.username() + ".");
        }
        Properties properties = new Properties();
        properties.setProperty("user", login.username());
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "Stratus");
        properties.setProperty("sslmode", spec.tlsRequired() ? "verify-full" : "prefer");
        String url = "jdbc:postgresql://" + spec.host() + ":" + spec.port() + "/" + spec.database().orElse("postgres");
        properties.setProperty("password", login.password().get().reveal());
        Connection connection;
        try {
            connection = driver.connect(url, properties);
        } catch (SQLException e) {
            throw SqlErrors.explain(e, "connecting to " + spec.host() + ":" + spec.port());
        } finally {
            properties.remove("password"); // the driver has what it needs; no copy stays here
        }
        return JdbcSession.of(connection, mode);
    }
}
