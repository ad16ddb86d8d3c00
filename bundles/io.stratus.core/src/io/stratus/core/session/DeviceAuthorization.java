package io.stratus.core.session;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * An IAM Identity Center sign-in waiting for its person: they open {@code verificationUri} (or {@code
 * verificationUriComplete}, which carries the code), check that it shows {@code userCode}, sign in to
 * their AWS access portal there and approve. Nothing here is secret but {@code id}, which names the
 * sign-in in {@link IdentityCenter}'s calls: keep it to the front end that started it.
 *
 * @param interval how often to {@link IdentityCenter#poll poll}; asking sooner is answered without asking AWS
 */
public record DeviceAuthorization(String id, IdentityCenterPortal portal, String userCode, URI verificationUri,
        URI verificationUriComplete, Instant expiresAt, Duration interval) {

    @Override
    public String toString() {
        return "DeviceAuthorization[" + userCode + " at " + portal.startUrl() + " until " + expiresAt + "]";
    }
}
