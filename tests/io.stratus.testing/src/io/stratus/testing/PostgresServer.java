package io.stratus.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests: a new cluster in a temporary directory, password
 * authentication (SCRAM for passwords stored so, as all are by default; MD5 for one stored as MD5,
 * which the Redshift driver needs), TLS with the {@link TestCertificates}, listening on a free loopback port only; {@link #close()} stops it and
 * removes the directory. It needs Debian's server binaries ({@code apt-get install postgresql}).
 * initdb refuses to run as root, so under root (as in CI) the server runs as the unprivileged
 * user {@code postgres} (or {@code nobody}) through {@code runuser}.
 */
public final class PostgresServer implements DatabaseServer {

    public static final String USER = "stratus";
    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path root;
    private final List<String> runAs;
    private final UserPrincipal runAsUser;
    private final int port;
    private final String password = UUID.randomUUID().toString();
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path root, UserPrincipal runAsUser, int port) {
        this.bin = bin;
        this.root = root;
        this.runAsUser = runAsUser;
        this.runAs = runAsUser == null ? List.of() : List.of("runuser", "-u", runAsUser.getName(), "--");
        this.port = port;
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path root = Files.createTempDirectory("stratus-postgres-");
        UserPrincipal runAsUser = null;
        if (LocalServers.isRoot()) {
            runAsUser = LocalServers.unprivilegedUser("postgres", "nobody");
            Files.setOwner(root, runAsUser);
        }
        PostgresServer server = new PostgresServer(bin, root, runAsUser, LocalServers.freeLoopbackPort());
        try {
            server.initAndStart();
        } catch (IOException | RuntimeException e) {
            LocalServers.removeTree(root);
            throw e;
        }
        return server;
    }

    /** A new, empty database of this server; returns its name. */
    @Override
    public String createDatabase() throws SQLException {
        String name = "db_" + databases.incrementAndGet();
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public int port() {
        return port;
    }

    /** A connection as the cluster's superuser, with auto-commit on. */
    @Override
    public Connection connect(String database) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("password", password);
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl(database), login);
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver does not take " + jdbcUrl(database));
        }
        return connection;
    }

    /**
     * Logs {@code user} in by an LDAP simple bind as {@code cn=USER,dc=rds} with the password the
     * client sent, to the LDAP server at {@code 127.0.0.1:ldapPort} and over TLS only, instead of
     * by a password this server keeps: that LDAP server decides, as RDS's own check of an IAM
     * database authentication token does. The user must exist.
     */
    public void authenticateByLdap(String user, int ldapPort) throws IOException, SQLException {
        Path rules = root.resolve("data").resolve("pg_hba.conf");
        Files.writeString(rules, "hostssl all " + user + " 127.0.0.1/32 ldap ldapserver=127.0.0.1 ldapport=" + ldapPort
                + " ldapprefix=\"cn=\" ldapsuffix=\",dc=rds\"\n" + Files.readString(rules)); // the first line that matches counts
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
        }
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
            run("stop the test PostgreSQL", pgCtl("-m", "fast", "stop"));
        } finally {
            LocalServers.removeTree(root);
        }
    }

    private void initAndStart() throws IOException, InterruptedException {
        Path passwordFile = root.resolve("password");
        Files.writeString(passwordFile, password);
        if (runAsUser != null) {
            Files.setOwner(passwordFile, runAsUser);
        }
        run("create the cluster of the test PostgreSQL", command(bin.resolve("initdb").toString(), "-D", root.resolve("data").toString(),
                "-U", USER, "--pwfile=" + passwordFile, "--auth=md5", "--encoding=UTF8", "--locale=C",
                "--no-sync", "--no-instructions"));
        List<Path> tls = TestCertificates.shared().installServerIdentity(root, runAsUser);
        // fsync off: the tests kill clients, never this server, so durability on power loss does not matter here.
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + root
                + " -c fsync=off -c ssl=on -c ssl_cert_file=" + tls.get(0) + " -c ssl_key_file=" + tls.get(1);
        run("start the test PostgreSQL", pgCtl("-l", root.resolve("server.log").toString(), "-t", "60", "-o", options, "start"));
    }

    private void run(String what, List<String> command) throws IOException, InterruptedException {
        LocalServers.run(what, command, root.resolve("server.log"));
    }

    private List<String> pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", root.resolve("data").toString(), "-w"));
        command.addAll(List.of(arguments));
        return command(command.toArray(String[]::new));
    }

    private List<String> command(String... command) {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(List.of(command));
        return full;
    }

    /** The newest installed server version's bin folder. */
    private static Path binaries() throws IOException {
        Optional<Path> newest = Optional.empty();
        if (Files.isDirectory(INSTALLATIONS)) {
            try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
                newest = versions.filter(version -> version.getFileName().toString().matches("\\d+"))
                        .filter(version -> Files.isExecutable(version.resolve("bin/initdb"))
                                && Files.isExecutable(version.resolve("bin/pg_ctl")))
                        .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                        .map(version -> version.resolve("bin"));
            }
        }
        return newest.orElseThrow(() -> new IllegalStateException("These tests need a PostgreSQL server, and none is"
                + " installed (no initdb and pg_ctl under " + INSTALLATIONS + "/<version>/bin)."
                + " Install it with: apt-get install postgresql"));
    }

}
