package io.stratus.core.identity;

import io.stratus.core.identity.AwsCredentials;

import java.util.function.Function;

/**
 * Lends the signed-in person's own AWS keys for one call at a time, for databases that AWS itself
 * serves (DynamoDB) and for RDS IAM tokens. The keys stay in the session's vault: a call made
 * after the session ended is refused.
 */
public interface AwsKeys {

    /** Runs {@code call} with the keys; do not keep them beyond it. */
    <T> T use(Function<AwsCredentials, T> call);
}
