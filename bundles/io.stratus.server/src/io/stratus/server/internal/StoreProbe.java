package io.stratus.server.internal;

import io.stratus.core.StratusException;
import io.stratus.core.store.ConfigStore;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the store answers, for readiness and the store's round trip in the metrics: a small read
 * at most once a second, on a thread of its own, one at a time. Callers never wait for it: they get
 * the last answer, so balancers polling many times a second, or a store that hangs, hold no thread
 * of the listener and cost one connection at most. The store answered when it opened, so until the
 * first probe has answered it counts as up.
 */
final class StoreProbe {

    private static final long EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final ConfigStore store;
    private final ServerMetrics metrics;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile Optional<String> lastProblem = Optional.empty();
    private volatile long lastProbed = System.nanoTime() - EVERY_NANOS;

    StoreProbe(ConfigStore store, ServerMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /** Why the store was not usable at the last probe, if it was not; starts the next probe when it is due. */
    Optional<String> problem() {
        if (System.nanoTime() - lastProbed >= EVERY_NANOS && probing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("stratus-store-probe").start(this::probe);
        }
        return lastProblem;
    }

    private void probe() {
        long started = System.nanoTime();
        try {
            store.read(reader -> reader.identity().binding());
            lastProblem = Optional.empty();
        } catch (StratusException e) {
            lastProblem = Optional.of(e.getMessage()); // says what without the store's details
        } finally {
            lastProbed = System.nanoTime();
            metrics.storeAnswered(Duration.ofNanos(lastProbed - started), lastProblem.isEmpty());
            probing.set(false);
        }
    }
}
