package io.stratus.ui.tests;

import io.stratus.aws.AwsConfiguration;
import io.stratus.aws.simulator.AwsSimulator;
import io.stratus.aws.simulator.seed.Seed;
import io.stratus.connect.ConnectConfiguration;
import io.stratus.core.connector.DatabaseTrust;
import io.stratus.core.database.DatabaseService;
import io.stratus.testing.PostgresServer;
import io.stratus.testing.TestCertificates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.Platform;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The demo account with its RDS instance {@code orders} played by a real PostgreSQL on loopback,
 * speaking TLS with a certificate of the test authority: a simulator of its own on a copy of the demo
 * seed whose {@code orders} has that server's address, port and database (as README's demo section
 * says), with the desktop's AWS services pointed at it and its connections trusting the test
 * authority. Moving the services ends the session: sign in again. Closing puts the desktop's
 * configuration back and stops both servers.
 */
final class LocalOrdersDatabase implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    /** Where the demo seed describes orders' database, which gains an address and port. */
    private static final String ORDERS_DATABASE = "\"dbName\": \"orders\", \"iamAuthentication\": true";

    final PostgresServer postgres;
    final String database;
    private final AwsSimulator simulator;
    private final ConfigurationAdmin configurations;
    private final Dictionary<String, Object> awsBefore;
    private final Dictionary<String, Object> connectBefore;

    private LocalOrdersDatabase(PostgresServer postgres, String database, AwsSimulator simulator,
            ConfigurationAdmin configurations, Dictionary<String, Object> awsBefore, Dictionary<String, Object> connectBefore) {
        this.postgres = postgres;
        this.database = database;
        this.simulator = simulator;
        this.configurations = configurations;
        this.awsBefore = awsBefore;
        this.connectBefore = connectBefore;
    }

    /**
     * Starts it, runs {@code fixture} in the new database, points the desktop's services at it and
     * waits until the restarted database service opens PostgreSQL trusting the test authority.
     */
    static LocalOrdersDatabase start(BundleContext services, List<String> fixture) throws Exception {
        ConfigurationAdmin configurations = current(services, ConfigurationAdmin.class).orElseThrow();
        PostgresServer postgres = PostgresServer.start();
        String database = postgres.createDatabase();
        try (Connection admin = postgres.connect(database); Statement sql = admin.createStatement()) {
            for (String statement : fixture) {
                sql.execute(statement);
            }
        }
        String demo;
        try (InputStream json = Platform.getBundle("io.stratus.aws.simulator").getEntry("seeds/demo.json").openStream()) {
            demo = new String(json.readAllBytes(), StandardCharsets.UTF_8);
        }
        String local = demo.replace(ORDERS_DATABASE, "\"address\": \"127.0.0.1\", \"port\": " + postgres.port()
                + ", \"dbName\": \"" + database + "\", \"iamAuthentication\": true");
        if (local.equals(demo)) {
            throw new IllegalStateException("The demo seed no longer describes orders as " + ORDERS_DATABASE);
        }
        AwsSimulator simulator = AwsSimulator.start(Seed.fromJson(new ByteArrayInputStream(local.getBytes(StandardCharsets.UTF_8))));
        Dictionary<String, Object> awsBefore = properties(configurations, AwsConfiguration.PID);
        Dictionary<String, Object> connectBefore = properties(configurations, ConnectConfiguration.PID);
        update(configurations, AwsConfiguration.PID, awsBefore, AwsConfiguration.ENDPOINT, simulator.endpoint().toString());
        String authority = TestCertificates.shared().authority().toString();
        update(configurations, ConnectConfiguration.PID, connectBefore, ConnectConfiguration.TRUSTED_CERTIFICATES, authority);
        LocalOrdersDatabase started = new LocalOrdersDatabase(postgres, database, simulator, configurations, awsBefore,
                connectBefore);
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (!opensPostgresTrusting(services, authority)) {
            if (Instant.now().isAfter(deadline)) {
                started.close();
                throw new IllegalStateException("The desktop's database service did not come back trusting " + authority);
            }
            Thread.sleep(100);
        }
        return started;
    }

    /** Whether the database service (restarted by the new settings) has its PostgreSQL connector and the test authority. */
    private static boolean opensPostgresTrusting(BundleContext services, String authority) {
        try {
            return current(services, DatabaseService.class).map(databases -> databases.engines().contains("postgres"))
                    .orElse(false) && current(services, DatabaseTrust.class)
                            .map(trust -> readable(trust.certificateAuthorities()).contains(authority)).orElse(false);
        } catch (RuntimeException restarting) {
            return false;
        }
    }

    private static String readable(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException notYet) {
            return "";
        }
    }

    private static <T> Optional<T> current(BundleContext services, Class<T> type) {
        return Optional.ofNullable(services.getServiceReference(type)).map(services::getService);
    }

    private static Dictionary<String, Object> properties(ConfigurationAdmin configurations, String pid) throws IOException {
        return configurations.getConfiguration(pid, "?").getProperties();
    }

    private static void update(ConfigurationAdmin configurations, String pid, Dictionary<String, Object> before, String key,
            Object value) throws IOException {
        Hashtable<String, Object> next = new Hashtable<>();
        if (before != null) {
            Collections.list(before.keys()).forEach(name -> next.put(name, before.get(name)));
        }
        next.put(key, value);
        configurations.getConfiguration(pid, "?").update(next);
    }

    @Override
    public void close() throws Exception {
        try {
            restore(AwsConfiguration.PID, awsBefore);
            restore(ConnectConfiguration.PID, connectBefore);
        } finally {
            simulator.close();
            postgres.close();
        }
    }

    private void restore(String pid, Dictionary<String, Object> before) throws IOException {
        Configuration configuration = configurations.getConfiguration(pid, "?");
        if (before == null) {
            configuration.delete();
        } else {
            configuration.update(before);
        }
    }
}
