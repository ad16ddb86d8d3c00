package io.stratus.connect.jdbc;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.database.AccessMode;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.connector.DatabaseTrust;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A connector whose engines speak JDBC: an engine family gives its driver (an instance from the
 * driver's bundle, never DriverManager), its URL and its connection properties; logging in,
 * explaining failures and the link are the same for all.
 */
public abstract class JdbcConnector implements DatabaseConnector {

    protected static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final DatabaseTrust trust;

    protected JdbcConnector(DatabaseTrust trust) {
        this.trust = trust;
    }

    /** The engine family, for messages: "PostgreSQL", "MySQL and MariaDB". */
    protected abstract String family();

    protected abstract Driver driver();

    protected abstract String url(ConnectionSpec spec);

    /**
     * Driver settings other than user and password: timeouts, the application name and TLS. With
     * {@code verifiedTls} the driver must refuse a connection without TLS, trust only
     * {@link #trustedAuthorities()} and check the host name.
     */
    protected abstract Properties settings(ConnectionSpec spec, boolean verifiedTls);

    /** How read-only sessions of this engine are kept to reading. */
    protected abstract ReadOnlyRules readOnlyRules();

    /** The PEM file of the certificate authorities to trust. */
    protected final Path trustedAuthorities() {
        return trust.certificateAuthorities();
    }

    @Override
    public final DatabaseLink open(ConnectionSpec spec, DatabaseLogin login, AccessMode mode) {
        if (!engines().contains(spec.engine())) {
            throw new StratusException(Problem.INVALID_INPUT, "The " + family() + " connector does not serve "
                    + spec.engine() + "; it serves " + String.join(", ", engines()) + ".");
        }
        // An IAM token lets anyone who sees it log in for 15 minutes, and issued credentials are AWS's
        // to guard: they travel over verified TLS only.
        boolean fromAws = login.usesIam() || login.usesIssuedCredentials();
        Properties properties = settings(spec, spec.tlsRequired() || fromAws);
        Connection connection;
        try (DatabaseLogin.Credentials credentials = login.credentialsFor(spec)) {
            properties.setProperty("user", credentials.username());
            properties.setProperty("password", credentials.password().reveal());
            connection = driver().connect(url(spec), properties);
        } catch (SQLException e) {
            throw SqlErrors.explainLogin(e, "connecting to " + spec.host() + ":" + spec.port(), login.usesIam());
        } finally {
            properties.remove("password"); // the driver has what it needs; no copy stays here
        }
        if (connection == null) {
            throw new IllegalStateException("The " + family() + " driver does not take the URL " + url(spec));
        }
        return JdbcLink.of(connection, mode, readOnlyRules());
    }
}
