package io.stratus.aws.simulator.internal.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One page of a Scan, Query or PartiQL SELECT. As at DynamoDB, entries are read in order until
 * {@code Limit} of them or 1 MB of them were read, and only then filtered, so a page may hold
 * fewer items than it read, or none. A page that stopped at its limit names the last entry it
 * read, even if no entry follows (the next page is then empty), as DynamoDB does.
 *
 * @param lastEvaluated the last entry read if the page stopped at a limit, else null
 */
record ItemPage(List<Item> items, int scannedCount, Item lastEvaluated) {

    private static final int MAX_BYTES = 1024 * 1024;

    /**
     * @param inRange which entries the read covers; others are passed over without being counted
     *     (a Query's sort key prefix, a parallel Scan's segment)
     * @param filter what the page returns of what it read; null for everything
     */
    public static ItemPage read(Iterable<Item> entries, Predicate<Item> inRange, Condition filter, int limit) {
        List<Item> items = new ArrayList<>();
        int scanned = 0;
        long bytes = 0;
        for (Item item : entries) {
            if (!inRange.test(item)) {
                continue;
            }
            scanned++;
            bytes += item.size();
            if (filter == null || filter.test(item)) {
                items.add(item);
            }
            if (scanned == limit || bytes >= MAX_BYTES) {
                return new ItemPage(items, scanned, item);
            }
        }
        return new ItemPage(items, scanned, null);
    }
}
