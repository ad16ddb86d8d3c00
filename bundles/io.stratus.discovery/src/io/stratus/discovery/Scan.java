package io.stratus.discovery;

import io.stratus.aws.AwsService;
import io.stratus.aws.SignedCall;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import software.amazon.awssdk.core.SdkClient;

/**
 * One refresh of one person's tree, as a discovery sees it: AWS calls made with the person's keys
 * (bounded for all people together), where independent calls may run side by side, and the
 * listings discoveries of that refresh share. A discovery never holds the keys: each call signs
 * with them, through {@link io.stratus.aws.AwsClients#call}.
 */
public interface Scan {

    /**
     * Makes one call of {@code service:action} with the person's keys (see {@link SignedCall});
     * IAM's refusal becomes {@link AccessDenied} naming {@code service:action}, any other failure
     * an explained {@link io.stratus.core.StratusException}.
     */
    <C extends SdkClient, T> T call(AwsService<C> service, String action, SignedCall<C, T> requests);

    /**
     * The same for a GET of an AWS REST-JSON API that has no SDK client in Stratus (see {@link
     * io.stratus.aws.AwsClients#callRest}).
     *
     * @return the JSON body of the answer
     */
    String callRest(String service, String region, String action, String path, Map<String, String> query);

    /**
     * The same for an AWS JSON 1.1 API that has no SDK client in Stratus (Redshift Serverless): posts
     * {@code body} to {@code service} in {@code region} with {@code X-Amz-Target: target}
     * ({@code Prefix.Action}, see {@link io.stratus.aws.AwsClients#callJson(io.stratus.core.identity.AwsKeys,
     * String, String, String, String)}).
     *
     * @return the JSON body of the answer
     */
    String callJson(String service, String region, String target, String body);

    /**
     * The listing under this key, made once per refresh: the first discovery to ask makes it, the
     * others wait for it and get the same result or failure.
     */
    <T> T shared(Object key, Supplier<T> listing);

    /** Runs a call beside this one. */
    <T> CompletableFuture<T> beside(Supplier<T> call);

    /**
     * Whether a call failed because the service's regional endpoint does not exist: AWS has not
     * brought the service to that region (yet), which holds none of its databases then.
     */
    static boolean notOfferedInRegion(StratusException failure) {
        if (failure.problem() != Problem.REMOTE_UNREACHABLE) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** The future's value, or the failure it ended with, unwrapped. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
