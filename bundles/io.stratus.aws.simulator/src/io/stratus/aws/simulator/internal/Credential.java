package io.stratus.aws.simulator.internal;

import java.time.Instant;

/**
 * An access key the simulator accepts. Long-term keys come from the seed; temporary ones
 * ({@code ASIA...}) are issued by STS and carry a session token and an expiry.
 */
record Credential(String accessKeyId, String secret, Principal principal, boolean active, String sessionToken,
        Instant expiration) {

    boolean temporary() {
        return sessionToken != null;
    }

    @Override
    public String toString() { // records print every field; a secret must never reach a log
        return "Credential[" + accessKeyId + " of " + principal.arn() + "]";
    }
}
