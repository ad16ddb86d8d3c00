package io.stratus.core.identity;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.util.Objects;
import java.util.function.Function;

/**
 * Lends a person's own AWS keys for one call at a time: the one way code reaches them to sign a
 * request on the person's behalf. A signed-in person's keys come from their session
 * ({@link io.stratus.core.session.UserSession#awsKeys()}) and stay in its vault: once the session
 * has ended every loan is refused, and an AWS answer that the keys are expired or unknown ends it.
 */
public interface AwsKeys {

    /**
     * Runs {@code call} with the keys; do not keep them beyond it.
     *
     * @throws StratusException NOT_SIGNED_IN if the keys are no longer there (their session ended),
     *         or when {@code call} fails so because AWS no longer accepts them
     */
    <T> T use(Function<AwsCredentials, T> call);

    /**
     * Keys its caller holds itself, not a session's: those being checked at sign-in, before there
     * is a session, and test fixtures. They are lent as they are, until their owner clears them.
     */
    static AwsKeys of(AwsCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return new AwsKeys() {
            @Override
            public <T> T use(Function<AwsCredentials, T> call) {
                if (credentials.secretAccessKey().isCleared()) {
                    throw new StratusException(Problem.NOT_SIGNED_IN, "These AWS keys were wiped. Sign in again.");
                }
                return call.apply(credentials);
            }

            @Override
            public String toString() {
                return "AwsKeys[" + credentials.maskedAccessKeyId() + "]";
            }
        };
    }
}
