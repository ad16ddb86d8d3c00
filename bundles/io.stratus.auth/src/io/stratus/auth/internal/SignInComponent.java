package io.stratus.auth.internal;

import io.stratus.auth.AuthConfiguration;
import io.stratus.aws.AwsClients;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AccountDetails;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.AwsIdentity;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.session.Admission;
import io.stratus.core.session.AuditTrail;
import io.stratus.core.session.IdentityVerifier;
import io.stratus.core.session.KeysLapse;
import io.stratus.core.session.SessionEnd;
import io.stratus.core.session.RoleToAssume;
import io.stratus.core.session.SessionListener;
import io.stratus.core.session.SignInRequest;
import io.stratus.core.session.SignInService;
import io.stratus.core.session.UserSession;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, sessions and the credential vault. Sessions live in memory only: a restart signs
 * everybody out, which is what keeping AWS keys out of every file means. Configured through
 * ConfigAdmin (PID {@code io.stratus.auth}).
 */
@Component(service = SignInService.class, configurationPid = AuthConfiguration.PID)
public final class SignInComponent implements SignInService {

    @interface Config {
        /** A session unused for this long ends. */
        long idleTimeoutSeconds() default 30 * 60;

        /** A session ends this long after sign-in, however busy. */
        long absoluteTimeoutSeconds() default 12 * 60 * 60;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SignInComponent.class);
    private static final int SESSION_ID_BYTES = 32;

