package io.stratus.aws.simulator.internal;

import io.stratus.aws.simulator.seed.RegionSeed;

import java.time.Instant;

/**
 * One authenticated call as an operation sees it. Operations call {@link #authorize} with the
 * resource they act on before doing anything, since the resource decides AccessDenied's message.
 * {@code region} is the one the request was signed for, which regional services answer for.
 */
public record Invocation(String action, String region, Credential credential, Instant now) {

    public Principal caller() {
        return credential.principal();
    }

    /** What the caller's account holds in the region the request was signed for. */
    public RegionSeed callerRegion() {
        return caller().account().region(region);
    }

    /** The ARN of a resource of the caller's account in this region, e.g. {@code arn("rds", "db:orders")}. */
    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + caller().account().id() + ":" + resource;
    }

    /** The same call, authorized as another action: one operation may stand for several IAM actions (PartiQL). */
    public Invocation as(String otherAction) {
        return new Invocation(otherAction, region, credential, now);
    }

    /** Applies the caller's allow/deny lists to this call's action (default: allowed). */
    public void authorize(String resource) {
        var permissions = caller().permissions();
        String denial;
        if (permissions.deny().stream().anyMatch(pattern -> ActionPattern.matches(pattern, action))
                || deniedWithoutMfa()) {
            denial = " with an explicit deny in an identity-based policy";
        } else if (!permissions.allow().isEmpty()
                && permissions.allow().stream().noneMatch(pattern -> ActionPattern.matches(pattern, action))) {
            denial = " because no identity-based policy allows the " + action + " action";
        } else {
            return;
        }
        throw accessDenied(resource, denial);
    }

    /** A deny conditioned on {@code aws:MultiFactorAuthPresent}: it holds for keys of a sign-in without MFA. */
    private boolean deniedWithoutMfa() {
        return caller() instanceof Principal.User user && !credential.mfaPresent()
                && user.user().denyWithoutMfa().stream().anyMatch(pattern -> ActionPattern.matches(pattern, action));
    }

    /** AWS's wording: "User: ARN is not authorized to perform: ACTION on resource: RESOURCE ...". */
    AwsError accessDenied(String resource, String reason) {
        return new AwsError(AwsError.Kind.ACCESS_DENIED, "User: " + caller().arn() + " is not authorized to perform: "
                + action + " on resource: " + resource + reason);
    }
}
