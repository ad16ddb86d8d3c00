package io.stratus.aws.simulator.testing;

import io.stratus.aws.simulator.internal.ActionPattern;

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

/** The {@link Faults} a test sets, and what they decide for each call. */
final class FaultInjection implements Faults {

    private final Map<Target, Duration> latencies = new ConcurrentHashMap<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicReference<Duration> clockOffset = new AtomicReference<>(Duration.ZERO);
    private final Random random = new Random(20161128L); // fixed seed: the same calls fail on every run

    /** The calls a latency or fault applies to: an action pattern and a region pattern. */
    private record Target(String actionPattern, String regionPattern) {
        boolean selects(String action, String region) {
            return ActionPattern.matches(actionPattern, action) && ActionPattern.matches(regionPattern, region);
        }

        static final Comparator<Target> SPECIFICITY = Comparator.<Target>comparingInt(t -> t.actionPattern().length())
                .thenComparingInt(t -> t.regionPattern().length());
    }

    /** Fires for a call the rule selects, or does not. */
    private sealed interface Rule {
        Fault fault();

        boolean fires(String action, String region);
    }

    private record CountRule(Target target, Fault fault, AtomicInteger remaining) implements Rule {
        @Override
        public boolean fires(String action, String region) {
            return target.selects(action, region) && remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    private record FractionRule(Target target, Fault fault, double fraction, Random random) implements Rule {
        @Override
        public boolean fires(String action, String region) {
            return target.selects(action, region) && random.nextDouble() < fraction;
        }
    }

    @Override
    public Faults latency(String actionPattern, String regionPattern, Duration delay) {
        Target target = new Target(actionPattern, regionPattern);
        if (delay.isZero()) {
            latencies.remove(target);
        } else if (delay.isNegative()) {
            throw new IllegalArgumentException("Latency cannot be negative: " + delay);
        } else {
            latencies.put(target, delay);
        }
        return this;
    }

    @Override
    public Faults failNext(int calls, Fault fault, String actionPattern, String regionPattern) {
        rules.add(new CountRule(new Target(actionPattern, regionPattern), fault, new AtomicInteger(calls)));
        return this;
    }

    @Override
    public Faults failFraction(double fraction, Fault fault, String actionPattern, String regionPattern) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("A fraction of calls is between 0 and 1, not " + fraction);
        }
        rules.add(new FractionRule(new Target(actionPattern, regionPattern), fault, fraction, random));
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

    /** {@code region} is empty for an unsigned call, which only region pattern {@code *} selects. */
    Duration latencyFor(String action, String region) {
        return latencies.entrySet().stream()
                .filter(e -> e.getKey().selects(action, region))
                .max(Map.Entry.comparingByKey(Target.SPECIFICITY))
                .map(Map.Entry::getValue)
                .orElse(Duration.ZERO);
    }

    /** The fault of the first rule that fires for this call; each call consumes at most one. */
    Optional<Fault> faultFor(String action, String region) {
        return rules.stream().filter(rule -> rule.fires(action, region)).findFirst().map(Rule::fault);
    }

    Duration clockOffset() {
        return clockOffset.get();
    }
}
