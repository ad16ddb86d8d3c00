package io.stratus.core.session;

import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;

import java.util.function.Function;

/**
 * Lends a live session's own AWS keys to code that calls AWS on the person's behalf. The keys
 * never leave the vault otherwise; they are wiped when the session ends.
 */
public interface SessionCredentials {

    /**
     * Runs {@code work} with the session's keys. If AWS answers that the keys are expired or
     * unknown (a {@link StratusException} of kind {@code NOT_SIGNED_IN}), the session ends and
     * the exception propagates, telling the person to sign in again.
     *
     * @throws StratusException NOT_SIGNED_IN if the session does not exist or has ended
     */
    <T> T withCredentials(String sessionId, Function<AwsCredentials, T> work);
}
