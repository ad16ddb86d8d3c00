package io.stratus.core.admin;

import io.stratus.core.identity.PrincipalType;

import java.time.Instant;
import java.util.Set;

/** A Stratus user as administrators see it: the AWS principal, its roles, when it was seen. */
public record UserView(String principalId, String arn, String displayName, PrincipalType type, Set<String> roleIds,
        Instant firstSignIn, Instant lastSignIn) {

    public UserView {
        roleIds = Set.copyOf(roleIds);
    }
}
