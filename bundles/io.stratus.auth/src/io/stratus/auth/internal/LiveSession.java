package io.stratus.auth.internal;

import io.stratus.core.access.Permission;
import io.stratus.core.identity.AccountDetails;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.AwsIdentity;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.session.Admission;
import io.stratus.core.session.SessionEnd;
import io.stratus.core.session.UserSession;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A signed-in person and the vault of their AWS keys. The keys stay here, are lent out only
 * through {@link #awsKeys()} (which the {@link SignInComponent} lends while the session lives),
 * and are wiped when the session ends.
 */
final class LiveSession implements UserSession {

    private final String id;
    private final AwsIdentity identity;
    private final AwsCredentials credentials;
    private final AwsKeys lentKeys;
    private final Admission admission;
    private final Instant signedInAt;
    private final Instant expiresAt;
    private final Optional<Instant> keysExpireAt;
    private final Duration idleTimeout;
    private final CompletableFuture<AccountDetails> accountDetails;
    private volatile Instant lastUsed;
    private volatile SessionEnd ended;

    LiveSession(String id, AwsIdentity identity, AwsCredentials credentials, Optional<Instant> keysExpireAt,
            AwsKeys lentKeys, Admission admission, Instant now, Duration idleTimeout, Duration absoluteTimeout,
            CompletableFuture<AccountDetails> accountDetails) {
        this.id = id;
        this.identity = identity;
        this.credentials = credentials;
        this.lentKeys = lentKeys;
        this.admission = admission;
        this.signedInAt = now;
        this.keysExpireAt = keysExpireAt;
        this.expiresAt = keysExpireAt.filter(at -> at.isBefore(now.plus(absoluteTimeout))).orElse(now.plus(absoluteTimeout));
        this.idleTimeout = idleTimeout;
        this.accountDetails = accountDetails;
        this.lastUsed = now;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public AwsIdentity identity() {
        return identity;
    }

    @Override
    public AwsKeys awsKeys() {
        return lentKeys;
    }

    @Override
    public Set<Permission> permissions() {
        return admission.permissionsOf(principalId());
    }

    @Override
    public AccountDetails accountDetails() {
        return accountDetails.getNow(AccountDetails.NONE);
    }

    @Override
    public CompletionStage<AccountDetails> accountDetailsRead() {
        return accountDetails.exceptionally(failure -> AccountDetails.NONE).minimalCompletionStage();
    }

    @Override
    public Instant signedInAt() {
        return signedInAt;
    }

    @Override
    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public Optional<Instant> keysExpireAt() {
        return keysExpireAt;
    }

    @Override
    public Optional<SessionEnd> ended() {
        return Optional.ofNullable(ended);
    }

    AwsCredentials credentials() {
        return credentials;
    }

    /** Why the session is over at {@code now}, if it is. */
    Optional<SessionEnd> overAt(Instant now) {
        if (credentials.secretAccessKey().isCleared()) { // wiped keys sign nothing any more
            return Optional.of(SessionEnd.KEYS_REJECTED);
        }
        if (keysExpireAt.isPresent() && !now.isBefore(keysExpireAt.get())) {
            return Optional.of(SessionEnd.KEYS_EXPIRED);
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.of(SessionEnd.TIMED_OUT);
        }
        if (!now.isBefore(lastUsed.plus(idleTimeout))) {
            return Optional.of(SessionEnd.IDLE);
        }
        return Optional.empty();
    }

    void touch(Instant now) {
        lastUsed = now;
    }

    /** Wipes the keys; the session cannot be used after this. */
    void end(SessionEnd how) {
        ended = how;
        accountDetails.cancel(true);
        credentials.clear();
    }

    @Override
    public String toString() {
        // Neither the id (a bearer token) nor the keys: only who it is.
        return "UserSession[" + identity.arn() + ", until " + expiresAt + "]";
    }
}
