package io.stratus.ui.tests;

import io.stratus.aws.simulator.seed.Seed;
import io.stratus.connect.ConnectConfiguration;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudService;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.database.ResultPage;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.UserSession;
import io.stratus.discovery.Discovery;
import io.stratus.discovery.Found;
import io.stratus.discovery.Scan;
import io.stratus.discovery.ScanScope;
import io.stratus.testing.PostgresServer;
import io.stratus.testing.TestCertificates;
import io.stratus.ui.session.CurrentSession;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A real PostgreSQL on loopback that a discovery contribution of the tests puts in the Cloud
 * Explorer (as an engine's bundle would), opened as {@code ada} through the desktop's own
 * {@link DatabaseService}, for tests that run statements without the SQL editor. Its TLS
 * certificate comes from the tests' authority, which the connectors trust meanwhile (as an
 * operator would set it); closing puts their settings back.
 */
final class LocalPostgres implements AutoCloseable {

    private static final String REGION = "eu-west-1";
    private static final String NAME = "grid-pg";
    private static final CloudService SERVICE = new CloudService("LOCAL-GRID", "Result Grid Test Databases", List.of(), 910);
    private static final Duration OPENING = Duration.ofSeconds(60);

    private final PostgresServer postgres;
    private final String database;
    private final ServiceRegistration<Discovery> discovery;
    private final ServiceTracker<DatabaseService, DatabaseService> databases;
    private final Configuration connectSettings;
    private final Dictionary<String, Object> connectBefore;
    private UserSession session;
    private OpenDatabase opened;

    private LocalPostgres(PostgresServer postgres, String database, ServiceRegistration<Discovery> discovery,
            ServiceTracker<DatabaseService, DatabaseService> databases, Configuration connectSettings)
            throws IOException {
        this.postgres = postgres;
        this.database = database;
        this.discovery = discovery;
        this.databases = databases;
        this.connectSettings = connectSettings;
        this.connectBefore = connectSettings.getProperties();
    }

    /** Starts the server, fills a database of it with {@code fixture}, signs ada in and opens it. */
    static LocalPostgres start(CurrentSession current, List<String> fixture) throws Exception {
        PostgresServer postgres = PostgresServer.start();
        LocalPostgres local;
        try {
            String database = postgres.createDatabase();
            try (Connection admin = postgres.connect(database); Statement sql = admin.createStatement()) {
                for (String statement : fixture) {
                    sql.execute(statement);
                }
            }
            BundleContext context = FrameworkUtil.getBundle(LocalPostgres.class).getBundleContext();
            ServiceTracker<DatabaseService, DatabaseService> databases = new ServiceTracker<>(context, DatabaseService.class, null);
            databases.open();
            ServiceReference<ConfigurationAdmin> configAdmin = context.getServiceReference(ConfigurationAdmin.class);
            local = new LocalPostgres(postgres, database, context.registerService(Discovery.class,
                    new InTheExplorer(postgres.port(), database), null), databases,
                    context.getService(configAdmin).getConfiguration(ConnectConfiguration.PID, "?"));
        } catch (Exception | Error e) {
            postgres.close();
            throw e;
        }
        try {
            local.trustTheTestAuthority();
            local.open(current);
            return local;
        } catch (Exception | Error e) {
            try {
                local.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private void trustTheTestAuthority() throws IOException, InterruptedException {
        Hashtable<String, Object> trusting = new Hashtable<>();
        if (connectBefore != null) {
            Collections.list(connectBefore.keys()).forEach(key -> trusting.put(key, connectBefore.get(key)));
        }
        trusting.put(ConnectConfiguration.TRUSTED_CERTIFICATES, TestCertificates.shared().authority().toString());
        connectSettings.update(trusting);
        DemoDesktop.awaitTrust(TestCertificates.shared().authority(), true);
    }

    /** Runs a statement on the open connection: its first page of at most {@code pageSize} rows. */
    ResultPage execute(String statement, int pageSize) {
        return databases().execute(session, opened.id(), statement, pageSize);
    }

    /** The next page of a statement, as an editor hands it to the result grid. */
    ResultPage nextPage(long statement, int pageSize) {
        return databases().nextPage(session, opened.id(), statement, pageSize);
    }

    private DatabaseService databases() {
        DatabaseService service = databases.getService();
        if (service == null) {
            throw new IllegalStateException("The database service is not running");
        }
        return service;
    }

    /** Signs ada in (setting the instance up if nobody has), in a session whose explorer sees the server, and opens it. */
    private void open(CurrentSession current) throws Exception {
        Seed.AccessKey ada = DemoDesktop.keyOf("ada");
        AwsCredentials keys = new AwsCredentials(ada.id(), Secret.of(ada.secret()), null);
        session = (current.instanceConfigured() ? current.signIn(keys) : current.setUp(keys))
                .get(OPENING.toSeconds(), TimeUnit.SECONDS).session();
        String resource = new ScanScope(session.identity().accountId(), session.identity().partition(), REGION)
                .arn("rds", "db:" + NAME);
        Instant deadline = Instant.now().plus(OPENING);
        while (true) {
            try {
                opened = databases().open(session, resource, postgres.user(), Optional.of(Secret.of(postgres.password())),
                        Optional.of(database));
                return;
            } catch (StratusException e) { // the explorer has not heard from the region yet, the connectors restart
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("The local PostgreSQL did not open through the database service", e);
                }
                Thread.sleep(200);
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (opened != null) {
                databases().close(session, opened.id());
            }
        } finally {
            discovery.unregister();
            databases.close();
            if (connectBefore == null) {
                connectSettings.delete();
            } else {
                connectSettings.update(connectBefore);
            }
            DemoDesktop.awaitTrust(TestCertificates.shared().authority(), false);
            postgres.close();
        }
    }

    /** The server as an RDS instance of the signed-in person's account, in one region. */
    private record InTheExplorer(int port, String database) implements Discovery {

        @Override
        public CloudService service() {
            return SERVICE;
        }

        @Override
        public Found scan(Scan scan, ScanScope scope) {
            if (!scope.region().equals(REGION)) {
                return Found.all(List.of());
            }
            return Found.all(List.of(new CloudResource(scope.arn("rds", "db:" + NAME), SERVICE, REGION, NAME, "instance",
                    "postgres", "", "available", Optional.of(new CloudResource.Endpoint("127.0.0.1", port)),
                    Optional.of(database), false, false, Map.of(), Map.of(), List.of())));
        }
    }
}
