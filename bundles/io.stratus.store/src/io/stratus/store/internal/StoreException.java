package io.stratus.store.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

/**
 * A failure of the store's database itself. Its message is for whoever asked, over the API too:
 * what happened and what to do, without the store's location, SQL or the database's own words.
 * Those are in {@link #details()}, for the operator: the server's log, or the message that stops
 * start-up when the store cannot be opened.
 */
final class StoreException extends StratusException {

    private static final long serialVersionUID = 1L;

    private final String details;

    StoreException(String message, String details, Throwable cause) {
        super(Problem.UNAVAILABLE, message, cause);
        this.details = details;
    }

    String details() {
        return details;
    }
}
