package io.stratus.store;

import io.stratus.core.StratusException;
import io.stratus.core.access.Role;

/** What a read-write transaction can change, on top of reading. */
public interface StoreWriter extends StoreReader {

    /**
     * Binds the instance to an AWS account.
     *
     * @throws StratusException with {@code Problem.CONFLICT} if the instance is already bound,
     *         also when another transaction bound it concurrently (exactly one wins)
     */
    void bind(InstanceBinding binding);

    /** Inserts a user seen for the first time, or updates what changed (ARN, name, last seen). */
    void saveUser(StoredUser user);

    /** Idempotent. The role must be built in or an existing custom role. */
    void grant(String principalId, String roleId);

    /** Idempotent. */
    void revoke(String principalId, String roleId);

    /** Creates or replaces a custom role. */
    void saveCustomRole(Role role);

    /** Deletes a custom role and every grant of it. */
    void deleteCustomRole(String roleId);

    void putSetting(String key, String value);

    void append(AuditEntry entry);
}
