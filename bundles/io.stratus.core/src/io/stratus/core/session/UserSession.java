package io.stratus.core.session;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.access.Permission;
import io.stratus.core.identity.AccountDetails;
import io.stratus.core.identity.AwsIdentity;
import io.stratus.core.identity.AwsKeys;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A person signed in with their AWS keys. The keys themselves stay inside the sign-in service;
 * a session says who it is, what it may do and until when, and lends the keys call by call to
 * the code that calls AWS for the person.
 */
public interface UserSession {

    /** An opaque, unguessable id. Treat it like a password: it is the bearer of the session. */
    String id();

    AwsIdentity identity();

    /**
     * The person's AWS keys, lent for one call at a time while the session lives: a loan after it
     * ended is refused (NOT_SIGNED_IN), and a call that AWS refuses because the keys expired or are
     * unknown ends the session.
     */
    AwsKeys awsKeys();

    /** The Stratus user this session belongs to (see {@link AwsIdentity#principalId()}). */
    default String principalId() {
        return identity().principalId();
    }

    /**
     * Account alias and organization, once read in the background after sign-in; empty parts
     * when IAM does not allow reading them or they are not read yet.
     */
    AccountDetails accountDetails();

    /**
     * Completes with the account details once the background read has ended (with what IAM allowed),
     * so that a front end showing them before can show them again; never completes exceptionally.
     */
    CompletionStage<AccountDetails> accountDetailsRead();

    /** Current permissions: a grant or revoke shows here at once, not at the next sign-in. */
    Set<Permission> permissions();

    Instant signedInAt();

    /** When the session ends even if in use: the absolute timeout, or earlier when its AWS keys expire. */
    Instant expiresAt();

    /**
     * When the session's temporary AWS keys expire, where Stratus got them from STS (an MFA sign-in, an
     * assumed role); empty for keys signed in with as they are, whose expiry AWS does not tell.
     */
    Optional<Instant> keysExpireAt();

    /** Why the session ended; empty while it is live. */
    Optional<SessionEnd> ended();

    default boolean allows(Permission permission) {
        return permissions().contains(permission);
    }

    /** Whether this person may do the action now: what a front end asks to enable or hide a command. */
    default boolean may(Action action) {
        return allows(action.permission());
    }

    /**
     * The one permission check every service makes before acting for this person.
     *
     * @throws StratusException FORBIDDEN, naming the action and the permission it needs
     */
    default void require(Action action) {
        if (!may(action)) {
            Permission needed = action.permission();
            throw new StratusException(Problem.FORBIDDEN, "Your Stratus roles do not allow you to " + action.description()
                    + ": that needs the permission '" + needed.id() + "' ("
                    + needed.description().toLowerCase(Locale.ROOT) + "). Ask a Stratus Administrator for a role that has it.");
        }
    }
}
