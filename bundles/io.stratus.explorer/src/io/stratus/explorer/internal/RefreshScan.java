package io.stratus.explorer.internal;

import io.stratus.aws.AwsService;
import io.stratus.aws.SignedCall;
import io.stratus.core.identity.AwsKeys;
import io.stratus.discovery.Scan;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import software.amazon.awssdk.core.SdkClient;

/** One refresh of one person's tree: their keys, the bounded AWS calls, and the listings shared in it. */
record RefreshScan(AwsCalls aws, AwsKeys keys, ExecutorService parallel,
        ConcurrentMap<Object, CompletableFuture<Object>> listings) implements Scan {

    @Override
    public <C extends SdkClient, T> T call(AwsService<C> service, String action, SignedCall<C, T> requests) {
        return aws.call(keys, service, action, requests);
    }

    @Override
    public String callRest(String service, String region, String action, String path, Map<String, String> query) {
        return aws.callRest(keys, service, region, action, path, query);
    }

    @Override
    public String callJson(String service, String region, String target, String body) {
        return aws.callJson(keys, service, region, target, body);
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
