package io.stratus.core.session;

import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;

import java.util.Optional;

/**
 * Signs people in with their own AWS keys, checked by AWS STS: as they are, with an MFA code, or as
 * an assumed role (see {@link SignInRequest}). Implementations keep the session's keys in memory
 * only, bound to the session, and wipe them at sign-out and expiry; keys that STS exchanged for
 * temporary ones are wiped as soon as the exchange is over.
 */
public interface SignInService {

    /**
     * Checks the keys with AWS (exchanging them for temporary keys with MFA or of a role, if asked)
     * and opens a session for the identity that results.
     *
     * @throws StratusException with a message that says what to fix (bad key id, wrong secret,
     *         expired token, wrong or reused MFA code, a role that does not trust the person or
     *         belongs to another AWS account, AWS unreachable, ...)
     */
    UserSession signIn(SignInRequest request);

    /**
     * First-run setup: as {@link #signIn(SignInRequest)}, then binds the unconfigured instance to
     * the AWS account of the resulting identity, with that identity as Administrator, and signs it in.
     *
     * @throws StratusException CONFLICT if the instance is already configured
     */
    UserSession setUp(SignInRequest request);

    /**
     * Puts new keys into a live session, before or after its keys expired or AWS stopped accepting them: the
     * keys are checked with AWS as at sign-in (exchanged with STS for an MFA code or a role, if asked), must
     * belong to the session's own identity (the same IAM user, or the same role under the same session name),
     * and then replace the old ones, which are wiped. The session keeps its id and everything kept for it
     * (open databases, discovered trees); the audit trail records {@code renew}. The typed secrets are wiped
     * whatever happens.
     *
     * @throws StratusException NOT_SIGNED_IN if the session has ended (sign in instead); FORBIDDEN if the keys
     *         belong to somebody else, as renewing would hand one person's open work to another; else as
     *         {@link #signIn(SignInRequest)}
     */
    UserSession renew(String sessionId, SignInRequest request);

    /** Signs in with the keys as they are. */
    default UserSession signIn(AwsCredentials credentials) {
        return signIn(SignInRequest.withKeys(credentials));
    }

    /** Sets up with the keys as they are. */
    default UserSession setUp(AwsCredentials credentials) {
        return setUp(SignInRequest.withKeys(credentials));
    }

    /** The live session with this id; empty if it never existed, ended or expired. */
    Optional<UserSession> find(String sessionId);

    /** Ends the session and wipes its keys. Unknown ids are ignored. */
    void signOut(String sessionId);
}
