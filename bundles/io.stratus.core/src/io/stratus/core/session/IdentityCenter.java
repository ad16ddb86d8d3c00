package io.stratus.core.session;

import io.stratus.core.StratusException;

import java.util.List;
import java.util.Optional;

/**
 * Signing in through IAM Identity Center (AWS SSO) without the AWS CLI: the OAuth device
 * authorization of SSO OIDC, then the accounts and roles the person may use, then the role's keys,
 * with which {@link SignInService} opens the session (they expire when Identity Center says). A
 * front end starts a sign-in, shows its code and link, polls at the interval until the person
 * approved, lets them choose a role and signs in.
 *
 * <pre>{@code
 * DeviceAuthorization started = identityCenter.start(new IdentityCenterPortal(startUrl, region));
 * show(started.userCode(), started.verificationUriComplete());
 * while (identityCenter.poll(started.id()).state() == State.PENDING) { wait(started.interval()); }
 * IdentityCenterRole role = choose(identityCenter.roles(started.id()));
 * UserSession session = identityCenter.signIn(started.id(), role.accountId(), role.roleName());
 * }</pre>
 *
 * Implementations keep the Identity Center access token, the client secret and the device code in
 * memory only, wipe them when the sign-in ends (signed in, cancelled, expired, denied), bound how
 * many sign-ins may wait at once and for how long, and never log them. Admission is as for keys: on
 * a bound instance only roles of the bound account are offered and accepted.
 */
public interface IdentityCenter {

    /** The portal this instance's operator set as the one people normally sign in through, if any. */
    Optional<IdentityCenterPortal> defaultPortal();

    /**
     * Starts a sign-in at the portal: registers Stratus with SSO OIDC and asks for a user code.
     *
     * @throws StratusException INVALID_INPUT for a start URL the portal does not know, REMOTE_UNREACHABLE
     *         when Identity Center cannot be reached in that region, THROTTLED when too many sign-ins wait
     */
    DeviceAuthorization start(IdentityCenterPortal portal);

    /**
     * Asks whether the person approved. Asking sooner than the interval answers without asking AWS;
     * an expired or denied sign-in is over (its secrets wiped) and says so in its message.
     *
     * @throws StratusException NOT_FOUND for an id of no sign-in in progress (ended, cancelled or unknown)
     */
    AuthorizationProgress poll(String authorizationId);

    /**
     * The roles the approved person may use, account by account: on a bound instance only those of the
     * bound account.
     *
     * @throws StratusException CONFLICT before approval, NOT_FOUND as {@link #poll}
     */
    List<IdentityCenterRole> roles(String authorizationId);

    /**
     * Signs in as the role (a permission set's name) in the account, with the keys Identity Center
     * gives for it; the sign-in is over afterwards, its access token wiped.
     *
     * @throws StratusException FORBIDDEN for a role of another account than the bound one, or one
     *         Identity Center does not give the person; as {@link SignInService#signIn} otherwise
     */
    default UserSession signIn(String authorizationId, String accountId, String roleName) {
        return signIn(authorizationId, accountId, roleName, Optional.empty());
    }

    /** As {@link #signIn(String, String, String)}, from {@code origin} (see {@link SignInRequest#origin()}). */
    UserSession signIn(String authorizationId, String accountId, String roleName, Optional<String> origin);

    /** First-run setup with the role's keys: as {@link #signIn}, then {@link SignInService#setUp}. */
    default UserSession setUp(String authorizationId, String accountId, String roleName) {
        return setUp(authorizationId, accountId, roleName, Optional.empty());
    }

    /** As {@link #setUp(String, String, String)}, from {@code origin}. */
    UserSession setUp(String authorizationId, String accountId, String roleName, Optional<String> origin);

    /**
     * The role's keys, as a request for the caller to sign in, set up or re-authenticate with through
     * {@link SignInService} (which wipes them), possibly after adding roles to assume with them (an AWS profile's
     * {@code role_arn} on top of an {@code sso_session} profile). The sign-in is over afterwards, either way. The
     * account is not checked against the bound one here: the identity the request ends in is, when it signs in.
     *
     * @throws StratusException FORBIDDEN for a role Identity Center does not give the person; CONFLICT and
     *         NOT_FOUND as {@link #roles}
     */
    SignInRequest roleKeys(String authorizationId, String accountId, String roleName);

    /**
     * The IAM Identity Center sign-in the live session came from, if it was opened here ({@link #signIn},
     * {@link #setUp}): what re-authenticating it asks for. Empty for other sessions and ended ones.
     */
    Optional<IdentityCenterSignIn> signedInThrough(String sessionId);

    /**
     * Re-authenticates a session opened through IAM Identity Center, in place: with an approved sign-in at the
     * session's portal, the same account's same role gives new keys, which {@link SignInService#renew} puts into
     * the session (the same identity only, audited as {@code renew} from {@code origin}, the old keys wiped; the
     * session and what is open in it stay). The sign-in is over afterwards, either way.
     *
     * @throws StratusException CONFLICT for a session not signed in through Identity Center, or an approval at
     *         another portal than the session's; NOT_SIGNED_IN for a session that ended; FORBIDDEN when somebody
     *         else approved (another person's keys); as {@link #roles} and {@link SignInService#renew} otherwise
     */
    UserSession renew(String authorizationId, String sessionId, Optional<String> origin);

    /** Ends the sign-in and wipes what it held; unknown ids are ignored. */
    void cancel(String authorizationId);
}
