package io.stratus.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after {@code maxFailures} failed sign-ins within {@code window} from one
 * client address, or for one access key id, further attempts from it (or for it) are refused until
 * the oldest failure leaves the window. Only failures count: signing out, or signing in right, never
 * blocks anybody, and a success forgets the failures of its key.
 */
final class SignInThrottle {

    /** Above this many tracked addresses and keys, entries with no recent failure are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Refuses the attempt with 429 and Retry-After while the address or the key is throttled. */
    void check(String clientAddress, String accessKeyId) {
        Instant now = clock.instant();
        Optional<Duration> wait = waitFor(addressKey(clientAddress), now).or(() -> waitFor(keyKey(accessKeyId), now));
        wait.ifPresent(duration -> {
            throw new ApiException(ApiError.TOO_MANY_REQUESTS, "Too many failed sign-ins from this address or for "
                    + "this access key. Wait " + ApiException.seconds(duration) + " s, then check the keys and try again.",
                    Optional.of(duration));
        });
    }

    void failed(String clientAddress, String accessKeyId) {
        Instant now = clock.instant();
        record(addressKey(clientAddress), now);
        record(keyKey(accessKeyId), now);
        if (failures.size() > PRUNE_ABOVE) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    expire(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    void succeeded(String accessKeyId) {
        failures.remove(keyKey(accessKeyId));
    }

    private Optional<Duration> waitFor(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            expire(times, now);
            if (times.size() < maxFailures) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
        }
    }

    private void expire(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }

    private static String addressKey(String address) {
        return "address " + address;
    }

    private static String keyKey(String accessKeyId) {
        return "key " + accessKeyId;
    }
}
