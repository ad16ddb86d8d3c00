package io.stratus.ui.session;

import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.session.SignInRequest;

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
     * Checks the keys with AWS in an Eclipse Job and makes that person the one signed in here,
     * signing out whoever was. The keys belong to the session from then on: the caller must not
     * keep or clear them. On failure they are wiped, and the future fails with a
     * {@link StratusException} whose message says what to fix.
     */
    default CompletableFuture<SignedIn> signIn(AwsCredentials credentials) {
        return signIn(() -> SignInRequest.withKeys(credentials));
    }

    /** Like {@link #signIn(Supplier)}, as first-run setup: binds the instance to the keys' AWS account, as Administrator. */
    default CompletableFuture<SignedIn> setUp(AwsCredentials credentials) {
        return setUp(() -> SignInRequest.withKeys(credentials));
    }

    /**
     * Signs in any way {@link SignInRequest} offers (an MFA code, a role, a chain of roles, keys that expire),
     * in an Eclipse Job that first makes the request: where the keys come from may take a while (an AWS
     * profile's credential process). As {@link #signIn(AwsCredentials)}, the request's secrets belong to the
     * session from then on and are wiped on failure; the future fails with a {@link StratusException} whose
     * message says what to fix, also when making the request fails.
     */
    CompletableFuture<SignedIn> signIn(Supplier<SignInRequest> request);

    /** Like {@link #signIn(Supplier)}, as first-run setup: binds the instance to the AWS account of who signs in. */
    CompletableFuture<SignedIn> setUp(Supplier<SignInRequest> request);

    /** Ends the session and wipes its keys; nothing happens when nobody is signed in. */
    void signOut();

    /** {@code listener} hears of every change from now on, on the thread that made it (not the UI thread). */
    void addListener(SessionChangeListener listener);

    void removeListener(SessionChangeListener listener);
}
