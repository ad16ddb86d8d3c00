package io.stratus.aws;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

/**
 * The requests of one {@link AwsClients#call}: what to send with the service's shared client. Give
 * every request {@code signedAs} ({@code .overrideConfiguration(signedAs)}): it signs the request
 * with the person's keys. The shared clients have no keys of their own, so a request without it
 * fails before it is sent, never going out under anybody else's keys.
 *
 * <pre>{@code
 * aws.call(keys, AwsService.rds(region), "DescribeDBInstances",
 *         (rds, signedAs) -> rds.describeDBInstancesPaginator(r -> r.overrideConfiguration(signedAs))
 *                 .dbInstances().stream().toList());
 * }</pre>
 */
@FunctionalInterface
public interface SignedCall<C, T> {

    T send(C client, AwsRequestOverrideConfiguration signedAs);
}
