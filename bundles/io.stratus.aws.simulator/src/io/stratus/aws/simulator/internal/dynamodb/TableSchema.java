package io.stratus.aws.simulator.internal.dynamodb;

import io.stratus.aws.simulator.seed.RegionSeed.DynamoDbTable;
import io.stratus.aws.simulator.seed.RegionSeed.KeyAttribute;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table's key and indexes, and the checks DynamoDB makes on what is written to it. As the seed
 * names indexes only, a global index is keyed on an S attribute named after it, and a local index
 * on the table's partition key and such an attribute.
 */
final class TableSchema {

    private static final int MAX_ITEM_BYTES = 400 * 1024;

    private final ItemIndex table;
    private final Map<String, ItemIndex> indexes = new LinkedHashMap<>();

    TableSchema(DynamoDbTable seed) {
        KeySchema tableKey = new KeySchema(seed.partitionKey(), seed.sortKey());
        this.table = new ItemIndex(null, tableKey, tableKey);
        for (String index : seed.globalSecondaryIndexes()) {
            indexes.put(index, new ItemIndex(index, new KeySchema(new KeyAttribute(index, "S"), null), tableKey));
        }
        for (String index : seed.localSecondaryIndexes()) {
            indexes.put(index, new ItemIndex(index, new KeySchema(seed.partitionKey(), new KeyAttribute(index, "S")),
                    tableKey));
        }
    }

    public ItemIndex table() {
        return table;
    }

    Collection<ItemIndex> indexes() {
        return indexes.values();
    }

    /** The index a read names, or the table itself for null. */
    public ItemIndex index(String name) {
        if (name == null) {
            return table;
        }
        ItemIndex index = indexes.get(name);
        if (index == null) {
            throw Errors.validation("The table does not have the specified index: " + name);
        }
        return index;
    }

    public boolean isKeyAttribute(String attribute) {
        return table.key().contains(attribute);
    }

    /** The position of an item about to be written, once its key and index keys pass DynamoDB's checks. */
    public ItemKey checkItem(Item item) {
        for (KeyAttribute attribute : table.key().attributes()) {
            AttributeValue value = item.get(attribute.name());
            if (value == null) {
                throw Errors.invalidParameter("Missing the key " + attribute.name() + " in the item");
            }
            if (!value.type().equals(attribute.type())) {
                throw Errors.invalidParameter("Type mismatch for key " + attribute.name() + " expected: "
                        + attribute.type() + " actual: " + value.type());
            }
            if (value.size() == 0) {
                throw Errors.validation("One or more parameter values are not valid. The AttributeValue for a key attribute "
                        + "cannot contain an empty " + (value instanceof AttributeValue.S ? "string" : "binary")
                        + " value. Key: " + attribute.name());
            }
        }
        for (ItemIndex index : indexes.values()) {
            checkIndexKey(item, index);
        }
        if (item.size() > MAX_ITEM_BYTES) {
            throw Errors.validation("Item size has exceeded the maximum allowed size");
        }
        return table.keyOf(item);
    }

    /** The position a {@code Key} parameter names: exactly the table's key attributes, with their types. */
    public ItemKey keyOf(Item key) {
        ItemKey position = table.keyOf(key);
        if (position == null || key.attributes().size() != table.key().attributes().size()) {
            throw Errors.validation("The provided key element does not match the schema");
        }
        return position;
    }

    /** The key a PartiQL WHERE names, which must have an equality for every key attribute (see {@link Condition#requiredEqualities}). */
    public Item keyIn(Map<String, AttributeValue> equalities) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (KeyAttribute attribute : table.key().attributes()) {
            AttributeValue value = equalities.get(attribute.name());
            if (value == null) {
                throw Errors.validation("Where clause does not contain a mandatory equality on all key attributes");
            }
            key.put(attribute.name(), value);
        }
        return new Item(key);
    }

    /** An item may lack an index's key (the index leaves it out), but what it has must be of the key's type. */
    private static void checkIndexKey(Item item, ItemIndex index) {
        for (KeyAttribute attribute : index.key().attributes()) {
            AttributeValue value = item.get(attribute.name());
            if (value == null) {
                continue;
            }
            if (!value.type().equals(attribute.type())) {
                throw Errors.invalidParameter("Type mismatch for Index Key " + attribute.name() + " Expected: "
                        + attribute.type() + " Actual: " + value.type() + " IndexName: " + index.name());
            }
            if (value.size() == 0) {
                throw Errors.validation("One or more parameter values are not valid. A value specified for a secondary "
                        + "index key is not supported. The AttributeValue for a key attribute cannot contain an empty "
                        + "string value. IndexName: " + index.name() + ", IndexKey: " + attribute.name());
            }
        }
    }
}
