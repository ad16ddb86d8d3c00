package io.stratus.connect.internal;

import io.stratus.aws.AwsClients;
import io.stratus.connect.ConnectConfiguration;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.access.DatabaseAccess;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.LoginMethod;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseLink;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.database.AccessMode;
import io.stratus.core.database.CatalogEntry;
import io.stratus.core.database.CatalogPage;
import io.stratus.core.database.DatabaseSecret;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.Login;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.database.OpenDatabasesListener;
import io.stratus.core.database.ResultPage;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.AuditTrail;
import io.stratus.core.session.SessionListener;
import io.stratus.core.session.SignInService;
import io.stratus.core.session.UserSession;
import io.stratus.results.PageSizes;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each sign-in session's open databases apart: connections are found only under the session
 * that opened them, by an unguessable id, and all of a session's connections close when it ends.
 * Each opening and closing is told to the {@link OpenDatabasesListener}s.
 */
@Component(service = {DatabaseService.class, SessionListener.class}, configurationPid = ConnectConfiguration.PID)
public final class DatabaseConnections implements DatabaseService, SessionListener {

    @interface Config {
        /** Connections one sign-in session may hold open at once. */
        int maxConnectionsPerSession() default 8;

        /** The largest page of rows one call returns. */
        int maxPageRows() default PageSizes.MAX_ROWS;

        /** How long a closed connection waits to be opened again by its owner, in seconds; 0 keeps none. */
        long idleConnectionSeconds() default 300;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConnections.class);
    /** Closed connections one sign-in session keeps for reuse. */
    private static final int IDLE_PER_SESSION = 4;
    /** How often connections kept too long are closed, whoever's they are. */
    private static final long SWEEP_SECONDS = 30;

