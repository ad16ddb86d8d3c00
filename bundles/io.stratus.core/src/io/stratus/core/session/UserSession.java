package io.stratus.core.session;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.access.Permission;
import io.stratus.core.identity.AccountDetails;
import io.stratus.core.identity.AwsIdentity;
import io.stratus.core.identity.AwsKeys;

import java.time.Duration;
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
     * ended is refused (NOT_SIGNED_IN); once the keys expired, or a call was refused by AWS because they
     * expired or are unknown, loans are refused (KEYS_EXPIRED) until new keys are put into the session
     * ({@link SignInService#renew}).
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

    /** When the session ends even if in use: its absolute timeout. Its keys may expire earlier ({@link #keysExpireAt()}). */
    Instant expiresAt();

    /**
     * When the session's current AWS keys expire: where STS issued them (an MFA sign-in, an assumed role) or
     * whoever issued them said so ({@link SignInRequest#expiringAt}); empty for keys whose expiry nobody told.
     * Changes when the session is renewed. Front ends warn {@link #KEYS_WARNING} before it.
     */
    Optional<Instant> keysExpireAt();

    /** How long before {@link #keysExpireAt()} front ends warn that the keys are about to expire. */
    Duration KEYS_WARNING = Duration.ofMinutes(5);

    /** Why the keys no longer serve, while the session waits for new ones; empty while they serve. */
    Optional<KeysLapse> keysLapse();

    /**
     * Whether front ends should warn now, by the sign-in service's clock: the keys expire within {@link #KEYS_WARNING},
     * or they lapsed.
     */
    boolean keysExpireSoon();

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