    private final IdentityVerifier verifier;
    private final Admission admission;
    private final AuditTrail audit;
    private final AccountDetailsReader accountDetails;
    private final StsKeyExchange exchange;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    /**
     * The time sessions and keys expire by: the Clock service {@link AuthConfiguration#CLOCK_PROPERTY} names
     * when there is one (tests move time with it, as the AWS simulator's clock), else the system's.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            target = "(" + AuthConfiguration.CLOCK_PROPERTY + "=" + AuthConfiguration.SIGN_IN_CLOCK + ")")
    private volatile Clock givenClock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;
    private final ExecutorService background;
    /** Obtained only when a session ends: a listener may itself need this component's services. */
    @Reference(service = SessionListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE)
    private final List<ComponentServiceObjects<SessionListener>> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public SignInComponent(@Reference IdentityVerifier verifier, @Reference Admission admission,
            @Reference AuditTrail audit, @Reference AwsClients aws, Config config) {
        this.verifier = verifier;
        this.admission = admission;
        this.audit = audit;
        this.accountDetails = new AccountDetailsReader(aws);
        this.exchange = new StsKeyExchange(aws, verifier);
        this.idleTimeout = positive("idleTimeoutSeconds", config.idleTimeoutSeconds());
        this.absoluteTimeout = positive("absoluteTimeoutSeconds", config.absoluteTimeoutSeconds());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("stratus-session-sweeper"));
        this.background = Executors.newCachedThreadPool(daemon("stratus-account-details"));
        long every = Math.max(1, Math.min(idleTimeout.toSeconds(), 60) / 2);
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
        background.shutdownNow();
        for (LiveSession session : sessions.values()) {
            try {
                end(session, SessionEnd.SHUT_DOWN); // wiped, then in the audit trail
            } catch (RuntimeException e) {
                // The store may have closed first (a front door that stops everything at once); the keys are wiped anyway.
                LOG.info("The end of {}'s session at shutdown is not in the audit trail: {}", session.identity().arn(),
                        e.getMessage());
            }
        }
    }

    @Override
    public UserSession signIn(SignInRequest request) {
        return open(request, "sign-in", admission::admit, true);
    }

    @Override
    public UserSession setUp(SignInRequest request) {
        return open(request, "setup", admission::setUp, false);
    }

    @Override
    public Optional<UserSession> find(String sessionId) {
        return Optional.ofNullable(live(sessionId));
    }

    @Override
    public void signOut(String sessionId) {
        LiveSession session = sessionId == null ? null : sessions.remove(sessionId);
        if (session != null) {
            wipe(session, SessionEnd.SIGNED_OUT);
            try {
                audit.record(session.principalId(), "sign-out", "success", session.identity().arn());
            } catch (StratusException e) {
                // The session has ended whatever the store says: a sign-out that reported failure would leave the
                // browser holding a cookie it believes live. The gap in the audit trail goes to the log.
                LOG.error("The sign-out of {} was not written to the audit trail: {}", session.identity().arn(),
                        e.getMessage(), e);
            }
        }
    }

    /** A session's keys, lent from its vault call by call, only while the session lives. */
    private AwsKeys keysOf(String sessionId) {
        return new AwsKeys() {
            @Override
            public <T> T use(Function<AwsCredentials, T> call) {
                return lend(sessionId, call);
            }

            @Override
            public String toString() {
                return "AwsKeys[of a session]";
            }
        };
    }

    /**
     * Runs {@code call} with the session's keys while they serve. If AWS answers that the keys are expired or
     * unknown (a {@link StratusException} of kind {@code NOT_SIGNED_IN}), the session waits for new keys: this
     * call and the following ones fail with KEYS_EXPIRED until it is renewed.
     */
    private <T> T lend(String sessionId, Function<AwsCredentials, T> call) {
        LiveSession session = live(sessionId);
        if (session == null) {
            throw new StratusException(Problem.NOT_SIGNED_IN, "Your session has ended. Sign in again.");
        }
        AwsCredentials lent = session.credentials();
        Optional<KeysLapse> lapsed = session.keysLapse();
        if (lapsed.isPresent()) {
            throw keysExpired(lapsed.get(), null);
        }
        try {
            return call.apply(lent);
        } catch (StratusException e) {
            if (e.problem() == Problem.NOT_SIGNED_IN && session.ended().isEmpty()) { // AWS no longer accepts them
                lapse(session, lent, KeysLapse.REJECTED);
                throw keysExpired(session.keysLapse().orElse(KeysLapse.REJECTED), e);
            }
            throw endedMeanwhile(session, e);
        } catch (RuntimeException e) {
            throw endedMeanwhile(session, e);
        }
    }

    private static StratusException keysExpired(KeysLapse lapse, StratusException awsSaid) {
        return new StratusException(Problem.KEYS_EXPIRED, lapse.explanation(), awsSaid);
    }

    /**
     * Work running side by side for one session (an explorer refresh's scans) fails in its own way once
     * another part ended the session and wiped its keys: whatever it failed with, the cause is the end.
     */
    private static RuntimeException endedMeanwhile(LiveSession session, RuntimeException failure) {
        if (failure instanceof StratusException stratus && stratus.problem() == Problem.NOT_SIGNED_IN
                || session.ended().isEmpty()) {
            return failure;
        }
        return new StratusException(Problem.NOT_SIGNED_IN, "Your session ended while Stratus was working for you, "
                + "because it timed out or you signed out. Sign in again.", failure);
    }

    /**
     * Gets the session's keys (exchanging the typed ones with STS if asked), verifies them with AWS, lets
     * admission decide, then opens the session. Every key goes on any failure.
     *
     * @param bound see {@link #keysFor}
     */
    private UserSession open(SignInRequest request, String action, Function<AwsIdentity, String> admit,
            boolean bound) {
        String principalId = null;
        SessionKeys keys = null;
        try {
            keys = keysFor(request, bound);
            AwsIdentity identity = verifier.verify(keys.credentials());
            principalId = admit.apply(identity);
            String sessionId = newSessionId();
            AwsCredentials first = keys.credentials();
            LiveSession session = new LiveSession(sessionId, identity, keys, keysOf(sessionId), admission,
                    this::clock, idleTimeout, absoluteTimeout,
                    CompletableFuture.supplyAsync(() -> accountDetails.read(AwsKeys.of(first)), background));
            sessions.put(session.id(), session);
            audit.record(principalId, action, "success", identity.arn() + fromWhere(request));
            return session;
        } catch (RuntimeException e) {
            forget(request, keys);
            audit.record(principalId, action, failureOutcome(e), whatFailed(e) + fromWhere(request));
            throw e;
        }
    }

    @Override
    public UserSession renew(String sessionId, SignInRequest request) {
        LiveSession session = live(sessionId);
        String principalId = session == null ? null : session.principalId();
        SessionKeys keys = null;
        try {
            if (session == null) {
                throw new StratusException(Problem.NOT_SIGNED_IN, "Your session has ended, so there is nothing to "
                        + "renew: sign in again.");
            }
            keys = keysFor(request, true);
            AwsIdentity identity = verifier.verify(keys.credentials());
            if (!identity.sameHolderAs(session.identity())) {
                throw somebodyElse(request, identity, session.identity());
            }
            if (!session.renew(keys)) {
                throw new StratusException(Problem.NOT_SIGNED_IN, "Your session ended while its keys were being "
                        + "renewed. Sign in again.");
            }
            audit.record(principalId, "renew", "success", identity.arn() + fromWhere(request));
            tell(session, listener -> listener.keysChanged(session.id()));
            return session;
        } catch (RuntimeException e) {
            forget(request, keys);
            audit.record(principalId, "renew", failureOutcome(e), whatFailed(e) + fromWhere(request));
            throw e;
        }
    }

    /**
     * A renewal that leads to another identity than the session's, refused in the terms of how it was made: a sign-in
     * approved in the browser (when its keys are the identity, no role assumed with them), or keys.
     */
    private static StratusException somebodyElse(SignInRequest request, AwsIdentity other, AwsIdentity own) {
        String handOver = " would hand one person's open work (databases, editors, results) to another: ";
        if (request.identityCenterApproval() && request.role().isEmpty()) {
            return new StratusException(Problem.FORBIDDEN, "This sign-in was approved as " + other.arn() + ", not as "
                    + own.arn() + ", whose session this is. Renewing it with that approval" + handOver + "approve a "
                    + "new sign-in as " + own.sessionName().orElse(own.arn()) + " (sign in to the AWS access portal as "
                    + "that user first), or sign out and sign in again as " + other.sessionName().orElse(other.arn())
                    + ".");
        }
        return new StratusException(Problem.FORBIDDEN, "These keys belong to " + other.arn() + ", not to " + own.arn()
                + ", whose session this is. Renewing it with them" + handOver + "renew with keys of " + own.arn()
                + ", or sign out and sign in with these.");
    }

    /**
     * The keys a session is to sign with: checked without AWS first, then exchanged with STS if asked (the
     * typed keys go as soon as the exchange is over).
     *
     * @param bound whether the instance must already be bound: a role of another account is then
     *        refused before AWS is asked for it
     */
    private SessionKeys keysFor(SignInRequest request, boolean bound) {
        CredentialRules.check(request);
        refuseExpiredKeys(request);
        if (bound) {
            request.role().ifPresent(this::refuseRoleOfAnotherAccount);
        }
        SessionKeys keys = exchange.keysFor(request);
        if (request.exchangesKeys()) {
            request.clear(); // they served the exchange: the session signs with the keys STS issued
        }
        return keys;
    }

    /** After a failure: every key of the attempt goes. */
    private static void forget(SignInRequest request, SessionKeys keys) {
        request.clear();
        if (keys != null) {
            keys.credentials().clear();
        }
    }

    /** Where the request came from, for the audit trail's detail: " (from ADDRESS)", or nothing. */
    private static String fromWhere(SignInRequest request) {
        return request.origin().map(address -> " (from " + address + ")").orElse("");
    }

    private static String whatFailed(RuntimeException e) {
        return e instanceof StratusException ? e.getMessage() : "internal error, see the server log";
    }

    private void refuseExpiredKeys(SignInRequest request) {
        Optional<Instant> expiry = request.keysExpireAt();
        if (expiry.isPresent() && !expiry.get().isAfter(clock().instant())) {
            throw new StratusException(Problem.NOT_SIGNED_IN, "These temporary AWS keys expired at " + expiry.get()
                    + ". Get new ones from where these came from, and sign in with them.");
        }
    }

    private void refuseRoleOfAnotherAccount(RoleToAssume role) {
        if (admission.refusesAccount(role.partition(), role.accountId())) {
            throw new StratusException(Problem.FORBIDDEN, "The role " + role.roleArn() + " belongs to AWS account "
                    + role.accountId() + ", not to the account this Stratus instance is bound to: only identities of "
                    + "the instance's own account sign in here, roles included. Choose a role of that account.");
        }
    }

    private LiveSession live(String sessionId) {
        LiveSession session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null) {
            return null;
        }
        Instant now = clock().instant();
        if (!check(session, now)) {
            return null;
        }
        session.touch(now);
        return session;
    }

    private void sweep() {
        Instant now = clock().instant();
        sessions.values().forEach(session -> check(session, now));
    }

    /** Ends the session if its time is up, notes keys whose time is up; whether it lives on. */
    private boolean check(LiveSession session, Instant now) {
        Optional<SessionEnd> over = session.overAt(now);
        if (over.isPresent()) {
            end(session, over.get());
            return false;
        }
        if (session.lapseIfExpiredAt(now)) {
            lapsed(session, KeysLapse.EXPIRED);
        }
        return true;
    }

    private void lapse(LiveSession session, AwsCredentials lent, KeysLapse why) {
        if (session.lapse(lent, why)) {
            lapsed(session, why);
        }
    }

    /** The session waits for new keys from now on: the audit trail and the front ends hear of it. */
    private void lapsed(LiveSession session, KeysLapse why) {
        audit.record(session.principalId(), "keys-lapse", why.id(), session.identity().arn());
        tell(session, listener -> listener.keysChanged(session.id()));
    }

    private void end(LiveSession session, SessionEnd how) {
        if (sessions.remove(session.id(), session)) {
            wipe(session, how);
            audit.record(session.principalId(), "session-end", how.id(), session.identity().arn());
        }
    }

    /** Wipes a session's keys and lets everything kept for it go. */
    private void wipe(LiveSession session, SessionEnd how) {
        session.end(how);
        tell(session, listener -> listener.sessionEnded(session.id()));
    }

    private void tell(LiveSession session, Consumer<SessionListener> news) {
        for (ComponentServiceObjects<SessionListener> objects : listeners) {
            SessionListener listener = objects.getService();
            if (listener == null) {
                continue; // it is going away
            }
            try {
                news.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("{} failed to take the news of a session", listener.getClass().getName(), e);
            } finally {
                objects.ungetService(listener);
            }
        }
    }

    private Clock clock() {
        Clock given = givenClock;
        return given != null ? given : Clock.systemUTC();
    }

    private String newSessionId() {
        byte[] bytes = new byte[SESSION_ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String failureOutcome(RuntimeException e) {
        return e instanceof StratusException s ? s.problem().name().toLowerCase(java.util.Locale.ROOT) : "error";
    }

    private static Duration positive(String setting, long seconds) {
        if (seconds <= 0) {
            throw new StratusException(Problem.INVALID_INPUT, "Sign-in setting " + setting + ": '" + seconds
                    + "' must be a positive number of seconds.");
        }
        return Duration.ofSeconds(seconds);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
