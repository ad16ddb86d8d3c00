package io.stratus.explorer.internal;

import io.stratus.aws.AwsClients;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.explorer.discovery.AccessDenied;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * Every AWS call of a scan goes through here: at most {@code parallelism} are in flight at once,
 * across all people, and AWS's refusals become either {@link AccessDenied} (naming the action)
 * or the explained {@link StratusException}.
 */
final class AwsCalls {

    private final AwsClients aws;
    private final Semaphore inFlight;

    AwsCalls(AwsClients aws, int parallelism) {
        this.aws = aws;
        this.inFlight = new Semaphore(parallelism);
    }

    AwsClients clients() {
        return aws;
    }

    <T> T call(String service, String action, Supplier<T> request) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StratusException(Problem.UNAVAILABLE, "Discovery was stopped.", e);
        }
        try {
            return request.get();
        } catch (SdkException e) {
            StratusException explained = aws.explain(e, service, action);
            if (explained.problem() == Problem.FORBIDDEN) {
                throw new AccessDenied(service + ":" + action, e);
            }
            throw explained;
        } finally {
            inFlight.release();
        }
    }
}
