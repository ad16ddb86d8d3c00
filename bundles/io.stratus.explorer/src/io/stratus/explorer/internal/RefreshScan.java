package io.stratus.explorer.internal;

import io.stratus.aws.AwsClients;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.explorer.discovery.Scan;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/** One refresh of one person's tree: their keys, the bounded AWS calls, and the listings shared in it. */
record RefreshScan(AwsCalls aws, AwsCredentials credentials, ExecutorService parallel,
        ConcurrentMap<Object, CompletableFuture<Object>> listings) implements Scan {

    @Override
    public AwsClients clients() {
        return aws.clients();
    }

    @Override
    public <T> T call(String service, String action, Supplier<T> request) {
        return aws.call(service, action, request);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, Supplier<T> listing) {
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
        return (T) Scan.join(first);
    }

    @Override
    public <T> CompletableFuture<T> beside(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, parallel);
    }
}
