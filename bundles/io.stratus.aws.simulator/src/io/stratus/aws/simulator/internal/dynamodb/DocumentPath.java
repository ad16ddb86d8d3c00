package io.stratus.aws.simulator.internal.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document path such as {@code a}, {@code a.b} or {@code a[2].c}: an attribute name, then map
 * keys and list indexes. It reads a value from an item, and makes changed copies of items.
 */
record DocumentPath(List<Step> steps) {

    public sealed interface Step permits Key, Index {
    }

    /** An attribute or map key. */
    public record Key(String name) implements Step {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A list element. */
    public record Index(int position) implements Step {
        @Override
        public String toString() {
            return "[" + position + "]";
        }
    }

    public DocumentPath {
        steps = List.copyOf(steps);
    }

    /** The top-level attribute the path starts at. */
    public String attribute() {
        return ((Key) steps.getFirst()).name();
    }

    boolean isAttribute() {
        return steps.size() == 1;
    }

    /** The value at this path, or null if the item has none there. */
    public AttributeValue valueIn(Item item) {
        AttributeValue value = item.get(attribute());
        for (int i = 1; i < steps.size() && value != null; i++) {
            value = child(value, steps.get(i));
        }
        return value;
    }

    /** One path is the other or inside it, which DynamoDB refuses in one projection or update. */
    boolean overlaps(DocumentPath other) {
        int common = Math.min(steps.size(), other.steps.size());
        return steps.subList(0, common).equals(other.steps.subList(0, common));
    }

    /** A copy of the item with the value at this path; a list index past the end appends. */
    Item set(Item item, AttributeValue value) {
        if (isAttribute()) {
            return item.with(attribute(), value);
        }
        return item.with(attribute(), setIn(existing(item.get(attribute())), 1, value));
    }

    /** A copy of the item without the value at this path; nothing changes if it has none there. */
    Item remove(Item item) {
        if (isAttribute()) {
            return item.without(attribute());
        }
        return item.with(attribute(), removeIn(existing(item.get(attribute())), 1));
    }

    private AttributeValue setIn(AttributeValue container, int step, AttributeValue value) {
        boolean last = step == steps.size() - 1;
        return switch (steps.get(step)) {
            case Key key when container instanceof AttributeValue.M map -> {
                Map<String, AttributeValue> entries = new LinkedHashMap<>(map.values());
                entries.put(key.name(), last ? value : setIn(existing(entries.get(key.name())), step + 1, value));
                yield new AttributeValue.M(entries);
            }
            case Index index when container instanceof AttributeValue.L list -> {
                List<AttributeValue> elements = new ArrayList<>(list.values());
                if (last && index.position() >= elements.size()) {
                    elements.add(value);
                } else if (index.position() < elements.size()) {
                    elements.set(index.position(),
                            last ? value : setIn(elements.get(index.position()), step + 1, value));
                } else {
                    throw invalidForUpdate();
                }
                yield new AttributeValue.L(elements);
            }
            default -> throw invalidForUpdate();
        };
    }

    private AttributeValue removeIn(AttributeValue container, int step) {
        boolean last = step == steps.size() - 1;
        return switch (steps.get(step)) {
            case Key key when container instanceof AttributeValue.M map -> {
                Map<String, AttributeValue> entries = new LinkedHashMap<>(map.values());
                if (last) {
                    entries.remove(key.name());
                } else if (entries.containsKey(key.name())) {
                    entries.put(key.name(), removeIn(entries.get(key.name()), step + 1));
                }
                yield new AttributeValue.M(entries);
            }
            case Index index when container instanceof AttributeValue.L list -> {
                List<AttributeValue> elements = new ArrayList<>(list.values());
                if (index.position() < elements.size()) {
                    if (last) {
                        elements.remove(index.position());
                    } else {
                        elements.set(index.position(), removeIn(elements.get(index.position()), step + 1));
                    }
                }
                yield new AttributeValue.L(elements);
            }
            default -> throw invalidForUpdate();
        };
    }

    /** The brackets DynamoDB prints paths in when it names them in errors: {@code [a, b, [0]]}. */
    String describe() {
        return steps.toString();
    }

    private static AttributeValue child(AttributeValue value, Step step) {
        return switch (step) {
            case Key key when value instanceof AttributeValue.M map -> map.values().get(key.name());
            case Index index when value instanceof AttributeValue.L list ->
                index.position() < list.values().size() ? list.values().get(index.position()) : null;
            default -> null;
        };
    }

    private static AttributeValue existing(AttributeValue value) {
        if (value == null) {
            throw invalidForUpdate();
        }
        return value;
    }

    private static RuntimeException invalidForUpdate() {
        return Errors.validation("The document path provided in the update expression is invalid for update");
    }
}
