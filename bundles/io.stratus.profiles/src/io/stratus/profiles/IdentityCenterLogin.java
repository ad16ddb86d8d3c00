package io.stratus.profiles;

import java.util.Objects;

/**
 * What an IAM Identity Center profile ({@code sso_session}, or the older {@code sso_start_url} on the profile)
 * signs in with: the AWS access portal's start URL and region, and the account and role (permission set) to
 * sign in as. Nothing here is secret: the person approves the sign-in in their browser.
 */
public record IdentityCenterLogin(String startUrl, String region, String accountId, String roleName) {

    public IdentityCenterLogin {
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(roleName, "roleName");
    }
}
