package io.stratus.core.session;

import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.AwsIdentity;

/** Asks AWS whom a set of keys belongs to. Never trusts anything the caller claims. */
public interface IdentityVerifier {

    /**
     * @throws StratusException whose message says what to fix: a malformed key, a wrong secret,
     *         an unknown or deactivated key, an expired token, a skewed clock, AWS unreachable
     */
    AwsIdentity verify(AwsCredentials credentials);
}
