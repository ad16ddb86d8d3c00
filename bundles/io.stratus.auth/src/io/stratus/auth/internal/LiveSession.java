package io.stratus.auth.internal;

import io.stratus.core.access.Permission;
import io.stratus.core.identity.AccountDetails;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.AwsIdentity;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.session.Admission;
import io.stratus.core.session.KeysLapse;
import io.stratus.core.session.SessionEnd;
import io.stratus.core.session.UserSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A signed-in person and the vault of their AWS keys. The keys stay here, are lent out only
 * through {@link #awsKeys()} (which the {@link SignInComponent} lends while the session lives and its
 * keys serve), are replaced by renewal (the old ones wiped), and are wiped when the session ends.
 */
final class LiveSession implements UserSession {

    private final String id;
    private final AwsIdentity identity;
    /** Replaced only under this object's lock, together with {@link #lapse}. */
    private volatile SessionKeys keys;
    private volatile KeysLapse lapse;
    private final AwsKeys lentKeys;
    private final Admission admission;
    private final Instant signedInAt;
    private final Instant expiresAt;
    private final Duration idleTimeout;
    /** The sign-in service's clock of the moment. */
    private final Supplier<Clock> clock;
    private final CompletableFuture<AccountDetails> accountDetails;
    private volatile Instant lastUsed;
    private volatile SessionEnd ended;

    LiveSession(String id, AwsIdentity identity, SessionKeys keys, AwsKeys lentKeys, Admission admission,
            Supplier<Clock> clock, Duration idleTimeout, Duration absoluteTimeout,
            CompletableFuture<AccountDetails> accountDetails) {
        Instant now = clock.get().instant();
        this.clock = clock;
        this.id = id;
        this.identity = identity;
        this.keys = keys;
        this.lentKeys = lentKeys;
        this.admission = admission;
        this.signedInAt = now;
        this.expiresAt = now.plus(absoluteTimeout);
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
        return keys.expiration();
    }

    @Override
    public Optional<KeysLapse> keysLapse() {
        return Optional.ofNullable(lapse);
    }

    @Override
    public boolean keysExpireSoon() {
        Instant now = clock.get().instant();
        return lapse != null || keysExpireAt().filter(at -> !now.plus(KEYS_WARNING).isBefore(at)).isPresent();
    }

    @Override
    public Optional<SessionEnd> ended() {
        return Optional.ofNullable(ended);
    }

    /** The keys to lend now. */
    AwsCredentials credentials() {
        return keys.credentials();
    }

    /** Why the session is over at {@code now}, if it is: expired keys do not end it. */
    Optional<SessionEnd> overAt(Instant now) {
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

    /** Marks the keys expired if their time is up at {@code now}; whether this changed anything. */
    synchronized boolean lapseIfExpiredAt(Instant now) {
        Optional<Instant> expiry = keysExpireAt();
        return expiry.isPresent() && !now.isBefore(expiry.get()) && lapse(keys.credentials(), KeysLapse.EXPIRED);
    }

    /**
     * Marks the keys as no longer serving, if {@code lent} are still the session's keys (not renewed since) and
     * had not lapsed yet; whether this changed anything.
     */
    synchronized boolean lapse(AwsCredentials lent, KeysLapse why) {
        if (ended != null || lapse != null || keys.credentials() != lent) {
            return false;
        }
        lapse = why;
        return true;
    }

    /** Puts new keys in place of the old ones, which are wiped; false (and nothing changes) if the session ended. */
    synchronized boolean renew(SessionKeys next) {
        if (ended != null) {
            return false;
        }
        SessionKeys old = keys;
        keys = next;
        lapse = null;
        if (old.credentials() != next.credentials()) {
            old.credentials().clear();
        }
        return true;
    }

    /** Wipes the keys; the session cannot be used after this. */
    synchronized void end(SessionEnd how) {
        ended = how;
        accountDetails.cancel(true);
        keys.credentials().clear();
    }

    @Override
    public String toString() {
        // Neither the id (a bearer token) nor the keys: only who it is.
        return "UserSession[" + identity.arn() + ", until " + expiresAt + "]";
    }
}
