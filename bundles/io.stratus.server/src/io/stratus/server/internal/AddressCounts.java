package io.stratus.server.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many of something (open connections, requests being answered) each client address holds at
 * once, with a limit per address: one address cannot take what everybody else needs.
 */
final class AddressCounts {

    private final int limit;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    AddressCounts(int limit) {
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** Counts one more for the address, unless it holds its limit already; then counts nothing. */
    boolean tryEnter(String address) {
        boolean[] entered = new boolean[1];
        counts.compute(address, (a, held) -> {
            int now = held == null ? 0 : held;
            entered[0] = now < limit;
            return entered[0] ? now + 1 : now == 0 ? null : now;
        });
        return entered[0];
    }

    /** Counts one less for an address that entered. */
    void leave(String address) {
        counts.computeIfPresent(address, (a, held) -> held <= 1 ? null : held - 1);
    }
}
