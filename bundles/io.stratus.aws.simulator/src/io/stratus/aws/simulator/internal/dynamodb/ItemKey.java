package io.stratus.aws.simulator.internal.dynamodb;

import java.util.Arrays;

/**
 * Where an entry sorts in a table or index: its key values in key order (for an index, its own key
 * and then the table key, which keeps entries unique). A bound stands just before or just after
 * every key that begins with its values, so one partition, or one sort key value in it, is a
 * sub-range of a sorted map.
 */
final class ItemKey implements Comparable<ItemKey> {

    private final AttributeValue.Scalar[] parts;
    /** 0 for the key of an entry; -1 or +1 for a bound before or after every key that extends the parts. */
    private final int tail;

    private ItemKey(AttributeValue.Scalar[] parts, int tail) {
        this.parts = parts;
        this.tail = tail;
    }

    static ItemKey of(AttributeValue.Scalar... parts) {
        return new ItemKey(parts, 0);
    }

    static ItemKey before(AttributeValue.Scalar... prefix) {
        return new ItemKey(prefix, -1);
    }

    static ItemKey after(AttributeValue.Scalar... prefix) {
        return new ItemKey(prefix, 1);
    }

    @Override
    public int compareTo(ItemKey other) {
        int common = Math.min(parts.length, other.parts.length);
        for (int i = 0; i < common; i++) {
            int order = parts[i].compareTo(other.parts[i]);
            if (order != 0) {
                return order;
            }
        }
        if (parts.length == other.parts.length) {
            return Integer.compare(tail, other.tail);
        }
        // One extends the other: the shorter one is a bound (or a lone partition), before or after it.
        return parts.length < other.parts.length ? (tail > 0 ? 1 : -1) : (other.tail > 0 ? -1 : 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ItemKey key && tail == key.tail && Arrays.equals(parts, key.parts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(parts) + tail;
    }

    @Override
    public String toString() {
        return Arrays.toString(parts) + (tail < 0 ? "-" : tail > 0 ? "+" : "");
    }
}
