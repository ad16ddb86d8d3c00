package io.stratus.aws.simulator.internal;

import java.time.Instant;

/**
 * One authenticated call as an operation sees it. Operations call {@link #authorize} with the
 * resource they act on before doing anything, since the resource decides AccessDenied's message.
 */
record Invocation(String action, Credential credential, Instant now) {

    Principal caller() {
        return credential.principal();
    }

    /** Applies the caller's allow/deny lists to this call's action (default: allowed). */
    void authorize(String resource) {
        var permissions = caller().permissions();
        String denial;
        if (permissions.deny().stream().anyMatch(pattern -> ActionPattern.matches(pattern, action))) {
            denial = " with an explicit deny in an identity-based policy";
        } else if (!permissions.allow().isEmpty()
                && permissions.allow().stream().noneMatch(pattern -> ActionPattern.matches(pattern, action))) {
            denial = " because no identity-based policy allows the " + action + " action";
        } else {
            return;
        }
        throw accessDenied(resource, denial);
    }

    /** AWS's wording: "User: ARN is not authorized to perform: ACTION on resource: RESOURCE ...". */
    AwsError accessDenied(String resource, String reason) {
        return new AwsError(AwsError.Kind.ACCESS_DENIED, "User: " + caller().arn() + " is not authorized to perform: "
                + action + " on resource: " + resource + reason);
    }
}
