package io.stratus.store.internal;

import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;
import io.stratus.core.identity.PrincipalType;
import io.stratus.core.store.IdentityReader;
import io.stratus.core.store.InstanceBinding;
import io.stratus.core.store.StoredUser;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Identity and roles as a transaction reads them. */
class JdbcIdentity implements IdentityReader {

    private static final String SELECT_USERS =
            "SELECT principal_id, arn, display_name, principal_type, first_sign_in, last_sign_in FROM users";
    /** Sorted here rather than in SQL, so H2 and PostgreSQL (whose collation varies) agree. */
    private static final Comparator<StoredUser> BY_NAME = Comparator
            .comparing(StoredUser::displayName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(StoredUser::displayName)
            .thenComparing(StoredUser::principalId);

    final JdbcTransaction sql;

    JdbcIdentity(JdbcTransaction sql) {
        this.sql = sql;
    }

    @Override
    public Optional<InstanceBinding> binding() {
        return sql.first("read the instance binding", row -> new InstanceBinding(row.getString(1), row.getString(2),
                row.getString(3), JdbcTransaction.instant(row, 4)),
                "SELECT account_id, aws_partition, bound_by, bound_at FROM instance_binding WHERE id = 1");
    }

    @Override
    public Optional<StoredUser> user(String principalId) {
        return sql.first("read a user", JdbcIdentity::user, SELECT_USERS + " WHERE principal_id = ?", principalId);
    }

    @Override
    public List<StoredUser> users() {
        return sql.query("read the users", JdbcIdentity::user, SELECT_USERS).stream().sorted(BY_NAME).toList();
    }

    @Override
    public Set<String> grantsOf(String principalId) {
        return Set.copyOf(sql.query("read role grants", row -> row.getString(1),
                "SELECT role_id FROM role_grants WHERE principal_id = ?", principalId));
    }

    @Override
    public int holdersOf(String roleId) {
        return sql.first("count role holders", row -> row.getInt(1),
                "SELECT COUNT(*) FROM role_grants WHERE role_id = ?", roleId).orElseThrow();
    }

    @Override
    public List<Role> customRoles() {
        record Line(String id, String name, String permission) {
        }
        Map<String, String> names = new TreeMap<>(); // ids are ASCII: code point order is the same everywhere
        Map<String, Set<Permission>> permissions = new TreeMap<>();
        for (Line line : sql.query("read the custom roles", row -> new Line(row.getString(1), row.getString(2),
                row.getString(3)), "SELECT r.role_id, r.name, p.permission FROM custom_roles r"
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
    public Map<String, List<String>> databaseLimits() {
        record Limit(String roleId, String pattern) {
        }
        return sql.query("read the database limits of roles", row -> new Limit(row.getString(1), row.getString(2)),
                "SELECT role_id, resource_pattern FROM role_database_limits").stream()
                .collect(Collectors.groupingBy(Limit::roleId, TreeMap::new,
                        Collectors.mapping(Limit::pattern, Collectors.collectingAndThen(Collectors.toList(),
                                patterns -> patterns.stream().sorted().toList()))));
    }

    @Override
    public Optional<String> setting(String key) {
        return sql.first("read a setting", row -> row.getString(1),
                "SELECT setting_value FROM settings WHERE setting_key = ?", key);
    }

    private static StoredUser user(ResultSet row) throws SQLException {
        return new StoredUser(row.getString(1), row.getString(2), row.getString(3),
                PrincipalType.valueOf(row.getString(4)), JdbcTransaction.instant(row, 5), JdbcTransaction.instant(row, 6));
    }
}
