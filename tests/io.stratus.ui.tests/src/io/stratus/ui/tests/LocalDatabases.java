package io.stratus.ui.tests;

import io.stratus.core.database.Login;
import io.stratus.aws.AwsConfiguration;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudService;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.ResultPage;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.UserSession;
import io.stratus.discovery.Discovery;
import io.stratus.discovery.Found;
import io.stratus.discovery.Scan;
import io.stratus.discovery.ScanScope;
import io.stratus.testing.DatabaseServer;
import io.stratus.testing.LdapBinds;
import io.stratus.testing.MariaDbServer;
import io.stratus.testing.PostgresServer;
import io.stratus.testing.TestCertificates;
import io.stratus.ui.session.CurrentSession;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.Platform;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Real database servers on loopback for the UI tests, as the desktop's services see them. The
 * connectors trust the tests' certificate authority meanwhile (as an operator would set it), so the
 * servers speak verified TLS. A test fills a server's database with its fixture, then puts it in
 * the Cloud Explorer, one of two ways: as an RDS instance of the signed-in person's account in
 * {@value #REGION}, listed by a discovery contribution of the tests (as an engine's bundle would),
 * or as the demo account's {@code orders} on a simulator of its own with the desktop's AWS services
 * pointed at it (as README's demo section says). It can let a user log in with IAM database
 * authentication, whose token the AWS simulator checks at login as RDS does, and open a database
 * as ada through the desktop's own {@link DatabaseService}. Closing puts the desktop's settings
 * back and stops everything, last started first.
 */
final class LocalDatabases implements AutoCloseable {

    static final String REGION = "eu-west-1";
    static final CloudService LOCAL = new CloudService("LOCAL", "Local Test Databases", List.of(), 900);
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    /** Where the demo seed describes orders' database, which gains an address and port. */
    private static final String ORDERS_DATABASE = "\"dbName\": \"orders\", \"iamAuthentication\": true";

    /** A database of a test's server. */
    record Database(DatabaseServer server, String name) {

        /** Runs statements in it as the server's superuser. */
        void sql(List<String> statements) throws SQLException {
            try (Connection admin = server.connect(name); Statement sql = admin.createStatement()) {
                for (String statement : statements) {
                    sql.execute(statement);
                }
            }
        }
    }

    /** A token an IAM login sent, as the simulator checked it: the identity that signed it, if it is valid. */
    record CheckedToken(String token, Optional<String> signedBy) {
    }

    private final BundleContext context = FrameworkUtil.getBundle(LocalDatabases.class).getBundleContext();
    private final Deque<AutoCloseable> stops = new ArrayDeque<>();
    /** The databases the tests' discovery lists, by their name in the explorer. */
    private final List<Listing> listed = new CopyOnWriteArrayList<>();
    private TestAwsSimulator simulator;

    private record Listing(String name, String engine, Database database, boolean iamAuthentication) {
    }

    private LocalDatabases() {
    }

    /** Makes the desktop's connectors trust the tests' authority, once they do (see {@link DesktopServices}). */
    static LocalDatabases start() throws Exception {
        LocalDatabases local = new LocalDatabases();
        local.stops.push(DesktopServices.trustTheTestAuthority());
        return local;
    }

    /** A new PostgreSQL server with a database that holds {@code fixture}. */
    Database postgres(List<String> fixture) throws Exception {
        return filled(started(PostgresServer.start()), fixture);
    }

    /** A new MariaDB server with a database that holds {@code fixture}. */
    Database mariadb(List<String> fixture) throws Exception {
        return filled(started(MariaDbServer.start()), fixture);
    }

    private <S extends DatabaseServer> S started(S server) {
        stops.push(server);
        return server;
    }

    private static Database filled(DatabaseServer server, List<String> fixture) throws SQLException {
        Database database = new Database(server, server.createDatabase());
        database.sql(fixture);
        return database;
    }

    /** Lists the database in the explorer as the RDS instance {@code name} of {@code engine}. */
    void inTheExplorer(String name, String engine, Database database, boolean iamAuthentication) {
        if (listed.isEmpty()) {
            stops.push(context.registerService(Discovery.class, new InTheExplorer(), null)::unregister);
        }
        listed.add(new Listing(name, engine, database, iamAuthentication));
    }

    /**
     * Makes the PostgreSQL database the demo account's {@code orders}: a simulator on a copy of the
     * demo seed whose orders has the server's address, port and database, the desktop's AWS services
     * pointed at it. Moving the services ends the session: sign in again.
     */
    void asDemoOrders(Database postgres) throws Exception {
        String demo;
        try (InputStream json = Platform.getBundle("io.stratus.aws.simulator").getEntry("seeds/demo.json").openStream()) {
            demo = new String(json.readAllBytes(), StandardCharsets.UTF_8);
        }
        String local = demo.replace(ORDERS_DATABASE, "\"address\": \"127.0.0.1\", \"port\": " + postgres.server().port()
                + ", \"dbName\": \"" + postgres.name() + "\", \"iamAuthentication\": true");
        if (local.equals(demo)) {
            throw new IllegalStateException("The demo seed no longer describes orders as " + ORDERS_DATABASE);
        }
        simulator = TestAwsSimulator.start(Seed.fromJson(new ByteArrayInputStream(local.getBytes(StandardCharsets.UTF_8))));
        stops.push(simulator);
        change(AwsConfiguration.PID, AwsConfiguration.ENDPOINT, simulator.endpoint().toString());
        DemoDesktop.awaitTrust(TestCertificates.shared().authority(), true); // the database service restarts
    }

    /**
     * Lets {@code user} (who must exist) log in to the PostgreSQL database with IAM database
     * authentication only: the server asks an LDAP server of the test, which takes the password
     * for a token and has the AWS simulator check it (a presigned {@code rds-db} connect for this
     * server, region {@value #REGION} and user, signed with a key of the demo account), as RDS does.
     *
     * @return the tokens checked so far, as they come
     */
    List<CheckedToken> iamLogins(Database postgres, String user) throws Exception {
        if (!(postgres.server() instanceof PostgresServer server)) {
            throw new IllegalArgumentException("IAM logins are set up for PostgreSQL only");
        }
        if (simulator == null) { // the demo account's keys, as the desktop's own simulator has them
            try (InputStream json = Platform.getBundle("io.stratus.aws.simulator").getEntry("seeds/demo.json").openStream()) {
                simulator = TestAwsSimulator.start(Seed.fromJson(json));
            }
            stops.push(simulator);
        }
        TestAwsSimulator checking = simulator;
        List<CheckedToken> checked = new CopyOnWriteArrayList<>();
        LdapBinds ldap = LdapBinds.start((name, token) -> {
            Optional<String> signer;
            try {
                signer = Optional.of(checking.verifyRdsAuthToken(token, "127.0.0.1", server.port(), REGION, user));
            } catch (IllegalArgumentException refused) {
                signer = Optional.empty();
            }
            checked.add(new CheckedToken(token, signer));
            return signer.isPresent() && name.equals("cn=" + user + ",dc=rds");
        });
        stops.push(ldap);
        server.authenticateByLdap(user, ldap.port());
        return checked;
    }

    /**
     * Signs ada in (setting the instance up if nobody has) and opens the database the explorer
     * lists as {@code name} through the desktop's database service, with its superuser's password.
     */
    Opened openAsAda(CurrentSession current, String name, Database database) throws Exception {
        Seed.AccessKey ada = DemoDesktop.keyOf("ada");
        AwsCredentials keys = new AwsCredentials(ada.id(), Secret.of(ada.secret()), null);
        UserSession session = (current.instanceConfigured() ? current.signIn(keys) : current.setUp(keys))
                .get(READY_WITHIN.toSeconds(), TimeUnit.SECONDS).session();
        String resource = new ScanScope(session.identity().accountId(), session.identity().partition(), REGION)
                .arn("rds", "db:" + name);
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (true) {
            try {
                Opened opened = new Opened(session, databases().open(session, resource, new Login.Password(
                        database.server().user(), Optional.of(Secret.of(database.server().password()))),
                        Optional.of(database.name())).id());
                stops.push(opened);
                return opened;
            } catch (StratusException e) { // the explorer has not heard from the region yet, the connectors restart
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("The local database did not open through the database service", e);
                }
                Thread.sleep(200);
            }
        }
    }

    /** A database open as ada, for tests that run statements without the SQL editor. */
    final class Opened implements AutoCloseable {

        private final UserSession session;
        private final String connection;

        private Opened(UserSession session, String connection) {
            this.session = session;
            this.connection = connection;
        }

        /** Runs a statement: its first page of at most {@code pageSize} rows. */
        ResultPage execute(String statement, int pageSize) {
            return databases().execute(session, connection, statement, pageSize);
        }

        /** The next page of a statement, as an editor hands it to the result grid. */
        ResultPage nextPage(long statement, int pageSize) {
            return databases().nextPage(session, connection, statement, pageSize);
        }

        @Override
        public void close() {
            try {
                databases().close(session, connection);
            } catch (StratusException gone) {
                // closed with the session already
            }
        }
    }

    /** The desktop's database service as it is now (changing settings restarts it). */
    DatabaseService databases() {
        return current(DatabaseService.class).orElseThrow(() -> new IllegalStateException("The database service is not running"));
    }

    @Override
    public void close() throws Exception {
        Exception failed = null;
        while (!stops.isEmpty()) {
            try {
                stops.pop().close();
            } catch (Exception e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** Sets one setting of the desktop's configuration {@code pid}; closing puts the configuration back as it was. */
    private void change(String pid, String key, Object value) throws IOException {
        Configuration configuration = configurations().getConfiguration(pid, "?");
        Dictionary<String, Object> before = configuration.getProperties();
        Hashtable<String, Object> next = new Hashtable<>();
        if (before != null) {
            Collections.list(before.keys()).forEach(name -> next.put(name, before.get(name)));
        }
        next.put(key, value);
        stops.push(() -> {
            if (before == null) {
                configuration.delete();
            } else {
                configuration.update(before);
            }
        });
        configuration.update(next);
    }

    private ConfigurationAdmin configurations() {
        return current(ConfigurationAdmin.class).orElseThrow(() -> new IllegalStateException("No configuration admin"));
    }

    private <T> Optional<T> current(Class<T> type) {
        return Optional.ofNullable(context.getServiceReference(type)).map(context::getService);
    }

    /** The listed databases as RDS instances of the signed-in person's account, in one region. */
    private final class InTheExplorer implements Discovery {

        @Override
        public CloudService service() {
            return LOCAL;
        }

        @Override
        public Found scan(Scan scan, ScanScope scope) {
            if (!scope.region().equals(REGION)) {
                return Found.all(List.of());
            }
            return Found.all(listed.stream().map(database -> new CloudResource(scope.arn("rds", "db:" + database.name()),
                    LOCAL, REGION, database.name(), "instance", database.engine(), "", "available",
                    Optional.of(new CloudResource.Endpoint("127.0.0.1", database.database().server().port())),
                    Optional.of(database.database().name()), database.iamAuthentication(), false, Map.of(), Map.of(),
                    List.of())).toList());
        }
    }
}
