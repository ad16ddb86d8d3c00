package io.stratus.ui.session;

import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.session.SignInRequest;
import io.stratus.core.session.UserSession;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The one person signed in to this workbench (the desktop, or Stratus inside an Eclipse IDE) and
 * their session with the Stratus services. An OSGi service: parts and handlers find it through
 * their workbench service locator. It has no user interface: dialogs, status line and commands
 * follow it through {@link #addListener}.
 */
public interface CurrentSession {

    /** Who is signed in now, if anybody. */
    Optional<SignedIn> signedIn();

    /** Whether the signed-in person may do this now; false when nobody is signed in. */
    boolean may(Action action);

    /**
     * Whether this instance has been set up. If not, the first sign-in is {@link #setUp}.
     *
     * @throws StratusException UNAVAILABLE while Stratus's services are not running
     */
    boolean instanceConfigured();

    /**
     * Checks the keys with AWS (exchanging them with STS for an MFA code or a role, if asked) in an Eclipse Job and
     * makes that person the one signed in here, signing out whoever was. The keys belong to the session from then
     * on: the caller must not keep or clear them. On failure they are wiped, and the future fails with a
     * {@link StratusException} whose message says what to fix.
     */
    default CompletableFuture<SignedIn> signIn(SignInRequest request) {
        return signIn(request, SignInMethod.of(request));
    }

    /** As {@link #signIn(SignInRequest)}, for a request made {@code way} (an AWS profile), re-authenticated that way. */
    CompletableFuture<SignedIn> signIn(SignInRequest request, SignInWay way);

    /** Signs in with the keys as they are. */
    default CompletableFuture<SignedIn> signIn(AwsCredentials credentials) {
        return signIn(SignInRequest.withKeys(credentials));
    }

    /** Like {@link #signIn}, as first-run setup: binds the instance to the keys' AWS account, as Administrator. */
    default CompletableFuture<SignedIn> setUp(SignInRequest request) {
        return setUp(request, SignInMethod.of(request));
    }

    /** As {@link #setUp(SignInRequest)}, for a request made {@code way}. */
    CompletableFuture<SignedIn> setUp(SignInRequest request, SignInWay way);

    default CompletableFuture<SignedIn> setUp(AwsCredentials credentials) {
        return setUp(SignInRequest.withKeys(credentials));
    }

    /**
     * Makes the session that {@code opening} opens the one signed in here, as {@link #signIn} does with its own: for
     * sessions another service opens, such as {@link io.stratus.core.session.IdentityCenter}'s. {@code opening}
     * runs in an Eclipse Job named {@code description} (it waits for AWS); the future fails with what it throws.
     * {@code way} says how the person re-authenticates.
     */
    CompletableFuture<SignedIn> adopt(String description, SignInWay way, Supplier<UserSession> opening);

    /**
     * Puts new keys of the signed-in identity into the current session, in an Eclipse Job, before or after its keys
     * expired: the session, its open databases, editors and the explorer stay. The future fails with the service's
     * {@link StratusException} (keys of somebody else, a session that ended meanwhile, ...); the request's secrets
     * are wiped either way.
     */
    CompletableFuture<SignedIn> renew(SignInRequest request);

    /**
     * As {@link #renew(SignInRequest)}, with the request made in the Job named {@code description}, as it may ask AWS
     * or run a program (IAM Identity Center's role keys, an AWS profile read again); the future fails with what
     * making it throws. The session's way of signing in stays as it was.
     */
    CompletableFuture<SignedIn> renew(String description, Supplier<SignInRequest> request);

    /** Ends the session and wipes its keys; nothing happens when nobody is signed in. */
    void signOut();

    /** {@code listener} hears of every change from now on, on the thread that made it (not the UI thread). */
    void addListener(SessionChangeListener listener);

    void removeListener(SessionChangeListener listener);
}
