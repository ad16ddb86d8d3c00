package io.stratus.aws.simulator.internal;

import io.stratus.aws.simulator.Fault;
import io.stratus.aws.simulator.Faults;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The {@link Faults} a test sets, and the decisions the dispatcher asks of them for each call. */
public final class FaultInjection implements Faults {

    private final Map<String, Duration> latencies = new ConcurrentHashMap<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicReference<Duration> clockOffset = new AtomicReference<>(Duration.ZERO);
    private final Random random = new Random(20161128L); // fixed seed: the same calls fail on every run

    /** Fires for a call the rule selects, or does not. */
    private sealed interface Rule {
        Fault fault();

        boolean fires(String action);
    }

    private record CountRule(String actionPattern, Fault fault, AtomicInteger remaining) implements Rule {
        @Override
        public boolean fires(String action) {
            return ActionPattern.matches(actionPattern, action) && remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    private record FractionRule(String actionPattern, Fault fault, double fraction, Random random) implements Rule {
        @Override
        public boolean fires(String action) {
            return ActionPattern.matches(actionPattern, action) && random.nextDouble() < fraction;
        }
    }

    @Override
    public Faults latency(String actionPattern, Duration delay) {
        if (delay.isZero()) {
            latencies.remove(actionPattern);
        } else if (delay.isNegative()) {
            throw new IllegalArgumentException("Latency cannot be negative: " + delay);
        } else {
            latencies.put(actionPattern, delay);
        }
        return this;
    }

    @Override
    public Faults failNext(int calls, Fault fault, String actionPattern) {
        rules.add(new CountRule(actionPattern, fault, new AtomicInteger(calls)));
        return this;
    }

    @Override
    public Faults failFraction(double fraction, Fault fault, String actionPattern) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("A fraction of calls is between 0 and 1, not " + fraction);
        }
        rules.add(new FractionRule(actionPattern, fault, fraction, random));
        return this;
    }

    @Override
    public Faults clockOffset(Duration offset) {
        clockOffset.set(offset);
        return this;
    }

    @Override
    public void clear() {
        latencies.clear();
        rules.clear();
        clockOffset.set(Duration.ZERO);
    }

    Duration latencyFor(String action) {
        return latencies.entrySet().stream()
                .filter(e -> ActionPattern.matches(e.getKey(), action))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(Duration.ZERO);
    }

    /** The fault of the first rule that fires for this call; each call consumes at most one. */
    Optional<Fault> faultFor(String action) {
        return rules.stream().filter(rule -> rule.fires(action)).findFirst().map(Rule::fault);
    }

    Duration clockOffset() {
        return clockOffset.get();
    }
}
