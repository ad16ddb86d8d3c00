package io.stratus.store.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;
import io.stratus.core.store.IdentityWriter;
import io.stratus.core.store.InstanceBinding;
import io.stratus.core.store.StoredUser;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** What a write transaction changes in identity and roles. */
final class JdbcIdentityWriter extends JdbcIdentity implements IdentityWriter {

    private static final String UNIQUE_VIOLATION = "23505"; // the same SQLState in H2 and PostgreSQL
    private static final int MAX_SETTING_KEY = 200;

    JdbcIdentityWriter(JdbcTransaction sql) {
        super(sql);
    }

    @Override
    public void bind(InstanceBinding binding) {
        // Checked first so that a caller who catches the conflict keeps a usable transaction
        // (PostgreSQL aborts a transaction after any failed statement).
        if (binding().isPresent()) {
            throw alreadyConfigured(null);
        }
        try (PreparedStatement insert = sql.prepare(
                "INSERT INTO instance_binding (id, account_id, aws_partition, bound_by, bound_at) VALUES (1, ?, ?, ?, ?)",
                binding.accountId(), binding.partition(), binding.boundByPrincipalId(), binding.boundAt())) {
            insert.executeUpdate();
        } catch (SQLException e) {
            // The single fixed key settles any race the write lock would not (another Stratus
            // version, a hand-made change): exactly one binding can ever commit.
            throw UNIQUE_VIOLATION.equals(e.getSQLState()) ? alreadyConfigured(e)
                    : sql.database.failed("bind the instance", e);
        }
    }

    @Override
    public void saveUser(StoredUser user) {
        int updated = sql.update("save a user", "UPDATE users SET arn = ?, display_name = ?, principal_type = ?,"
                + " last_sign_in = ? WHERE principal_id = ?", user.arn(), user.displayName(), user.type().name(),
                user.lastSignIn(), user.principalId());
        if (updated == 0) {
            sql.update("save a user", "INSERT INTO users (principal_id, arn, display_name, principal_type, first_sign_in,"
                    + " last_sign_in) VALUES (?, ?, ?, ?, ?, ?)", user.principalId(), user.arn(), user.displayName(),
                    user.type().name(), user.firstSignIn(), user.lastSignIn());
        }
    }

    @Override
    public void grant(String principalId, String roleId) {
        if (user(principalId).isEmpty()) {
            throw new StratusException(Problem.NOT_FOUND, "No Stratus user has the principal id '" + principalId
                    + "'. People can be given a role once they have signed in.");
        }
        if (!isBuiltIn(roleId) && sql.first("find a role", row -> true,
                "SELECT 1 FROM custom_roles WHERE role_id = ?", roleId).isEmpty()) {
            throw new StratusException(Problem.NOT_FOUND, "There is no role '" + roleId + "'.");
        }
        if (!grantsOf(principalId).contains(roleId)) {
            sql.update("grant a role", "INSERT INTO role_grants (principal_id, role_id) VALUES (?, ?)", principalId, roleId);
        }
    }

    @Override
    public void revoke(String principalId, String roleId) {
        sql.update("revoke a role", "DELETE FROM role_grants WHERE principal_id = ? AND role_id = ?", principalId, roleId);
    }

    @Override
    public void saveCustomRole(Role role) {
        if (role.builtIn() || isBuiltIn(role.id())) {
            throw new StratusException(Problem.INVALID_INPUT,
                    "'" + role.id() + "' is a built-in role; give the custom role another id.");
        }
        if (sql.update("save a custom role", "UPDATE custom_roles SET name = ? WHERE role_id = ?", role.name(),
                role.id()) == 0) {
            sql.update("save a custom role", "INSERT INTO custom_roles (role_id, name) VALUES (?, ?)", role.id(), role.name());
        }
        sql.update("save a custom role", "DELETE FROM custom_role_permissions WHERE role_id = ?", role.id());
        for (Permission permission : role.permissions()) {
            sql.update("save a custom role", "INSERT INTO custom_role_permissions (role_id, permission) VALUES (?, ?)",
                    role.id(), permission.id());
        }
    }

    @Override
    public void deleteCustomRole(String roleId) {
        if (isBuiltIn(roleId)) {
            throw new StratusException(Problem.INVALID_INPUT, "'" + roleId + "' is a built-in role and cannot be deleted.");
        }
        sql.update("delete a custom role", "DELETE FROM role_grants WHERE role_id = ?", roleId);
        sql.update("delete a custom role", "DELETE FROM custom_role_permissions WHERE role_id = ?", roleId);
        sql.update("delete a custom role", "DELETE FROM role_database_limits WHERE role_id = ?", roleId);
        if (sql.update("delete a custom role", "DELETE FROM custom_roles WHERE role_id = ?", roleId) == 0) {
            throw new StratusException(Problem.NOT_FOUND, "There is no custom role '" + roleId + "'.");
        }
    }

    @Override
    public void setDatabaseLimits(String roleId, List<String> patterns) {
        sql.update("limit a role's databases", "DELETE FROM role_database_limits WHERE role_id = ?", roleId);
        for (String pattern : new TreeSet<>(patterns)) {
            sql.update("limit a role's databases", "INSERT INTO role_database_limits (role_id, resource_pattern)"
                    + " VALUES (?, ?)", roleId, pattern);
        }
    }

    @Override
    public void putSetting(String key, String value) {
        if (key == null || key.isBlank() || key.length() > MAX_SETTING_KEY) {
            throw new StratusException(Problem.INVALID_INPUT,
                    "A setting needs a name of 1 to " + MAX_SETTING_KEY + " characters.");
        }
        Objects.requireNonNull(value, "value");
        if (sql.update("save a setting", "UPDATE settings SET setting_value = ? WHERE setting_key = ?", value, key) == 0) {
            sql.update("save a setting", "INSERT INTO settings (setting_key, setting_value) VALUES (?, ?)", key, value);
        }
    }

    private static boolean isBuiltIn(String roleId) {
        return Role.BUILT_IN.stream().anyMatch(role -> role.id().equals(roleId));
    }

    private static StratusException alreadyConfigured(SQLException cause) {
        return new StratusException(Problem.CONFLICT, "This Stratus instance is already configured: it is bound to"
                + " an AWS account. Sign in with an identity of that account and ask an Administrator for a role.", cause);
    }
}
