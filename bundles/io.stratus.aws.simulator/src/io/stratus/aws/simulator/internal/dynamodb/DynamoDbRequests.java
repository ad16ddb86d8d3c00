package io.stratus.aws.simulator.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Checks of DynamoDB request parameters that several operations share. */
final class DynamoDbRequests {

    private DynamoDbRequests() {
    }

    /**
     * The simulator speaks expressions only; a legacy parameter (Expected, ScanFilter, ...) is
     * refused rather than silently ignored.
     */
    static void refuseLegacy(JsonNode input, String... parameters) {
        for (String parameter : parameters) {
            if (input.hasNonNull(parameter)) {
                throw Errors.validation("The AWS simulator does not support the legacy parameter " + parameter
                        + "; use the expression parameters (ConditionExpression, FilterExpression, ...) instead");
            }
        }
    }

    /** The request's ReturnValues, NONE by default, which must be one this operation allows. */
    static String returnValues(JsonNode input, String... allowed) {
        String returnValues = input.path("ReturnValues").asText("NONE");
        if (!List.of(allowed).contains(returnValues)) {
            throw Errors.validation("Return values set to invalid value");
        }
        return returnValues;
    }

    /** Every read is consistent here; DynamoDB refuses to promise it for a global index. */
    static void consistentRead(JsonNode input, ItemIndex index) {
        if (input.path("ConsistentRead").asBoolean(false) && index.isGlobal()) {
            throw Errors.validation("Consistent reads are not supported on global secondary indexes");
        }
    }

    static void refuseKeyChanges(TableSchema schema, List<DocumentPath> paths) {
        for (DocumentPath path : paths) {
            if (schema.isKeyAttribute(path.attribute())) {
                throw Errors.invalidParameter("Cannot update attribute " + path.attribute()
                        + ". This attribute is part of the key");
            }
        }
    }

    /** The items a read may evaluate: {@code Limit}, at least 1, or no limit but the page size. */
    static int limit(JsonNode input) {
        if (!input.hasNonNull("Limit")) {
            return Integer.MAX_VALUE;
        }
        int limit = input.get("Limit").asInt();
        if (limit < 1) {
            throw Errors.validation("1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return limit;
    }
}
