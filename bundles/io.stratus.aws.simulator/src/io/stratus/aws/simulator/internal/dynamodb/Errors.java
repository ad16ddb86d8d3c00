package io.stratus.aws.simulator.internal.dynamodb;

/** DynamoDB's error answers, in its own words. */
final class Errors {

    private Errors() {
    }

    public static DynamoDbError validation(String message) {
        return new DynamoDbError(DynamoDbError.Code.VALIDATION, message);
    }

    /** The wording DynamoDB gives most complaints about an item, a key or a value. */
    public static DynamoDbError invalidParameter(String message) {
        return validation("One or more parameter values were invalid: " + message);
    }

    public static DynamoDbError conditionalCheckFailed() {
        return new DynamoDbError(DynamoDbError.Code.CONDITIONAL_CHECK_FAILED, "The conditional request failed");
    }

    /** A PartiQL INSERT of a key the table has. */
    public static DynamoDbError duplicateItem() {
        return new DynamoDbError(DynamoDbError.Code.DUPLICATE_ITEM, "Duplicate primary key exists in table");
    }

    /** What the data plane says for a table the caller's account does not have in the region. */
    public static DynamoDbError resourceNotFound() {
        return new DynamoDbError(DynamoDbError.Code.RESOURCE_NOT_FOUND, "Requested resource not found");
    }
}
