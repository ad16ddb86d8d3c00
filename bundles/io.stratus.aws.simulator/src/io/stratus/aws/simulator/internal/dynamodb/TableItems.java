package io.stratus.aws.simulator.internal.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/**
 * The items of one table and the entries of its indexes, in key order. Reads go to the sorted maps
 * without locking; writes to one table take turns, so a condition and the write it guards are one
 * step, and the table and its indexes change together.
 */
final class TableItems {

    private final TableSchema schema;
    private final NavigableMap<ItemKey, Item> items = new ConcurrentSkipListMap<>();
    private final Map<ItemIndex, NavigableMap<ItemKey, Item>> indexEntries = new LinkedHashMap<>();
    private final Object writing = new Object();
    private volatile long count;
    private volatile long bytes;

    /** What a write found and what it left; either is null where there was or is no item. */
    public record Change(Item before, Item after) {
    }

    TableItems(TableSchema schema) {
        this.schema = schema;
        schema.indexes().forEach(index -> indexEntries.put(index, new ConcurrentSkipListMap<>()));
    }

    public TableSchema schema() {
        return schema;
    }

    public Item get(ItemKey key) {
        return items.get(key);
    }

    /** The entries of the table or of one of its indexes, in key order. */
    public NavigableMap<ItemKey, Item> entries(ItemIndex index) {
        return index.isTable() ? items : indexEntries.get(index);
    }

    public long count() {
        return count;
    }

    /** The items' size as DynamoDB counts it. */
    public long bytes() {
        return bytes;
    }

    /**
     * Replaces the item at {@code key} with what {@code change} makes of it (null: no item). The
     * change sees the current item (or null) and may refuse by throwing, e.g. when a condition fails.
     */
    public Change write(ItemKey key, UnaryOperator<Item> change) {
        synchronized (writing) {
            Item before = items.get(key);
            Item after = change.apply(before);
            if (after == null) {
                items.remove(key);
            } else {
                items.put(key, after);
            }
            indexEntries.forEach((index, entries) -> {
                ItemKey old = before == null ? null : index.keyOf(before);
                ItemKey current = after == null ? null : index.keyOf(after);
                if (current != null) { // put first: a reader never misses an item whose index key stays
                    entries.put(current, after);
                }
                if (old != null && !old.equals(current)) {
                    entries.remove(old);
                }
            });
            count += (after == null ? 0 : 1) - (before == null ? 0 : 1);
            bytes += (after == null ? 0 : after.size()) - (before == null ? 0 : before.size());
            return new Change(before, after);
        }
    }
}
