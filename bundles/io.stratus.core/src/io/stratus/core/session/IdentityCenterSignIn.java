package io.stratus.core.session;

import java.util.Objects;

/**
 * Where a session signed in through IAM Identity Center came from: the access portal, and the account and role
 * (permission set) whose keys it signs with. Nothing here is secret; re-authenticating the session asks the
 * person to approve a sign-in at the same portal again and takes the same role's new keys.
 */
public record IdentityCenterSignIn(IdentityCenterPortal portal, String accountId, String roleName) {

    public IdentityCenterSignIn {
        Objects.requireNonNull(portal, "portal");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(roleName, "roleName");
    }
}
