package io.stratus.core.store;

import io.stratus.core.StratusException;
import io.stratus.core.access.Role;

import java.util.List;

/** What a write transaction can change in identity and roles, on top of reading them. */
public interface IdentityWriter extends IdentityReader {

    /**
     * Binds the instance to an AWS account.
     *
     * @throws StratusException with {@code Problem.CONFLICT} if the instance is already bound,
     *         also when another transaction bound it concurrently (exactly one wins)
     */
    void bind(InstanceBinding binding);

    /** Inserts a user seen for the first time, or updates what changed (ARN, name, last seen). */
    void saveUser(StoredUser user);

    /**
     * Idempotent. The user must be known ({@code NOT_FOUND} otherwise: people get roles once they
     * have signed in) and the role built in or an existing custom role ({@code NOT_FOUND}).
     */
    void grant(String principalId, String roleId);

    /** Idempotent. */
    void revoke(String principalId, String roleId);

    /** Creates or replaces a custom role; its grants stay. A built-in role's id is {@code INVALID_INPUT}. */
    void saveCustomRole(Role role);

    /**
     * Deletes a custom role with every grant and database limit of it: {@code NOT_FOUND} if there is
     * none, {@code INVALID_INPUT} for a built-in role.
     */
    void deleteCustomRole(String roleId);

    /** Replaces the database patterns of a role; none lifts its limit. */
    void setDatabaseLimits(String roleId, List<String> patterns);

    /** Creates or replaces a setting; the key has 1 to 200 characters. Never a secret. */
    void putSetting(String key, String value);
}
