package io.stratus.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down guessing without letting a guesser lock anybody else out.
 * <ul>
 * <li>From one client address, at most {@code maxFailures} sign-ins may fail within {@code window},
 * counting the attempts still waiting for AWS: further ones are refused until the oldest failure
 * leaves the window.</li>
 * <li>For one access key id, once {@code maxFailures} sign-ins failed within the window, attempts
 * are refused only from addresses that have themselves failed within it. Key ids are not secret:
 * whoever knows one must not keep its owner, signing in from an address that never failed, out.
 * A guesser spread over many addresses still gets one guess per fresh address.</li>
 * </ul>
 * An attempt is reserved before STS is asked and counts at once, so parallel attempts cannot all pass
 * the check before any failure is recorded. Only failures stay counted: signing out, signing in right,
 * or AWS being down or throttling never blocks anybody, and a success forgets the failures of its key.
 * The counts are this server's own; nodes behind a load balancer each keep theirs.
 */
final class SignInThrottle {

    /** Above this many tracked addresses and keys, entries with nothing recent in them are dropped. */
    private static final int PRUNE_ABOVE = 10_000;
    /** When only attempts still in flight fill the limit, they are over within an AWS call or two. */
    private static final Duration WHILE_IN_FLIGHT = Duration.ofSeconds(1);

    /** The failures of one address or key within the window, and its attempts still waiting for AWS. */
    private static final class Count {
        final Deque<Instant> failures = new ArrayDeque<>();
        int inFlight;

        boolean idle() {
            return failures.isEmpty() && inFlight == 0;
        }
    }

    /** One reserved attempt: say how it ended; closing it without an outcome lets the reservation go. */
    final class Attempt implements AutoCloseable {
        private final String address;
        private final String accessKeyId;
        private boolean ended;

        private Attempt(String address, String accessKeyId) {
            this.address = address;
            this.accessKeyId = accessKeyId;
        }

        /** Wrong or refused keys: the attempt stays counted as a failure. */
        void failed() {
            end(true, false);
        }

        /** The keys were right: the key's earlier failures are forgotten. */
        void succeeded() {
            end(false, true);
        }

        /** Neither right nor wrong (AWS down or throttling): as if the attempt had never been made. */
        @Override
        public void close() {
            end(false, false);
        }

        private void end(boolean failure, boolean success) {
            synchronized (SignInThrottle.this) {
                if (ended) {
                    return;
                }
                ended = true;
                Instant now = clock.instant();
                settle(addresses, address, failure, now);
                settle(keys, accessKeyId, failure, now);
                if (success) {
                    keys.computeIfPresent(accessKeyId, (k, count) -> {
                        count.failures.clear();
                        return count.idle() ? null : count;
                    });
                }
            }
        }
    }

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Count> addresses = new HashMap<>();
    private final Map<String, Count> keys = new HashMap<>();

    SignInThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Reserves an attempt, or refuses it with 429 and Retry-After while the address or the key is throttled. */
    synchronized Attempt reserve(String clientAddress, String accessKeyId) {
        Instant now = clock.instant();
        Count address = current(addresses, clientAddress, now);
        Count key = current(keys, accessKeyId, now);
        Optional<Duration> wait = waitFor(address, now);
        if (wait.isEmpty() && !address.failures.isEmpty()) {
            wait = waitFor(key, now);
        }
        if (wait.isPresent()) {
            forgetIfIdle(addresses, clientAddress, address);
            forgetIfIdle(keys, accessKeyId, key);
            throw new ApiException(ApiError.TOO_MANY_REQUESTS, "Too many failed sign-ins from this address, or for "
                    + "this access key from an address where sign-ins failed. Wait "
                    + ApiException.seconds(wait.get()) + " s, then check the keys and try again.", wait);
        }
        address.inFlight++;
        key.inFlight++;
        if (addresses.size() + keys.size() > PRUNE_ABOVE) {
            prune(addresses, now);
            prune(keys, now);
        }
        return new Attempt(clientAddress, accessKeyId);
    }

    /** How long until one more attempt fits, if it does not now. */
    private Optional<Duration> waitFor(Count count, Instant now) {
        if (count.failures.size() + count.inFlight < maxFailures) {
            return Optional.empty();
        }
        return Optional.of(count.failures.size() >= maxFailures
                ? Duration.between(now, count.failures.peekFirst().plus(window))
                : WHILE_IN_FLIGHT);
    }

    private Count current(Map<String, Count> counts, String name, Instant now) {
        Count count = counts.computeIfAbsent(name, n -> new Count());
        expire(count, now);
        return count;
    }

    private void settle(Map<String, Count> counts, String name, boolean failure, Instant now) {
        Count count = counts.get(name);
        count.inFlight--;
        if (failure) {
            count.failures.addLast(now);
        }
        expire(count, now);
        forgetIfIdle(counts, name, count);
    }

    private void expire(Count count, Instant now) {
        while (!count.failures.isEmpty() && !count.failures.peekFirst().plus(window).isAfter(now)) {
            count.failures.removeFirst();
        }
        while (count.failures.size() > maxFailures) {
            count.failures.removeFirst();
        }
    }

    private static void forgetIfIdle(Map<String, Count> counts, String name, Count count) {
        if (count.idle()) {
            counts.remove(name);
        }
    }

    private void prune(Map<String, Count> counts, Instant now) {
        counts.values().removeIf(count -> {
            expire(count, now);
            return count.idle();
        });
    }
}
