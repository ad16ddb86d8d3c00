package io.stratus.server.internal;

import io.stratus.core.StratusException;
import io.stratus.core.store.SharedCounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down guessing without letting a guesser lock anybody else out.
 * <ul>
 * <li>From one client address, at most {@code maxFailures} sign-ins may fail within a window that
 * begins with the first of them, counting the attempts still waiting for AWS: further ones are
 * refused until the window ends.</li>
 * <li>For one access key id, once {@code maxFailures} sign-ins failed within its window (attempts
 * waiting for AWS included), attempts are refused only from addresses where sign-ins failed within
 * theirs. Key ids are not secret: whoever knows one must not keep its owner, signing in from an address that never failed,
 * out. A guesser spread over many addresses still gets one guess per fresh address.</li>
 * </ul>
 * An attempt is counted before STS is asked, so parallel attempts cannot all pass the check before
 * any failure is recorded; only failures stay counted: signing in right, or AWS being down or
 * throttling, takes the attempt back, and a success forgets the failures of its key. The counts are
 * the store's {@link SharedCounts}, so every node behind a load balancer counts against one limit.
 */
final class SignInThrottle {

    /** AWS's access key ids have at most this many characters; a longer one is named by its hash. */
    private static final int LONGEST_KEY_ID = 128;
    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);

    /** One counted attempt: say how it ended; closing it without an outcome takes it back. */
    final class Attempt implements AutoCloseable {
        private final SharedCounts.Counted address;
        private final SharedCounts.Counted key;
        private final String addressFailed;
        private boolean ended;

        private Attempt(SharedCounts.Counted address, SharedCounts.Counted key, String addressFailed) {
            this.address = address;
            this.key = key;
            this.addressFailed = addressFailed;
        }

        /** Wrong or refused keys: the attempt stays counted as a failure, and its address as one where sign-ins failed. */
        void failed() {
            ended = true;
            settle(() -> counts.countBelow(addressFailed, Integer.MAX_VALUE, window));
        }

        /** The keys were right: the key's failures are forgotten. */
        void succeeded() {
            close();
            settle(() -> counts.forget(key.name()));
        }

        /** Neither right nor wrong (AWS down or throttling): as if the attempt had never been made. */
        @Override
        public void close() {
            if (!ended) {
                ended = true;
                settle(() -> counts.takeBack(address));
                settle(() -> counts.takeBack(key));
            }
        }

        /** A count left standing only slows its address or key until the window ends: the person's answer wins. */
        private static void settle(Runnable change) {
            try {
                change.run();
            } catch (StratusException e) {
                LOG.warn("A sign-in attempt stays counted until its window ends: {}", e.getMessage());
            }
        }
    }

    private final SharedCounts counts;
    private final int maxFailures;
    private final Duration window;

    SignInThrottle(SharedCounts counts, int maxFailures, Duration window) {
        this.counts = counts;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Counts an attempt, or refuses it with 429 and Retry-After while the address or the key is throttled. */
    Attempt reserve(String clientAddress, String accessKeyId) {
        String addressName = "sign-in from " + clientAddress;
        String addressFailed = "sign-in failed from " + clientAddress;
        String keyName = "sign-in as " + keyName(accessKeyId);
        SharedCounts.Counted address = counts.countBelow(addressName, maxFailures, window)
                .orElseThrow(() -> throttled(addressName));
        // Only an address where sign-ins failed meets the key's limit.
        boolean failedHere = counts.windowEnds(addressFailed).isPresent();
        Optional<SharedCounts.Counted> key = counts.countBelow(keyName, failedHere ? maxFailures : Integer.MAX_VALUE,
                window);
        if (key.isEmpty()) {
            Attempt.settle(() -> counts.takeBack(address));
            throw throttled(keyName);
        }
        return new Attempt(address, key.get(), addressFailed);
    }

    private ApiException throttled(String name) {
        Duration wait = counts.windowEnds(name).map(end -> Duration.between(Instant.now(), end))
                .filter(left -> !left.isNegative() && !left.isZero()).orElse(Duration.ofSeconds(1));
        return new ApiException(ApiError.TOO_MANY_REQUESTS, "Too many failed sign-ins from this address, or for "
                + "this access key from an address where sign-ins failed. Wait " + ApiException.seconds(wait)
                + " s, then check the keys and try again.", Optional.of(wait));
    }

    private static String keyName(String accessKeyId) {
        if (accessKeyId.length() <= LONGEST_KEY_ID) {
            return accessKeyId;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(accessKeyId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
