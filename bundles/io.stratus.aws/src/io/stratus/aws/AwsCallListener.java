package io.stratus.aws;

import java.time.Duration;

/**
 * Whiteboard service told of every AWS call {@link AwsClients} makes, once it is answered or has
 * failed: what operators measure (latency by service, failures). Called on the calling thread;
 * implementations return quickly and never throw. Never told whose keys signed the call.
 */
public interface AwsCallListener {

    /**
     * @param service the AWS service, e.g. {@code sts}, {@code rds}
     * @param action the API action, e.g. {@code GetCallerIdentity}
     * @param took from the first request of the call (retries included) to its answer or failure
     * @param failed whether the call ended in an error (AWS's, or the network's)
     */
    void answered(String service, String action, Duration took, boolean failed);
}
