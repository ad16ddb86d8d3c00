package io.stratus.core.store;

import io.stratus.core.access.Role;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Identity and roles as a transaction reads them: who the instance belongs to, who uses it and what they may do. */
public interface IdentityReader {

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

    /** The database patterns of every role that has some, by role id; a role not in it is not limited. */
    Map<String, List<String>> databaseLimits();

    /** An instance-wide choice, such as the default role of new users. */
    Optional<String> setting(String key);
}
