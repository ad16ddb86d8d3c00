package io.stratus.connect.mysql;

import io.stratus.connect.jdbc.JdbcConnector;
import io.stratus.connect.jdbc.ReadOnlyRules;
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
 * MySQL, MariaDB and Aurora MySQL with the MariaDB Connector/J (LGPL), which speaks to both
 * servers. TLS with certificate and hostname verification whenever the database requires TLS or
 * the login is an IAM token.
 */
@Component(service = DatabaseConnector.class)
public final class MySqlConnector extends JdbcConnector {

    private final Driver driver = new org.mariadb.jdbc.Driver();
    private final ReadOnlyRules readOnly = new MySqlReadOnlyRules();

    @Activate
    public MySqlConnector(@Reference DatabaseTrust trust) {
        super(trust);
    }

    @Override
    public Set<String> engines() {
        return MySqlEngines.ENGINES.stream().map(DatabaseEngine::id).collect(Collectors.toSet());
    }

    @Override
    protected String family() {
        return "MySQL and MariaDB";
    }

    @Override
    protected Driver driver() {
        return driver;
    }

    @Override
    protected String url(ConnectionSpec spec) {
        return "jdbc:mariadb://" + spec.host() + ":" + spec.port() + "/" + spec.database().orElse("");
    }

    @Override
    protected ReadOnlyRules readOnlyRules() {
        return readOnly;
    }

    @Override
    protected Properties settings(ConnectionSpec spec, boolean verifiedTls) {
        Properties settings = new Properties();
        settings.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS * 1000));
        if (verifiedTls) {
            settings.setProperty("sslMode", "verify-full");
            settings.setProperty("serverSslCert", trustedAuthorities().toString());
        } else {
            settings.setProperty("sslMode", "disable");
        }
        settings.setProperty("useCatalogTerm", "Schema"); // databases are what people browse first
        // LOAD DATA LOCAL INFILE would let a statement read files of the machine Stratus runs on.
        settings.setProperty("allowLocalInfile", "false");
        // One statement per request: the server refuses a second one (read-only rules rely on it).
        settings.setProperty("allowMultiQueries", "false");
        settings.setProperty("connectionAttributes", "program_name:Stratus");
        return settings;
    }
}
