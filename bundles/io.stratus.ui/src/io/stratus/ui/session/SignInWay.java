package io.stratus.ui.session;

import io.stratus.core.session.IdentityCenterSignIn;

import java.util.Objects;

/**
 * How the person signed in, without anything secret: what re-authenticating into the same session asks for again.
 * Keys typed in ({@link SignInMethod}: the same keys' new secrets), an AWS profile (read again), or IAM Identity
 * Center (a new approval at the same portal, for the same role).
 */
public sealed interface SignInWay permits SignInMethod, SignInWay.Profile, SignInWay.IdentityCenter {

    /** A profile of the person's AWS CLI files, by name: read again, as at sign-in, to re-authenticate. */
    record Profile(String name) implements SignInWay {
        public Profile {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Through IAM Identity Center: re-authenticating asks for a new approval at its portal, for the same role. */
    record IdentityCenter(IdentityCenterSignIn through) implements SignInWay {
        public IdentityCenter {
            Objects.requireNonNull(through, "through");
        }
    }
}
