package io.stratus.store.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;
import io.stratus.core.database.SavedConnection;
import io.stratus.core.identity.PrincipalType;
import io.stratus.store.AuditEntry;
import io.stratus.store.InstanceBinding;
import io.stratus.store.StoreReader;
import io.stratus.store.StoredUser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a transaction reads, over the one connection the transaction holds; usable only while it runs. */
class JdbcReader implements StoreReader {

    private static final String SELECT_USERS =
            "SELECT principal_id, arn, display_name, principal_type, first_sign_in, last_sign_in FROM users";
    /** Sorted here rather than in SQL, so H2 and PostgreSQL (whose collation varies) agree. */
    private static final Comparator<StoredUser> BY_NAME = Comparator
            .comparing(StoredUser::displayName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(StoredUser::displayName)
            .thenComparing(StoredUser::principalId);

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet result) throws SQLException;
    }

    final Database database;
    final Connection connection;
    private boolean open = true;

    JdbcReader(Connection connection, Database database) {
        this.connection = connection;
        this.database = database;
    }

    /** Starts the transaction: a reader sees one snapshot of the store throughout. */
    void begin() {
        try {
            connection.setReadOnly(true);
            connection.setTransactionIsolation(database.snapshotIsolation());
        } catch (SQLException e) {
            throw database.failed("start a transaction", e);
        }
    }

    /** Called when the transaction ends: a reader kept beyond it must not reach the next transaction's connection. */
    final void end() {
        open = false;
    }

    @Override
    public Optional<InstanceBinding> binding() {
        return first("read the instance binding",
                row -> new InstanceBinding(row.getString(1), row.getString(2), row.getString(3), instant(row, 4)),
                "SELECT account_id, aws_partition, bound_by, bound_at FROM instance_binding WHERE id = 1");
    }

    @Override
    public Optional<StoredUser> user(String principalId) {
        return first("read a user", JdbcReader::user, SELECT_USERS + " WHERE principal_id = ?", principalId);
    }

    @Override
    public List<StoredUser> users() {
        return query("read the users", JdbcReader::user, SELECT_USERS).stream().sorted(BY_NAME).toList();
    }

    @Override
    public Set<String> grantsOf(String principalId) {
        return Set.copyOf(query("read role grants", row -> row.getString(1),
                "SELECT role_id FROM role_grants WHERE principal_id = ?", principalId));
    }

    @Override
    public int holdersOf(String roleId) {
        return first("count role holders", row -> row.getInt(1),
                "SELECT COUNT(*) FROM role_grants WHERE role_id = ?", roleId).orElseThrow();
    }

    @Override
    public Map<String, List<String>> databaseLimits() {
        record Limit(String roleId, String pattern) {
        }
        return query("read the database limits of roles", row -> new Limit(row.getString(1), row.getString(2)),
                "SELECT role_id, resource_pattern FROM role_database_limits").stream()
                .collect(Collectors.groupingBy(Limit::roleId, TreeMap::new,
                        Collectors.mapping(Limit::pattern, Collectors.collectingAndThen(Collectors.toList(),
                                patterns -> patterns.stream().sorted().toList()))));
    }

    @Override
    public List<SavedConnection> savedConnections(String principalId) {
        return query("read saved connections", row -> new SavedConnection(row.getString(1), row.getString(2), row.getString(3),
                row.getString(4), Optional.ofNullable(row.getString(5)), row.getBoolean(6)),
                "SELECT connection_id, name, resource_id, username, database_name, iam_auth FROM saved_connections"
                        + " WHERE principal_id = ?", principalId)
                .stream().sorted(Comparator.comparing(SavedConnection::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(SavedConnection::name)).toList();
    }

    @Override
    public List<Role> customRoles() {
        record Line(String id, String name, String permission) {
        }
        Map<String, String> names = new TreeMap<>(); // ids are ASCII: code point order is the same everywhere
        Map<String, Set<Permission>> permissions = new TreeMap<>();
        for (Line line : query("read the custom roles", row -> new Line(row.getString(1), row.getString(2), row.getString(3)),
                "SELECT r.role_id, r.name, p.permission FROM custom_roles r"
                        + " LEFT JOIN custom_role_permissions p ON p.role_id = r.role_id")) {
            names.put(line.id(), line.name());
            Set<Permission> granted = permissions.computeIfAbsent(line.id(), id -> EnumSet.noneOf(Permission.class));
            if (line.permission() != null) {
                granted.add(Permission.fromId(line.permission()));
            }
        }
        return names.entrySet().stream()
                .map(role -> Role.custom(role.getKey(), role.getValue(), permissions.get(role.getKey())))
                .toList();
    }

    @Override
    public Optional<String> setting(String key) {
        return first("read a setting", row -> row.getString(1),
                "SELECT setting_value FROM settings WHERE setting_key = ?", key);
    }

    @Override
    public List<AuditEntry> audit(int limit) {
        if (limit < 1) {
            throw new StratusException(Problem.INVALID_INPUT, "Ask for at least one audit entry, not " + limit + ".");
        }
        return query(limit, "read the audit trail",
                row -> new AuditEntry(instant(row, 1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)),
                "SELECT occurred_at, actor, action, outcome, detail FROM audit_log ORDER BY seq DESC");
    }

    /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
    final int update(String what, String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw database.failed(what, e);
        }
    }

    final <T> Optional<T> first(String what, Row<T> row, String sql, Object... parameters) {
        return query(1, what, row, sql, parameters).stream().findFirst();
    }

    final <T> List<T> query(String what, Row<T> row, String sql, Object... parameters) {
        return query(0, what, row, sql, parameters);
    }

    /** {@code maxRows} 0 means all rows. */
    private <T> List<T> query(int maxRows, String what, Row<T> row, String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            statement.setMaxRows(maxRows);
            try (ResultSet result = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(row.read(result));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw database.failed(what, e);
        }
    }

    /** A statement with its parameters set; an {@link Instant} is stored as a timestamp with time zone. */
    final PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        if (!open) {
            throw new IllegalStateException("This store reader or writer belongs to a transaction that has ended.");
        }
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter == null) {
                    statement.setNull(i + 1, Types.VARCHAR); // only text columns are nullable
                } else if (parameter instanceof Instant instant) {
                    statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static StoredUser user(ResultSet row) throws SQLException {
        return new StoredUser(row.getString(1), row.getString(2), row.getString(3),
                PrincipalType.valueOf(row.getString(4)), instant(row, 5), instant(row, 6));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
