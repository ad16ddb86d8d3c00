package io.stratus.store;

import io.stratus.core.access.Role;
import io.stratus.core.database.SavedConnection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a transaction can read. */
public interface StoreReader {

    /** The AWS account the instance is bound to; empty while the instance is not configured. */
    Optional<InstanceBinding> binding();

    Optional<StoredUser> user(String principalId);

    /** All known users, ordered by display name. */
    List<StoredUser> users();

    /** Ids of the roles granted to a user (built-in and custom). */
    Set<String> grantsOf(String principalId);

    /** How many users currently hold the role. */
    int holdersOf(String roleId);

    /** Custom roles, ordered by id. Built-in roles are not stored: they are {@link Role#BUILT_IN}. */
    List<Role> customRoles();

    Optional<String> setting(String key);

    /** The database patterns of every role that has some, by role id; a role not in it is not limited. */
    Map<String, List<String>> databaseLimits();

    /** The connections a user saved, by name. */
    List<SavedConnection> savedConnections(String principalId);

    /** The newest audit entries first, at most {@code limit} (1 or more, else {@code INVALID_INPUT}). */
    List<AuditEntry> audit(int limit);
}
