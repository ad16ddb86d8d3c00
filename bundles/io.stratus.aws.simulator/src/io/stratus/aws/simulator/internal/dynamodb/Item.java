package io.stratus.aws.simulator.internal.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An item: attribute names and values in the order they were written. Immutable, so stored items
 * are shared by readers without copies; its size is counted once, as DynamoDB counts it.
 */
final class Item {

    public static final Item EMPTY = new Item(Map.of());

    private final Map<String, AttributeValue> attributes;
    private final int size;
    /** The item in DynamoDB JSON, made on first need; threads that race make equal strings, so any may win. */
    private String json;

    public Item(Map<String, AttributeValue> attributes) {
        this.attributes = copyInOrder(attributes);
        this.size = attributes.entrySet().stream()
                .mapToInt(entry -> Utf8.length(entry.getKey()) + entry.getValue().size())
                .sum();
    }

    public Map<String, AttributeValue> attributes() {
        return attributes;
    }

    /** The attribute's value, or null if the item lacks it. */
    public AttributeValue get(String name) {
        return attributes.get(name);
    }

    public int size() {
        return size;
    }

    /** The item in DynamoDB JSON, as answers carry it; made once, as a stored item is read again and again. */
    String json() {
        String made = json;
        if (made == null) {
            made = DynamoJson.text(this);
            json = made;
        }
        return made;
    }

    Item with(String name, AttributeValue value) {
        Map<String, AttributeValue> changed = new LinkedHashMap<>(attributes);
        changed.put(name, value);
        return new Item(changed);
    }

    Item without(String name) {
        if (!attributes.containsKey(name)) {
            return this;
        }
        Map<String, AttributeValue> changed = new LinkedHashMap<>(attributes);
        changed.remove(name);
        return new Item(changed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Item item && attributes.equals(item.attributes);
    }

    @Override
    public int hashCode() {
        return attributes.hashCode();
    }

    @Override
    public String toString() {
        return attributes.toString();
    }

    static <K, V> Map<K, V> copyInOrder(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <T> Set<T> copyInOrder(Set<T> set) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }
}
