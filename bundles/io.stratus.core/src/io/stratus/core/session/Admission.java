package io.stratus.core.session;

import io.stratus.core.StratusException;
import io.stratus.core.access.Permission;
import io.stratus.core.identity.AwsIdentity;

import java.util.Set;

/**
 * Decides who may use this instance and with which permissions. Identities reaching it have
 * already been verified by AWS.
 */
public interface Admission {

    /**
     * Admits a verified identity: it must belong to the instance's AWS account. A first sign-in
     * makes the identity a user with the default role; a refused identity leaves no trace.
     *
     * @return the user's principal id
     * @throws StratusException CONFLICT while the instance is not configured, FORBIDDEN for an
     *         identity of another account or a refused kind of principal
     */
    String admit(AwsIdentity identity);

    /**
     * Configures an unconfigured instance: binds it to the identity's AWS account and makes the
     * identity its first Administrator, in one atomic step.
     *
     * @return the user's principal id
     * @throws StratusException CONFLICT if the instance is already configured
     */
    String setUp(AwsIdentity identity);

    /** The user's permissions now; grants and revokes show here at once. */
    Set<Permission> permissionsOf(String principalId);

    /**
     * Whether identities of this AWS account are refused because the instance is bound to another one
     * (false while the instance is not configured): lets sign-in refuse a role of another account
     * before asking AWS for it.
     */
    boolean refusesAccount(String partition, String accountId);

    /** Whether setup has bound this instance to an AWS account. */
    boolean configured();
}
