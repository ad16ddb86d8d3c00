package io.stratus.aws.simulator.internal;

/**
 * An AWS error answer. Its code depends on the wire protocol: Query services say
 * {@code InvalidClientTokenId} where JSON services say {@code UnrecognizedClientException}.
 */
public final class AwsError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        MISSING_AUTHENTICATION("MissingAuthenticationToken", "MissingAuthenticationTokenException", 403),
        INCOMPLETE_SIGNATURE("IncompleteSignature", "IncompleteSignatureException", 400),
        INVALID_CLIENT_TOKEN("InvalidClientTokenId", "UnrecognizedClientException", 403),
        SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", "InvalidSignatureException", 403),
        EXPIRED_TOKEN("ExpiredToken", "ExpiredTokenException", 400),
        ACCESS_DENIED("AccessDenied", "AccessDeniedException", 403),
        INVALID_ACTION("InvalidAction", "UnknownOperationException", 400),
        VALIDATION("ValidationError", "ValidationException", 400),
        INVALID_PARAMETER_VALUE("InvalidParameterValue", "InvalidParameterValueException", 400),
        MALFORMED_REQUEST("MalformedQueryString", "SerializationException", 400),
        NO_SUCH_ENTITY("NoSuchEntity", "NoSuchEntityException", 404),
        RESOURCE_NOT_FOUND("ResourceNotFound", "ResourceNotFoundException", 400),
        CLUSTER_NOT_FOUND("ClusterNotFound", "ClusterNotFoundFault", 404),
        CONDITIONAL_CHECK_FAILED("ConditionalCheckFailed", "ConditionalCheckFailedException", 400),
        DUPLICATE_ITEM("DuplicateItem", "DuplicateItemException", 400),
        ORGANIZATIONS_NOT_IN_USE("AWSOrganizationsNotInUseException", "AWSOrganizationsNotInUseException", 400),
        THROTTLING("Throttling", "ThrottlingException", 400),
        INTERNAL_FAILURE("InternalFailure", "InternalFailure", 500),
        SERVICE_UNAVAILABLE("ServiceUnavailable", "ServiceUnavailable", 503);

        final String queryCode;
        final String jsonCode;
        final int status;

        Kind(String queryCode, String jsonCode, int status) {
            this.queryCode = queryCode;
            this.jsonCode = jsonCode;
            this.status = status;
        }
    }

    final Kind kind;

    public AwsError(Kind kind, String message) {
        super(message, null, false, false); // an answer, not a bug: no stack trace needed
        this.kind = kind;
    }

    /** What AWS answers for a key it does not know, or no longer accepts. */
    public static AwsError invalidClientToken() {
        return new AwsError(Kind.INVALID_CLIENT_TOKEN, "The security token included in the request is invalid.");
    }

    /** What AWS answers when it failed itself. */
    public static AwsError internalFailure() {
        return new AwsError(Kind.INTERNAL_FAILURE,
                "The request processing has failed because of an unknown error, exception or failure.");
    }

    /** The fault is the caller's (AWS's {@code Sender}) unless the server failed. */
    boolean senderFault() {
        return kind.status < 500;
    }
}
