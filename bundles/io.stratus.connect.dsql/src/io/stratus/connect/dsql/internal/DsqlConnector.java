package io.stratus.connect.dsql.internal;

import io.stratus.connect.postgresql.driver.PostgresDriverConnector;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseTrust;
import io.stratus.core.connector.IamTokenRequest;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Aurora DSQL clusters with the PostgreSQL JDBC driver, over TLS verified against the trusted
 * authorities (the driver names the cluster's host in the TLS handshake, which DSQL routes by).
 * DSQL has no passwords: every physical connection logs in with a fresh IAM token, of the kind
 * the database role asks for.
 */
@Component(service = DatabaseConnector.class)
public final class DsqlConnector extends PostgresDriverConnector {

    /** The one role that logs in with {@code dsql:DbConnectAdmin}; every other role with {@code dsql:DbConnect}. */
    static final String ADMIN_ROLE = "admin";

    @Activate
    public DsqlConnector(@Reference DatabaseTrust trust) {
        super(trust);
    }

    @Override
    public Set<String> engines() {
        return Set.of(DsqlEngines.ENGINE);
    }

    /** A request for the cluster's host alone, signed for {@code dsql}: DbConnectAdmin for admin, DbConnect otherwise. */
    @Override
    public IamTokenRequest iamToken(ConnectionSpec spec, String role) {
        String action = ADMIN_ROLE.equals(role) ? "DbConnectAdmin" : "DbConnect";
        return new IamTokenRequest("dsql", spec.host(), OptionalInt.empty(), Map.of("Action", action));
    }

    @Override
    protected String family() {
        return "Aurora DSQL";
    }

    @Override
    protected Properties settings(ConnectionSpec spec, boolean verifiedTls) {
        return super.settings(spec, true); // DSQL speaks TLS only
    }
}
