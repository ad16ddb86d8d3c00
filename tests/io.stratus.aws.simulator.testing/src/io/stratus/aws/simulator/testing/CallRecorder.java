package io.stratus.aws.simulator.testing;

import io.stratus.aws.simulator.internal.ActionPattern;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@link CallLog}. Counts are kept for every call; only the latest calls are kept in full, so
 * a benchmark of millions of calls does not grow without bound.
 */
final class CallRecorder implements CallLog {

    private static final int CALLS_KEPT = 10_000;

    private record Key(String action, String principalArn) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final Deque<Call> latest = new ArrayDeque<>(); // guarded by itself

    void record(Call call) {
        counts.computeIfAbsent(new Key(call.action(), call.principalArn()), key -> new LongAdder()).increment();
        synchronized (latest) {
            latest.addLast(call);
            if (latest.size() > CALLS_KEPT) {
                latest.removeFirst();
            }
        }
    }

    @Override
    public List<Call> all() {
        synchronized (latest) {
            return List.copyOf(latest);
        }
    }

    @Override
    public long count(String actionPattern) {
        return counts.entrySet().stream()
                .filter(e -> ActionPattern.matches(actionPattern, e.getKey().action()))
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    @Override
    public long count(String actionPattern, String principalArn) {
        return counts.entrySet().stream()
                .filter(e -> ActionPattern.matches(actionPattern, e.getKey().action())
                        && Objects.equals(principalArn, e.getKey().principalArn()))
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    @Override
    public void clear() {
        counts.clear();
        synchronized (latest) {
            latest.clear();
        }
    }
}
