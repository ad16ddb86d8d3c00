package io.stratus.explorer.discovery;

import io.stratus.aws.AwsClients;
import io.stratus.core.identity.AwsCredentials;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One refresh of one person's tree, as a discovery sees it: the AWS clients and the person's
 * keys to sign with, the AWS calls (bounded for all people together), where independent calls may
 * run side by side, and the listings discoveries of that refresh share.
 */
public interface Scan {

    AwsClients clients();

    /** The person's keys; give them to every request, through {@link AwsClients#as}. */
    AwsCredentials credentials();

    /**
     * Makes an AWS call; AWS's refusals become {@link AccessDenied} (naming the action) or an
     * explained {@link io.stratus.core.StratusException}.
     */
    <T> T call(String service, String action, Supplier<T> request);

    /**
     * The listing under this key, made once per refresh: the first discovery to ask makes it, the
     * others wait for it and get the same result or failure.
     */
    <T> T shared(Object key, Supplier<T> listing);

    /** Runs a call beside this one. */
    <T> CompletableFuture<T> beside(Supplier<T> call);

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
