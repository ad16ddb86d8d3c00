package io.stratus.aws.internal;

import io.stratus.core.identity.AwsCredentials;

import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

/**
 * A person's keys as the SDK sees them: a reference to the session's own credentials, not a
 * copy. The SDK's identities hold the secret as a String, which nothing can wipe; this one hands
 * the secret to nobody, and {@link VaultSigner} reads it from the vault's characters. Whatever
 * keeps a reference to it after a request holds only keys that are wiped when the session ends.
 */
record VaultIdentity(AwsCredentials credentials) implements AwsCredentialsIdentity {

    /** Resolves to these keys, for one request's override configuration. */
    static IdentityProvider<AwsCredentialsIdentity> providerOf(AwsCredentials credentials) {
        VaultIdentity identity = new VaultIdentity(credentials);
        return new IdentityProvider<>() {
            @Override
            public Class<AwsCredentialsIdentity> identityType() {
                return AwsCredentialsIdentity.class;
            }

            @Override
            public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
                return CompletableFuture.completedFuture(identity);
            }
        };
    }

    @Override
    public String accessKeyId() {
        return credentials.accessKeyId();
    }

    /**
     * Refused: a String of the secret could not be wiped. A caller here is an SDK signer other
     * than {@link VaultSigner} (one that would also cache a key derived from the secret), so it
     * must fail rather than sign.
     */
    @Override
    public String secretAccessKey() {
        throw new UnsupportedOperationException("Stratus signs AWS requests only with its own SigV4 signer, which "
                + "reads the secret key from the session's vault; this SDK path would copy it into a String.");
    }
}
