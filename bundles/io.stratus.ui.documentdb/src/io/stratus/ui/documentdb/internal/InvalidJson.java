package io.stratus.ui.documentdb.internal;

/** JSON a person typed that cannot be sent; the message says what to fix. */
public final class InvalidJson extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidJson(String message) {
        super(message);
    }
}
