package io.stratus.core.session;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Permission;
import io.stratus.core.identity.AccountDetails;
import io.stratus.core.identity.AwsIdentity;

import java.time.Instant;
import java.util.Set;

/**
 * A person signed in with their AWS keys. The keys themselves stay inside the sign-in service;
 * a session only says who it is, what it may do and until when.
 */
public interface UserSession {

    /** An opaque, unguessable id. Treat it like a password: it is the bearer of the session. */
    String id();

    AwsIdentity identity();

    /** The Stratus user this session belongs to (see {@link AwsIdentity#principalId()}). */
    default String principalId() {
        return identity().principalId();
    }

    /**
     * Account alias and organization, once read in the background after sign-in; empty parts
     * when IAM does not allow reading them or they are not read yet.
     */
    AccountDetails accountDetails();

    /** Current permissions: a grant or revoke shows here at once, not at the next sign-in. */
    Set<Permission> permissions();

    Instant signedInAt();

    /** When the session ends even if in use (absolute timeout, or the AWS keys' own expiry). */
    Instant expiresAt();

    default boolean allows(Permission permission) {
        return permissions().contains(permission);
    }

    /**
     * The one permission check every service makes before acting for this person.
     *
     * @throws StratusException FORBIDDEN, naming what the roles do not allow
     */
    default void require(Permission permission) {
        if (!allows(permission)) {
            throw new StratusException(Problem.FORBIDDEN, "Your Stratus roles do not allow this: "
                    + permission.description().toLowerCase(java.util.Locale.ROOT)
                    + ". Ask a Stratus Administrator for a role that does.");
        }
    }
}
