package io.stratus.core.session;

import java.time.Duration;

/**
 * Where an IAM Identity Center sign-in stands, with a sentence for the person and how long to wait
 * before asking again.
 */
public record AuthorizationProgress(State state, String message, Duration interval) {

    public enum State {
        /** Nobody approved or denied the code yet. */
        PENDING,
        /** Approved: the person may choose a role ({@link IdentityCenter#roles}) and sign in. */
        APPROVED,
        /** The code expired before anybody approved it: start again. */
        EXPIRED,
        /** Somebody denied the request on the verification page: start again if that was a mistake. */
        DENIED;

        /** Whether the sign-in is over and a new one must start. */
        public boolean ended() {
            return this == EXPIRED || this == DENIED;
        }
    }
}
