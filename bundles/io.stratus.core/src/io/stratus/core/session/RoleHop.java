package io.stratus.core.session;

import io.stratus.core.identity.MfaCode;

import java.util.Objects;
import java.util.Optional;

/**
 * A role assumed on the way to the role a person signs in as (role chaining, as an AWS profile whose
 * {@code source_profile} is itself a role profile asks for), with the MFA code its own {@code AssumeRole}
 * call gives when that role's trust policy asks for MFA.
 */
public record RoleHop(RoleToAssume role, Optional<MfaCode> mfa) {

    public RoleHop {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(mfa, "mfa");
    }
}
