package io.stratus.aws.simulator.internal.dynamodb;

import io.stratus.aws.simulator.internal.AwsError;

/** DynamoDB's error answers, in its own words. */
public final class Errors {

    private Errors() {
    }

    public static AwsError validation(String message) {
        return new AwsError(AwsError.Kind.VALIDATION, message);
    }

    /** The wording DynamoDB gives most complaints about an item, a key or a value. */
    public static AwsError invalidParameter(String message) {
        return validation("One or more parameter values were invalid: " + message);
    }

    public static AwsError conditionalCheckFailed() {
        return new AwsError(AwsError.Kind.CONDITIONAL_CHECK_FAILED, "The conditional request failed");
    }

    /** What the data plane says for a table the caller's account does not have in the region. */
    public static AwsError resourceNotFound() {
        return new AwsError(AwsError.Kind.RESOURCE_NOT_FOUND, "Requested resource not found");
    }
}
