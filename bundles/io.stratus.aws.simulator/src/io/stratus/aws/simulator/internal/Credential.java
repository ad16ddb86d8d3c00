package io.stratus.aws.simulator.internal;

import java.time.Instant;

/**
 * An access key the simulator accepts. Long-term keys come from the seed; temporary ones
 * ({@code ASIA...}) are issued by STS and carry a session token, an expiry and whether their sign-in
 * gave an MFA code ({@code aws:MultiFactorAuthPresent}).
 */
record Credential(String accessKeyId, String secret, Principal principal, boolean active, String sessionToken,
        Instant expiration, boolean mfaPresent) {

    boolean temporary() {
        return sessionToken != null;
    }

    @Override
    public String toString() { // records print every field; a secret must never reach a log
        return "Credential[" + accessKeyId + " of " + principal.arn() + "]";
    }
}
