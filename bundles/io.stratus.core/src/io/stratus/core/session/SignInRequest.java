package io.stratus.core.session;

import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.MfaCode;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a person signs in: with their AWS keys as they are; with the keys and an MFA code, which STS
 * {@code GetSessionToken} turns into temporary keys that carry the MFA (so policies conditioned on
 * {@code aws:MultiFactorAuthPresent} hold); or as a role, which STS {@code AssumeRole} gives them with
 * their keys (and an MFA code when the role's trust policy asks for one). When STS issues temporary
 * keys, the keys typed in serve that one call and are wiped right after it.
 *
 * @param keysExpireAt when keys used as they are expire, where whoever issued them said so (IAM Identity
 *        Center's role credentials, a credential process); keys that STS issues here carry their own expiry
 */
public record SignInRequest(AwsCredentials keys, Optional<MfaCode> mfa, Optional<RoleToAssume> role,
        Optional<Instant> keysExpireAt) {

    public SignInRequest {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(mfa, "mfa");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(keysExpireAt, "keysExpireAt");
    }

    /** Signing in with the keys alone, as they are. */
    public static SignInRequest withKeys(AwsCredentials keys) {
        return new SignInRequest(keys, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public SignInRequest withMfa(MfaCode code) {
        return new SignInRequest(keys, Optional.of(code), role, keysExpireAt);
    }

    public SignInRequest assuming(RoleToAssume target) {
        return new SignInRequest(keys, mfa, Optional.of(target), keysExpireAt);
    }

    /** The keys expire then, as their issuer said: the session shows it and asks for new keys at that moment. */
    public SignInRequest expiringAt(Instant expiry) {
        return new SignInRequest(keys, mfa, role, Optional.of(expiry));
    }

    /** Whether STS issues the session's keys (MFA or a role) rather than the keys typed in being used as they are. */
    public boolean exchangesKeys() {
        return mfa.isPresent() || role.isPresent();
    }

    /** Wipes everything secret that was typed: the secret key, the session token and the MFA code. */
    public void clear() {
        keys.clear();
        mfa.ifPresent(MfaCode::clear);
    }
}
