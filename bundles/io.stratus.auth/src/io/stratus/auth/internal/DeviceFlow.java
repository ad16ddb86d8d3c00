package io.stratus.auth.internal;

import io.stratus.core.identity.Secret;
import io.stratus.core.session.AuthorizationProgress;
import io.stratus.core.session.DeviceAuthorization;
import io.stratus.core.session.IdentityCenterRole;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One IAM Identity Center sign-in in progress: the device code while it waits, the access token once
 * approved, both wiped when it ends. Its owner synchronizes on it.
 */
final class DeviceFlow {

    final DeviceAuthorization authorization;
    final String clientId;
    private final Secret clientSecret;
    private final Secret deviceCode;
    private Secret accessToken;
    private Instant accessTokenExpiresAt;
    private AuthorizationProgress.State state = AuthorizationProgress.State.PENDING;
    private Duration interval;
    private Instant nextPollAt;
    private List<IdentityCenterRole> roles;
    private Instant approvedAt;

    DeviceFlow(DeviceAuthorization authorization, String clientId, Secret clientSecret, Secret deviceCode, Instant now) {
        this.authorization = authorization;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.deviceCode = deviceCode;
        this.interval = authorization.interval();
        this.nextPollAt = now;
    }

    String id() {
        return authorization.id();
    }

    AuthorizationProgress.State state() {
        return state;
    }

    Duration interval() {
        return interval;
    }

    /** Whether AWS may be asked again now, and if so, when the next time may be. */
    boolean mayPoll(Instant now) {
        if (now.isBefore(nextPollAt)) {
            return false;
        }
        nextPollAt = now.plus(interval);
        return true;
    }

    /** RFC 8628: a client asked to slow down waits five seconds longer from then on. */
    void slowDown(Instant now) {
        interval = interval.plusSeconds(5);
        nextPollAt = now.plus(interval);
    }

    Secret clientSecret() {
        return clientSecret;
    }

    Secret deviceCode() {
        return deviceCode;
    }

    void approved(Secret token, Instant tokenExpiresAt, Instant now) {
        accessToken = token;
        accessTokenExpiresAt = tokenExpiresAt;
        approvedAt = now;
        state = AuthorizationProgress.State.APPROVED;
        deviceCode.clear();
    }

    Optional<Secret> accessToken() {
        return Optional.ofNullable(accessToken).filter(token -> !token.isCleared());
    }

    /** Ends it as expired or denied, wiping what it held. */
    void ended(AuthorizationProgress.State how) {
        state = how;
        wipe();
    }

    Optional<List<IdentityCenterRole>> roles() {
        return Optional.ofNullable(roles);
    }

    void roles(List<IdentityCenterRole> listed) {
        roles = List.copyOf(listed);
    }

    /**
     * Whether it is over by the clock: a code nobody approved in time, or an approval whose role was
     * not chosen within {@code choosing} (or whose access token expired).
     */
    boolean overAt(Instant now, Duration choosing) {
        if (state == AuthorizationProgress.State.PENDING) {
            return !now.isBefore(authorization.expiresAt());
        }
        if (state == AuthorizationProgress.State.APPROVED) {
            return !now.isBefore(approvedAt.plus(choosing)) || !now.isBefore(accessTokenExpiresAt);
        }
        return true;
    }

    void wipe() {
        clientSecret.clear();
        deviceCode.clear();
        if (accessToken != null) {
            accessToken.clear();
        }
    }

    @Override
    public String toString() {
        return "DeviceFlow[" + authorization.userCode() + " " + state + "]";
    }
}
