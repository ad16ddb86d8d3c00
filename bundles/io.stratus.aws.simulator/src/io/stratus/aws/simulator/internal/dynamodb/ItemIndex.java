package io.stratus.aws.simulator.internal.dynamodb;

import io.stratus.aws.simulator.seed.RegionSeed.KeyAttribute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table or one of its indexes as reads see it: entries ordered by the index key and then, for an
 * index, by the table key. Every index projects all attributes.
 */
final class ItemIndex {

    private final String name;
    private final KeySchema key;
    private final boolean global;
    /** The attributes that position an entry: the index key, then for an index the table key. */
    private final List<KeyAttribute> ordering;

    /** @param name the index's name, or null for the table itself */
    ItemIndex(String name, KeySchema key, KeySchema tableKey) {
        this.name = name;
        this.key = key;
        this.global = name != null && !key.partition().equals(tableKey.partition());
        List<KeyAttribute> attributes = new ArrayList<>(key.attributes());
        if (name != null) {
            attributes.addAll(tableKey.attributes());
        }
        this.ordering = List.copyOf(attributes);
    }

    public String name() {
        return name;
    }

    public KeySchema key() {
        return key;
    }

    public boolean isTable() {
        return name == null;
    }

    /** A global index, partitioned differently from its table, which has no consistent reads. */
    public boolean isGlobal() {
        return global;
    }

    /** The item's position, or null if it lacks (a value of the right type for) the index key: the index leaves it out. */
    ItemKey keyOf(Item item) {
        AttributeValue.Scalar[] parts = new AttributeValue.Scalar[ordering.size()];
        for (int i = 0; i < parts.length; i++) {
            AttributeValue value = item.get(ordering.get(i).name());
            if (!(value instanceof AttributeValue.Scalar scalar) || !scalar.type().equals(ordering.get(i).type())) {
                return null;
            }
            parts[i] = scalar;
        }
        return ItemKey.of(parts);
    }

    /** LastEvaluatedKey for an entry: the table key and, reading an index, the index key. */
    public Item lastEvaluatedKey(Item item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        ordering.forEach(attribute -> key.put(attribute.name(), item.get(attribute.name())));
        return new Item(key);
    }

    /** Where to continue after an ExclusiveStartKey, which must hold exactly the attributes LastEvaluatedKey has. */
    public ItemKey startAfter(Item exclusiveStartKey) {
        ItemKey position = keyOf(exclusiveStartKey);
        long distinct = ordering.stream().map(KeyAttribute::name).distinct().count();
        if (position == null || exclusiveStartKey.attributes().size() != distinct) {
            throw Errors.validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
        return position;
    }
}
