package io.stratus.aws.simulator.internal;

/** A service as the wire sees it: how its requests name an action and how its answers look. */
public sealed interface Api permits QueryApi, JsonApi, RestJsonApi {

    /** The SigV4 signing name, which is also the prefix of its IAM actions ({@code sts}). */
    String service();

    /** Whether its calls are signed with SigV4; IAM Identity Center's are not (a bearer token, or nothing). */
    default boolean signed() {
        return true;
    }

    /** The action the call names, as sent; empty if it names none. */
    String actionOf(HttpCall call);

    /** Runs the action for an authenticated caller and writes its successful answer. */
    Reply answer(Invocation invocation, HttpCall call, String requestId);

    Reply error(AwsError error, String requestId);

    /** A 200 answer cut off in the middle, for a test fixture's fault. */
    Reply malformed(String action);

    /** A well-formed 200 answer with an empty result, for a test fixture's fault. */
    Reply emptyResult(String action, String requestId);
}
