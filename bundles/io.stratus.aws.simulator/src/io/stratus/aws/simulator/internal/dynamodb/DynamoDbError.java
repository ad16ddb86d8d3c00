package io.stratus.aws.simulator.internal.dynamodb;

/**
 * An error DynamoDB answers with, in its own words. The DynamoDB API turns it into the wire's
 * error answer, so the engine needs nothing of the protocol code around it.
 */
final class DynamoDbError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** DynamoDB's error types that the engine raises. */
    public enum Code {
        VALIDATION, CONDITIONAL_CHECK_FAILED, RESOURCE_NOT_FOUND, DUPLICATE_ITEM
    }

    private final Code code;

    DynamoDbError(Code code, String message) {
        super(message, null, false, false); // an answer, not a bug: no stack trace needed
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
