package io.stratus.connect.redshift;

import io.stratus.aws.AwsClients;
import io.stratus.connect.jdbc.JdbcConnector;
import io.stratus.connect.jdbc.PostgresFamilyRules;
import io.stratus.connect.jdbc.ReadOnlyRules;
import io.stratus.connect.redshift.tls.TrustedAuthoritiesSocketFactory;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseLogin.CredentialIssuer;
import io.stratus.core.connector.DatabaseTrust;
import io.stratus.core.database.Login;
import io.stratus.core.identity.AwsKeys;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.amazon.redshift.core.BaseConnection;
import com.amazon.redshift.core.CachedQuery;
import com.amazon.redshift.core.QueryExecutor;

/**
 * Redshift clusters and Serverless workgroups with the Amazon Redshift JDBC driver (wrapped as a
 * bundle), logging in with a database user name and password over TLS verified against the trusted
 * authorities, host name included: the person's own, or temporary credentials Redshift issues for
 * every physical connection, asked for with the person's keys ({@link ClusterCredentials} for a
 * cluster, {@link ServerlessCredentials} for a workgroup). The driver's own IAM plugins are not used:
 * they would need AWS credentials outside the person's session.
 */
@Component(service = DatabaseConnector.class)
public final class RedshiftConnector extends JdbcConnector {

    /** The database a Redshift cluster creates when none is named. */
    static final String DEFAULT_DATABASE = "dev";

    private final Driver driver = new com.amazon.redshift.Driver();
    private final ReadOnlyRules readOnly = new PostgresFamilyRules(RedshiftConnector::statements);

    private final AwsClients aws;
    private final ClusterCredentials clusterCredentials;

    @Activate
    public RedshiftConnector(@Reference DatabaseTrust trust, @Reference AwsClients aws) {
        super(trust);
        this.aws = aws;
        this.clusterCredentials = new ClusterCredentials(aws);
    }

    /**
     * Credentials for each physical connection: a workgroup's from Redshift Serverless for the person's
     * IAM identity, a cluster's for that identity or a database user they name.
     */
    @Override
    public CredentialIssuer issuer(Login login, Supplier<AwsKeys> keys) {
        ServerlessCredentials serverless = new ServerlessCredentials(aws, login, keys);
        return spec -> RedshiftEngines.SERVERLESS.id().equals(spec.engine()) ? serverless.issue(spec)
                : clusterCredentials.issue(keys.get(), spec, spec.database().orElse(DEFAULT_DATABASE), login);
    }

    @Override
    public Set<String> engines() {
        return RedshiftEngines.ENGINES.stream().map(DatabaseEngine::id).collect(Collectors.toSet());
    }

    @Override
    protected String family() {
        return "Redshift";
    }

    @Override
    protected Driver driver() {
        return driver;
    }

    @Override
    protected String url(ConnectionSpec spec) {
        return "jdbc:redshift://" + spec.host() + ":" + spec.port() + "/" + spec.database().orElse(DEFAULT_DATABASE);
    }

    @Override
    protected ReadOnlyRules readOnlyRules() {
        return readOnly;
    }

    /** The statements the driver (a descendant of the PostgreSQL driver) sends for the text, as it parses it. */
    private static int statements(Connection connection, String sql) throws SQLException {
        QueryExecutor driver = connection.unwrap(BaseConnection.class).getQueryExecutor();
        CachedQuery parsed = driver.createQuery(sql, true, false);
        try {
            com.amazon.redshift.core.Query[] parts = parsed.query.getSubqueries();
            return parts == null ? 1 : parts.length;
        } finally {
            driver.releaseQuery(parsed);
        }
    }

    @Override
    protected Properties settings(ConnectionSpec spec, boolean verifiedTls) {
        Properties settings = new Properties();
        settings.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        settings.setProperty("ApplicationName", "Stratus");
        // Read-only rules rely on both (see PostgresFamilyRules); the driver names its settings in lower case.
        settings.setProperty("readonlymode", "transaction");
        settings.setProperty("preferquerymode", "extended");
        if (verifiedTls) {
            settings.setProperty("ssl", "true");
            settings.setProperty("sslmode", "verify-full");
            settings.setProperty("sslfactory", TrustedAuthoritiesSocketFactory.class.getName());
        } else {
            settings.setProperty("ssl", "false");
        }
        return settings;
    }
}
