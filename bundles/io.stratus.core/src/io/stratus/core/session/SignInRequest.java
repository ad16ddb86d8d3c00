package io.stratus.core.session;

import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.MfaCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a person signs in: with their AWS keys as they are; with the keys and an MFA code, which STS
 * {@code GetSessionToken} turns into temporary keys that carry the MFA (so policies conditioned on
 * {@code aws:MultiFactorAuthPresent} hold); or as a role, which STS {@code AssumeRole} gives them with
 * their keys (and an MFA code when the role's trust policy asks for one). When STS issues temporary
 * keys, the keys typed in serve that one call and are wiped right after it.
 *
 * A role may be reached through others (role chaining): the keys assume the first role of {@code via}, its
 * keys the next, and so on up to {@code role}, the one the person signs in as. Each call carries the MFA code
 * given for its role; the keys of every role on the way serve the next call only and are wiped after it.
 * The builder methods follow the chain: {@code withKeys(k).withMfa(code).assuming(a).assuming(b)} gives the
 * code to the call that assumes {@code a}, then assumes {@code b} with {@code a}'s keys.
 *
 * @param mfa the MFA code of the last call: {@code GetSessionToken} without a role, else assuming {@code role}
 * @param keysExpireAt when keys used as they are expire, where whoever issued them said so (IAM Identity
 *        Center's role credentials, a credential process); keys that STS issues here carry their own expiry
 * @param via the roles assumed on the way to {@code role}, in order; empty without a chain
 * @param origin where the request came from as the front door saw it (the client's address, behind trusted
 *        proxies the one they name), which the audit trail records with the sign-in; empty where there is none
 * @param identityCenterApproval whether {@code keys} are a role's credentials that IAM Identity Center gave for a
 *        sign-in the person approved in their browser, rather than keys they gave: a refusal of the identity
 *        they lead to then speaks of that approval
 */
public record SignInRequest(AwsCredentials keys, Optional<MfaCode> mfa, Optional<RoleToAssume> role,
        Optional<Instant> keysExpireAt, List<RoleHop> via, Optional<String> origin, boolean identityCenterApproval) {

    public SignInRequest {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(mfa, "mfa");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(keysExpireAt, "keysExpireAt");
        Objects.requireNonNull(origin, "origin");
        via = List.copyOf(via);
        if (!via.isEmpty() && role.isEmpty()) {
            throw new IllegalArgumentException("A chain of roles ends with the role to sign in as");
        }
    }

    /** Without a chain of roles, from nowhere in particular. */
    public SignInRequest(AwsCredentials keys, Optional<MfaCode> mfa, Optional<RoleToAssume> role,
            Optional<Instant> keysExpireAt) {
        this(keys, mfa, role, keysExpireAt, List.of(), Optional.empty(), false);
    }

    /** Signing in with the keys alone, as they are. */
    public static SignInRequest withKeys(AwsCredentials keys) {
        return new SignInRequest(keys, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The code goes with the last call so far: {@code GetSessionToken}, or assuming the last role given. */
    public SignInRequest withMfa(MfaCode code) {
        return new SignInRequest(keys, Optional.of(code), role, keysExpireAt, via, origin, identityCenterApproval);
    }

    /** Signs in as {@code target}; if a role was given already, {@code target} is assumed with that role's keys. */
    public SignInRequest assuming(RoleToAssume target) {
        if (role.isEmpty()) {
            return new SignInRequest(keys, mfa, Optional.of(target), keysExpireAt, via, origin, identityCenterApproval);
        }
        List<RoleHop> longer = new ArrayList<>(via);
        longer.add(new RoleHop(role.get(), mfa));
        return new SignInRequest(keys, Optional.empty(), Optional.of(target), keysExpireAt, longer, origin,
                identityCenterApproval);
    }

    /** The keys expire then, as their issuer said: the session shows it and asks for new keys at that moment. */
    public SignInRequest expiringAt(Instant expiry) {
        return new SignInRequest(keys, mfa, role, Optional.of(expiry), via, origin, identityCenterApproval);
    }

    /** Came from {@code address}, as the front door saw it: the audit trail records it with the sign-in. */
    public SignInRequest from(String address) {
        return new SignInRequest(keys, mfa, role, keysExpireAt, via, Optional.of(address), identityCenterApproval);
    }

    /** The keys are the role credentials IAM Identity Center gave for a sign-in the person approved. */
    public SignInRequest approvedThroughIdentityCenter() {
        return new SignInRequest(keys, mfa, role, keysExpireAt, via, origin, true);
    }

    /** Every call STS makes for this request, in order: the roles of {@code via}, then {@code role} with {@code mfa}. */
    public List<RoleHop> roleChain() {
        if (role.isEmpty()) {
            return List.of();
        }
        List<RoleHop> chain = new ArrayList<>(via);
        chain.add(new RoleHop(role.get(), mfa));
        return chain;
    }

    /** Whether STS issues the session's keys (MFA or a role) rather than the keys typed in being used as they are. */
    public boolean exchangesKeys() {
        return mfa.isPresent() || role.isPresent();
    }

    /** Wipes everything secret that was given: the secret key, the session token and the MFA codes. */
    public void clear() {
        keys.clear();
        mfa.ifPresent(MfaCode::clear);
        via.forEach(hop -> hop.mfa().ifPresent(MfaCode::clear));
    }
}
