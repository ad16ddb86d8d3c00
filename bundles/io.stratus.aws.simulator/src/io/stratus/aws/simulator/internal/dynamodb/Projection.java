package io.stratus.aws.simulator.internal.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attributes a read returns, as document paths: {@code a, b.c, d[1]} keeps {@code a}, the
 * key {@code c} of map {@code b} and the second element of list {@code d}. Selected list elements
 * keep their order; what an item lacks is left out.
 */
final class Projection {

    /** The paths as a tree of steps, so one pass over an item picks them all. */
    private final Branch root = new Branch();

    private static final class Branch {
        final Map<String, Branch> keys = new LinkedHashMap<>();
        final Map<Integer, Branch> indexes = new TreeMap<>();

        boolean isLeaf() {
            return keys.isEmpty() && indexes.isEmpty();
        }
    }

    /** @param paths paths of which none contains another (the parsers refuse such overlaps) */
    public Projection(List<DocumentPath> paths) {
        for (DocumentPath path : paths) {
            Branch branch = root;
            for (DocumentPath.Step step : path.steps()) {
                branch = switch (step) {
                    case DocumentPath.Key key -> branch.keys.computeIfAbsent(key.name(), name -> new Branch());
                    case DocumentPath.Index index -> branch.indexes.computeIfAbsent(index.position(), position -> new Branch());
                };
            }
        }
    }

    public Item apply(Item item) {
        Map<String, AttributeValue> picked = new LinkedHashMap<>();
        root.keys.forEach((name, branch) -> {
            AttributeValue value = pick(item.get(name), branch);
            if (value != null) {
                picked.put(name, value);
            }
        });
        return new Item(picked);
    }

    private static AttributeValue pick(AttributeValue value, Branch branch) {
        if (value == null || branch.isLeaf()) {
            return value;
        }
        if (value instanceof AttributeValue.M map && !branch.keys.isEmpty()) {
            Map<String, AttributeValue> picked = new LinkedHashMap<>();
            branch.keys.forEach((key, next) -> {
                AttributeValue child = pick(map.values().get(key), next);
                if (child != null) {
                    picked.put(key, child);
                }
            });
            return picked.isEmpty() ? null : new AttributeValue.M(picked);
        }
        if (value instanceof AttributeValue.L list && !branch.indexes.isEmpty()) {
            List<AttributeValue> picked = new ArrayList<>();
            branch.indexes.forEach((position, next) -> {
                AttributeValue child = position < list.values().size() ? pick(list.values().get(position), next) : null;
                if (child != null) {
                    picked.add(child);
                }
            });
            return picked.isEmpty() ? null : new AttributeValue.L(picked);
        }
        return null;
    }
}
