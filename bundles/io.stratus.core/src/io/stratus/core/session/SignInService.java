package io.stratus.core.session;

import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;

import java.util.Optional;

/**
 * Signs people in with their own AWS keys, checked by AWS STS. Implementations keep the keys
 * in memory only, bound to the session, and wipe them at sign-out and expiry.
 */
public interface SignInService {

    /**
     * Checks the keys with AWS and opens a session.
     *
     * @throws StratusException with a message that says what to fix (bad key id, wrong secret,
     *         expired token, another AWS account, AWS unreachable, ...)
     */
    UserSession signIn(AwsCredentials credentials);

    /**
     * First-run setup: checks the keys with AWS, binds the unconfigured instance to their AWS
     * account with this identity as Administrator, and signs it in.
     *
     * @throws StratusException CONFLICT if the instance is already configured
     */
    UserSession setUp(AwsCredentials credentials);

    /** The live session with this id; empty if it never existed, ended or expired. */
    Optional<UserSession> find(String sessionId);

    /** Ends the session and wipes its keys. Unknown ids are ignored. */
    void signOut(String sessionId);
}
