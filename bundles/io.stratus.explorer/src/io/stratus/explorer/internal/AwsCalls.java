package io.stratus.explorer.internal;

import io.stratus.aws.AwsClients;
import io.stratus.aws.AwsService;
import io.stratus.aws.SignedCall;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsKeys;
import io.stratus.discovery.AccessDenied;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import software.amazon.awssdk.core.SdkClient;

/**
 * Every AWS call of a scan goes through here, on to the AWS gateway: at most {@code parallelism}
 * are in flight at once, across all people, and IAM's refusals become {@link AccessDenied} (naming
 * the action), which a scan reports as "no permission" rather than as a failure.
 */
final class AwsCalls {

    private final AwsClients aws;
    private final Semaphore inFlight;

    AwsCalls(AwsClients aws, int parallelism) {
        this.aws = aws;
        this.inFlight = new Semaphore(parallelism);
    }

    <C extends SdkClient, T> T call(AwsKeys keys, AwsService<C> service, String action, SignedCall<C, T> requests) {
        return bounded(service.name(), action, () -> aws.call(keys, service, action, requests));
    }

    String callRest(AwsKeys keys, String service, String region, String action, String path,
            Map<String, String> query) {
        return bounded(service, action, () -> aws.callRest(keys, service, region, action, path, query));
    }

    String callJson(AwsKeys keys, String service, String region, String target, String body) {
        return bounded(service, target.substring(target.indexOf('.') + 1), () -> new String(aws.callJson(keys, service,
                region, target, body), StandardCharsets.UTF_8));
    }

    private <T> T bounded(String service, String action, Supplier<T> call) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StratusException(Problem.UNAVAILABLE, "Discovery was stopped.", e);
        }
        try {
            return call.get();
        } catch (StratusException e) {
            if (e.problem() == Problem.FORBIDDEN) {
                throw new AccessDenied(service + ":" + action, e);
            }
            throw e;
        } finally {
            inFlight.release();
        }
    }
}
