package io.stratus.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real MariaDB server for the tests: a new data directory in a temporary folder, listening on a
 * free loopback port only, TLS with the {@link TestCertificates}, with a user {@value #USER} that logs in with a password over TCP;
 * {@link #close()} stops it and removes the folder. It needs Debian's server
 * ({@code apt-get install mariadb-server}). Under root (as in CI) mariadbd drops to the
 * unprivileged user {@code mysql} (or {@code nobody}) itself.
 */
public final class MariaDbServer implements DatabaseServer {

    public static final String USER = "stratus";
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    private static final long START_SECONDS = 60;

    private final Path root;
    private final UserPrincipal runAsUser;
    private final List<String> asUser;
    private final int port;
    private final String password = UUID.randomUUID().toString();
    private final AtomicInteger databases = new AtomicInteger();
    private Process server;

    private MariaDbServer(Path root, UserPrincipal runAsUser, int port) {
        this.root = root;
        this.runAsUser = runAsUser;
        this.asUser = runAsUser == null ? List.of() : List.of("--user=" + runAsUser.getName());
        this.port = port;
    }

    public static MariaDbServer start() throws IOException, InterruptedException, SQLException {
        if (!Files.isExecutable(SERVER) || !Files.isExecutable(INSTALL_DB)) {
            throw new IllegalStateException("These tests need a MariaDB server, and none is installed (no " + SERVER
                    + "). Install it with: apt-get install mariadb-server");
        }
        Path root = Files.createTempDirectory("stratus-mariadb-");
        UserPrincipal runAsUser = null;
        if (LocalServers.isRoot()) {
            runAsUser = LocalServers.unprivilegedUser("mysql", "nobody");
            Files.setOwner(root, runAsUser);
        }
        MariaDbServer server = new MariaDbServer(root, runAsUser, LocalServers.freeLoopbackPort());
        try {
            server.initAndStart();
        } catch (IOException | SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A new, empty database; returns its name. */
    @Override
    public String createDatabase() throws SQLException {
        String name = "db_" + databases.incrementAndGet();
        try (Connection connection = connect(USER, password, ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    /** A connection as {@value #USER}, who may do everything, with auto-commit on. */
    @Override
    public Connection connect(String database) throws SQLException {
        return connect(USER, password, database);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (server != null) {
                server.destroy(); // SIGTERM: mariadbd shuts down cleanly
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        } finally {
            LocalServers.removeTree(root);
        }
    }

    private void initAndStart() throws IOException, InterruptedException, SQLException {
        Path data = root.resolve("data");
        Path log = root.resolve("server.log");
        List<String> install = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        install.addAll(asUser);
        LocalServers.run("create the data directory of the test MariaDB", install, log);
        List<Path> tls = TestCertificates.shared().installServerIdentity(root, runAsUser);
        List<String> start = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults", "--datadir=" + data,
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + root.resolve("mariadb.sock"),
                "--pid-file=" + root.resolve("mariadb.pid"), "--log-error=" + log, "--skip-name-resolve",
                "--innodb-buffer-pool-size=32M", "--innodb-flush-log-at-trx-commit=0",
                "--ssl-cert=" + tls.get(0), "--ssl-key=" + tls.get(1)));
        start.addAll(asUser);
        server = new ProcessBuilder(start).redirectErrorStream(true).redirectOutput(root.resolve("stdout.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (true) {
            try (Connection admin = connect("root", "", ""); Statement statement = admin.createStatement()) {
                statement.execute("CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + password + "'");
                statement.execute("GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%' WITH GRANT OPTION");
                return;
            } catch (SQLException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("The test MariaDB did not start:\n"
                            + (Files.exists(log) ? Files.readString(log) : "(no log)"), notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    private Connection connect(String user, String secret, String database) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", secret);
        return new org.mariadb.jdbc.Driver().connect("jdbc:mariadb://127.0.0.1:" + port + "/" + database, login);
    }
}