    private final CloudExplorer explorer;
    private final DatabaseAccess access;
    private final AuditTrail audit;
    private final SignInService sessions;
    private final AwsClients aws;
    private final SecretLogins secretLogins;
    private final int maxConnections;
    private final int maxPageRows;
    private final Clock clock = Clock.systemUTC();
    private final IdleConnections idle;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "stratus-idle-connections");
        thread.setDaemon(true);
        return thread;
    });
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE)
    private final List<DatabaseConnector> connectors = new CopyOnWriteArrayList<>();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE)
    private final List<OpenDatabasesListener> listeners = new CopyOnWriteArrayList<>();
    /** Sign-in session id to its connections by id. */
    private final Map<String, Map<String, Connection>> open = new ConcurrentHashMap<>();

    @Activate
    public DatabaseConnections(@Reference CloudExplorer explorer, @Reference DatabaseAccess access, @Reference AuditTrail audit,
            @Reference SignInService sessions, @Reference AwsClients aws, Config config) {
        if (config.maxConnectionsPerSession() < 1 || config.maxPageRows() < 1) {
            throw new StratusException(Problem.INVALID_INPUT, "Settings maxConnectionsPerSession and maxPageRows of "
                    + "io.stratus.connect must be positive.");
        }
        this.explorer = explorer;
        this.access = access;
        this.audit = audit;
        this.sessions = sessions;
        this.aws = aws;
        this.secretLogins = new SecretLogins(aws);
        this.maxConnections = config.maxConnectionsPerSession();
        this.maxPageRows = config.maxPageRows();
        this.idle = new IdleConnections(Duration.ofSeconds(Math.max(0, config.idleConnectionSeconds())),
                config.idleConnectionSeconds() > 0 ? IDLE_PER_SESSION : 0, clock);
        sweeper.scheduleWithFixedDelay(idle::expireAll, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
        open.keySet().forEach(this::sessionEnded);
        idle.closeAll();
    }

    @Override
    public Set<String> engines() {
        return connectors.stream().flatMap(c -> c.engines().stream()).collect(Collectors.toSet());
    }

    @Override
    public OpenDatabase open(UserSession session, String resourceId, Login login, Optional<String> database) {
        session.require(Action.OPEN_DATABASE);
        ConnectionSpec discovered = explorer.connectionSpec(session, resourceId, Action.OPEN_DATABASE);
        AccessMode mode = access.modeFor(session, resourceId);
        ConnectionSpec spec = database.map(String::strip).filter(name -> !name.isEmpty()).map(discovered::withDatabase)
                .orElse(discovered);
        DatabaseConnector connector = connectors.stream().filter(c -> c.engines().contains(spec.engine())).findFirst()
                .orElseThrow(() -> new StratusException(Problem.INVALID_INPUT, "Stratus cannot open " + spec.engine()
                        + " databases yet; " + resourceId + " is one."));
        requireTaken(spec, login.method());
        DatabaseLogin resolved = resolve(session, connector, login);
        Map<String, Connection> mine = open.computeIfAbsent(session.id(), id -> new ConcurrentHashMap<>());
        if (mine.size() >= maxConnections) {
            throw new StratusException(Problem.CONFLICT, "You have " + mine.size() + " databases open, the most one "
                    + "session may. Close one, then open this one.");
        }
        IdleConnections.Key key = new IdleConnections.Key(resourceId, spec.database(), resolved.loginName(), mode,
                idle.login(login));
        String opening = resourceId + " as " + resolved.loginName() + (resolved.usesIam() ? " (IAM)" : "")
                + (resolved.usesAwsIdentity() ? " (AWS identity)" : "")
                + (resolved.usesIssuedCredentials() ? " (credentials from AWS)" : "")
                + (mode == AccessMode.READ_ONLY ? ", read-only" : "");
        DatabaseLink db;
        try {
            db = idle.take(session.id(), key).orElseGet(() -> connector.open(spec, resolved, mode));
        } catch (StratusException e) {
            audit.record(session.principalId(), "open-database", e.problem().name().toLowerCase(Locale.ROOT), opening);
            throw e;
        }
        audit.record(session.principalId(), "open-database", "success", opening);
        OpenDatabase described = new OpenDatabase(UUID.randomUUID().toString(), resourceId, spec.engine(), spec.database(),
                resolved.loginName(), login, mode, clock.instant());
        Connection connection = new Connection(described, key, db);
        mine.put(described.id(), connection);
        if (sessions.find(session.id()).isEmpty()) { // the session ended while this connection was opened
            mine.remove(described.id());
            connection.close();
            throw new StratusException(Problem.NOT_SIGNED_IN, "Your session has ended. Sign in again.");
        }
        tell(listener -> listener.opened(session.id(), described));
        return described;
    }

    @Override
    public List<DatabaseSecret> secrets(UserSession session, String resourceId) {
        session.require(Action.OPEN_DATABASE);
        ConnectionSpec spec = explorer.connectionSpec(session, resourceId, Action.OPEN_DATABASE);
        access.modeFor(session, resourceId); // the Administrator's limits apply to choosing as to opening
        return secretLogins.secretsFor(session.awsKeys(), spec);
    }

    /** The session's open databases that its roles still allow as they were opened; the others are closed. */
    @Override
    public List<OpenDatabase> list(UserSession session) {
        session.require(Action.USE_OPEN_DATABASES);
        return open.getOrDefault(session.id(), Map.of()).values().stream()
                .filter(connection -> outgrownBy(session, connection).isEmpty()).map(Connection::described)
                .sorted(Comparator.comparing(OpenDatabase::openedAt)).toList();
    }

    @Override
    public void test(UserSession session, String connectionId) {
        connection(session, connectionId).test();
    }

    @Override
    public CatalogPage browse(UserSession session, String connectionId, List<String> path, int offset, int limit) {
        if (offset < 0) {
            throw new StratusException(Problem.INVALID_INPUT, "A catalog page starts at item 0 or later, not " + offset + ".");
        }
        int size = pageSize(limit);
        List<CatalogEntry> items = connection(session, connectionId).browse(path);
        int from = Math.min(offset, items.size());
        int to = (int) Math.min((long) from + size, items.size());
        return new CatalogPage(items.subList(from, to), to < items.size());
    }

    @Override
    public int largestPage() {
        return maxPageRows;
    }

    @Override
    public ResultPage execute(UserSession session, String connectionId, String statement, int pageSize) {
        return connection(session, connectionId).execute(statement, pageSize(pageSize));
    }

    @Override
    public ResultPage nextPage(UserSession session, String connectionId, long statement, int pageSize) {
        return connection(session, connectionId).nextPage(statement, pageSize(pageSize));
    }

    @Override
    public void autoCommit(UserSession session, String connectionId, boolean on) {
        connection(session, connectionId).autoCommit(on);
    }

    @Override
    public void commit(UserSession session, String connectionId) {
        connection(session, connectionId).commit();
    }

    @Override
    public void rollback(UserSession session, String connectionId) {
        connection(session, connectionId).rollback();
    }

    @Override
    public void cancel(UserSession session, String connectionId) {
        connection(session, connectionId).cancel();
    }

    @Override
    public void close(UserSession session, String connectionId) {
        session.require(Action.USE_OPEN_DATABASES);
        Map<String, Connection> mine = open.get(session.id());
        Connection connection = mine == null ? null : mine.remove(connectionId);
        if (connection == null) {
            throw notOpen(connectionId);
        }
        connection.release().ifPresentOrElse(released -> idle.park(session.id(), connection.key(), released),
                connection::close);
        tell(listener -> listener.closed(session.id(), connectionId));
        if (sessions.find(session.id()).isEmpty()) { // the session ended meanwhile: nothing may stay kept for it
            idle.closeAll(session.id());
        }
    }

    @Override
    public void sessionEnded(String sessionId) {
        Map<String, Connection> connections = open.remove(sessionId);
        if (connections != null) {
            connections.values().forEach(Connection::close);
            connections.keySet().forEach(id -> tell(listener -> listener.closed(sessionId, id)));
        }
        idle.closeAll(sessionId);
    }

    private Connection connection(UserSession session, String connectionId) {
        session.require(Action.USE_OPEN_DATABASES);
        Connection connection = open.getOrDefault(session.id(), Map.of()).get(connectionId);
        if (connection == null) {
            throw notOpen(connectionId);
        }
        Optional<StratusException> outgrown = outgrownBy(session, connection);
        if (outgrown.isPresent()) {
            throw outgrown.get();
        }
        return connection;
    }

    /**
     * Roles and database limits apply to open connections at once: a connection its owner's roles
     * no longer let them open, or that can write where they may now only read, is closed (a writing
     * connection cannot be made safe for a reader in place), and the reason returned for its owner.
     */
    private Optional<StratusException> outgrownBy(UserSession session, Connection connection) {
        OpenDatabase opened = connection.described();
        String reason;
        try {
            AccessMode now = access.modeFor(session, opened.resourceId());
            if (now == opened.mode() || now == AccessMode.READ_WRITE) {
                return Optional.empty();
            }
            reason = "Your Stratus roles changed: they now let you read " + opened.resourceId() + ", not change it. "
                    + "Stratus closed this connection, which could write; open the database again to read it.";
        } catch (StratusException forbidden) {
            reason = forbidden.getMessage() + " Your roles changed since you opened it, so Stratus closed it.";
        }
        Map<String, Connection> mine = open.get(session.id());
        if (mine != null && mine.remove(opened.id(), connection)) {
            connection.close();
            audit.record(session.principalId(), "close-database", "roles-changed", opened.resourceId() + " as "
                    + opened.username() + (opened.mode() == AccessMode.READ_ONLY ? ", read-only" : ""));
            tell(listener -> listener.closed(session.id(), opened.id()));
        }
        return Optional.of(new StratusException(Problem.FORBIDDEN, reason));
    }

    /**
     * The engine's declared logins decide which the person may use; an IAM token besides needs IAM
     * database authentication enabled on the database itself.
     */
    private void requireTaken(ConnectionSpec spec, LoginMethod method) {
        DatabaseEngine engine = explorer.engines().stream().filter(e -> e.id().equals(spec.engine())).findFirst()
                .orElseThrow(() -> new StratusException(Problem.INVALID_INPUT, "No installed bundle describes the "
                        + spec.engine() + " engine, so Stratus does not know how its databases log in."));
        Set<LoginMethod> taken = engine.defaults().logins();
        if (!taken.contains(method)) {
            throw new StratusException(Problem.INVALID_INPUT, engine.name() + " databases are not opened with "
                    + method.description() + ": log in with " + taken.stream().map(LoginMethod::description)
                            .collect(Collectors.joining(", or ")) + ".");
        }
        if (method == LoginMethod.IAM_TOKEN && !spec.iamAuthentication()) {
            throw new StratusException(Problem.INVALID_INPUT, "IAM database authentication is not enabled on "
                    + spec.resourceId() + ", so it needs a password. Give the password, or enable IAM database"
                    + " authentication on the database in AWS and refresh the explorer.");
        }
    }

    /**
     * What the connector logs in with: whatever AWS signs, holds or issues is asked for with the
     * person's own keys, lent from the vault at the moment a physical connection logs in; credentials
     * of an engine's own AWS API come from its connector.
     */
    private DatabaseLogin resolve(UserSession session, DatabaseConnector connector, Login login) {
        return switch (login) {
            case Login.Password(String user, Optional<Secret> password) -> DatabaseLogin.withPassword(user,
                    password.orElseThrow(() -> new StratusException(Problem.INVALID_INPUT, "Give the database password of "
                            + user + ".")));
            case Login.IamToken(String user) -> DatabaseLogin.withIam(user, (spec, name) -> aws.iamToken(session.awsKeys(),
                    spec.region(), connector.iamToken(spec, name), clock.instant()));
            case Login.SecretsManager(String arn) -> secretLogins.login(session::awsKeys, arn);
            case Login.IssuedForIdentity issued -> DatabaseLogin.withIssuedCredentials(session.identity().arn(),
                    connector.issuer(issued, session::awsKeys));
            case Login.IssuedForUser issued -> DatabaseLogin.withIssuedCredentials(issued.username(),
                    connector.issuer(issued, session::awsKeys));
            case Login.AwsIdentity identity -> DatabaseLogin.withAwsIdentity(session.identity().arn(), session.awsKeys());
        };
    }

    /** A listener that fails is logged and skipped: the change it hears of has happened. */
    private void tell(Consumer<OpenDatabasesListener> news) {
        for (OpenDatabasesListener listener : listeners) {
            try {
                news.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("{} failed to follow a change of open databases", listener.getClass().getName(), e);
            }
        }
    }

    private int pageSize(int requested) {
        if (requested < 1 || requested > maxPageRows) {
            throw new StratusException(Problem.INVALID_INPUT, "A page holds 1 to " + maxPageRows + " rows, not "
                    + requested + ".");
        }
        return requested;
    }

    private static StratusException notOpen(String connectionId) {
        return new StratusException(Problem.NOT_FOUND, "No open database " + connectionId + " in your session: it was "
                + "closed, or your session ended. Open it again.");
    }
}
