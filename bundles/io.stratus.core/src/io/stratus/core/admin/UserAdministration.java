package io.stratus.core.admin;

import io.stratus.core.StratusException;
import io.stratus.core.access.Role;
import io.stratus.core.session.UserSession;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users, roles and instance settings, for administrators. Every method checks the acting
 * session's permissions itself. There is deliberately no way to create a user: users are the
 * AWS account's identities that have signed in.
 */
public interface UserAdministration {

    /** Settings key of the role a user gets at first sign-in. */
    String DEFAULT_ROLE_SETTING = "defaultRole";

    List<UserView> users(UserSession actor);

    /** The acting person's own user and roles: everyone may read their own, no permission needed. */
    UserView self(UserSession actor);

    /**
     * Replaces the roles of a known user. Takes effect on the user's live sessions at once.
     *
     * @throws StratusException NOT_FOUND for an unknown user, INVALID_INPUT for an unknown role,
     *         CONFLICT when it would leave the instance without an Administrator
     */
    UserView setRoles(UserSession actor, String principalId, Set<String> roleIds);

    /** Built-in roles first, then custom roles by id. */
    List<Role> roles(UserSession actor);

    /** Audit entries one call returns when none are asked for, and at most. */
    int DEFAULT_AUDIT_ENTRIES = 100;
    int MAX_AUDIT_ENTRIES = 1_000;

    /**
     * Creates a custom role.
     *
     * @throws StratusException CONFLICT when a role (built-in or custom) has its id already
     */
    Role createCustomRole(UserSession actor, Role role);

    /**
     * Changes a custom role's name and permissions; its holders have the new ones at once.
     *
     * @throws StratusException NOT_FOUND when there is no such role, CONFLICT for a built-in role
     */
    Role changeCustomRole(UserSession actor, Role role);

    /** Deletes a custom role and its grants; the default role falls back to User if it was this one. */
    void deleteCustomRole(UserSession actor, String roleId);

    String defaultRole(UserSession actor);

    /** The database patterns of every limited role, by role id (manage-users). */
    Map<String, List<String>> databaseLimits(UserSession actor);

    /**
     * Limits a role to the databases whose resource ids match one of the patterns ({@code *}
     * matches any characters); no patterns lift the limit (manage-roles). Administrators are never
     * limited.
     */
    void setDatabaseLimits(UserSession actor, String roleId, List<String> patterns);

    void setDefaultRole(UserSession actor, String roleId);

    /**
     * The newest entries first.
     *
     * @param limit 1 to {@link #MAX_AUDIT_ENTRIES}
     */
    List<AuditRecord> audit(UserSession actor, int limit);
}
