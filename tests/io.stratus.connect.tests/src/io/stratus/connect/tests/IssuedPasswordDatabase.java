package io.stratus.connect.tests;

import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.testing.LdapBinds;
import io.stratus.testing.PostgresServer;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real PostgreSQL standing in for a Redshift cluster or workgroup: one user logs in with its own
 * password (MD5: the Redshift driver has no SCRAM), the others with passwords only Redshift issues,
 * which PostgreSQL asks the AWS simulator about through LDAP at each login, as the cluster or
 * workgroup {@code resourceArn} would check them.
 */
final class IssuedPasswordDatabase implements AutoCloseable {

    /** A login the simulator was asked about: the database user, the password, and whether Redshift issued it. */
    record CheckedLogin(String dbUser, String password, boolean issuedByRedshift) {
    }

    private final PostgresServer postgres;
    private final LdapBinds ldap;
    private final List<CheckedLogin> checked;

    private IssuedPasswordDatabase(PostgresServer postgres, LdapBinds ldap, List<CheckedLogin> checked) {
        this.postgres = postgres;
        this.ldap = ldap;
        this.checked = checked;
    }

    /** {@code user} logs in with {@code password}; each of {@code issuedUsers} with what Redshift issued for it. */
    static IssuedPasswordDatabase start(TestAwsSimulator simulator, String resourceArn, String user, String password,
            String... issuedUsers) throws Exception {
        PostgresServer postgres = PostgresServer.start();
        try (Connection admin = postgres.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("SET password_encryption = 'md5'");
            sql.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
            for (String issued : issuedUsers) {
                sql.execute("CREATE ROLE \"" + issued + "\" LOGIN");
            }
        }
        List<CheckedLogin> checked = new CopyOnWriteArrayList<>();
        LdapBinds ldap = LdapBinds.start((name, given) -> {
            String dbUser = name.substring("cn=".length(), name.indexOf(",dc=rds"));
            boolean issued = simulator.verifyRedshiftCredentials(resourceArn, dbUser, given);
            checked.add(new CheckedLogin(dbUser, given, issued));
            return issued;
        });
        for (String issued : issuedUsers) {
            postgres.authenticateByLdap("\"" + issued + "\"", ldap.port());
        }
        return new IssuedPasswordDatabase(postgres, ldap, checked);
    }

    int port() {
        return postgres.port();
    }

    /** Every login the simulator was asked about so far, oldest first. */
    List<CheckedLogin> checked() {
        return checked;
    }

    @Override
    public void close() throws Exception {
        ldap.close();
        postgres.close();
    }
}
