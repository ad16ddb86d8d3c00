package io.stratus.explorer.internal;

import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudService;
import io.stratus.core.identity.AwsCredentials;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/** Finds the databases of one service in one region. */
interface Scanner {

    CloudService service();

    /** @return what was found, and which IAM actions were refused (their part is then missing) */
    Found scan(Scan scan, ScanScope scope);

    /**
     * One refresh of one person's tree: the AWS calls, made with their keys; where independent
     * calls may run side by side; and the listings scanners of that refresh share.
     */
    record Scan(AwsCalls aws, AwsCredentials credentials, ExecutorService parallel,
            ConcurrentMap<Object, CompletableFuture<Object>> listings) {

        /**
         * The listing under this key, made once per refresh: the first scanner to ask makes it,
         * the others wait for it and get the same result or failure.
         */
        @SuppressWarnings("unchecked")
        <T> T shared(Object key, Supplier<T> listing) {
            CompletableFuture<Object> mine = new CompletableFuture<>();
            CompletableFuture<Object> first = listings.putIfAbsent(key, mine);
            if (first == null) {
                try {
                    mine.complete(listing.get());
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e);
                }
                first = mine;
            }
            return (T) join(first);
        }

        /** Runs a call beside this one. */
        <T> CompletableFuture<T> beside(Supplier<T> call) {
            return CompletableFuture.supplyAsync(call, parallel);
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

    record Found(List<CloudResource> resources, List<String> deniedActions) {
        static Found all(List<CloudResource> resources) {
            return new Found(resources, List.of());
        }
    }

    /** Where the scan runs: the account, its partition and the region. */
    record ScanScope(String accountId, String partition, String region) {
        String arn(String service, String resource) {
            return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
        }
    }
}
