package io.stratus.core;

import java.util.Objects;

/**
 * A failure a person can act on. The message says what happened and what to do; it never
 * contains a secret, so it may be shown, logged and sent over the API as it is.
 */
public class StratusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Problem problem;

    public StratusException(Problem problem, String message) {
        this(problem, message, null);
    }

    public StratusException(Problem problem, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
