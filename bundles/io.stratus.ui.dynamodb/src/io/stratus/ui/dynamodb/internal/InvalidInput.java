package io.stratus.ui.dynamodb.internal;

/** What the person typed cannot be sent; the message says what to fix. */
public final class InvalidInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidInput(String whatToFix) {
        super(whatToFix, null, false, false);
    }
}
