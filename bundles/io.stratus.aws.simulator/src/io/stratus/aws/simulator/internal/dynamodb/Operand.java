package io.stratus.aws.simulator.internal.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What an expression compares or writes: a document path, a constant, {@code size(path)}, or (in
 * an update's SET) arithmetic, {@code if_not_exists} and {@code list_append}.
 */
sealed interface Operand {

    /** The operand's value for the item; null where it refers to something the item lacks. */
    AttributeValue valueIn(Item item);

    record Path(DocumentPath path) implements Operand {
        @Override
        public AttributeValue valueIn(Item item) {
            return path.valueIn(item);
        }
    }

    record Constant(AttributeValue value) implements Operand {
        @Override
        public AttributeValue valueIn(Item item) {
            return value;
        }
    }

    /** Characters of a string, bytes of a binary, elements of a set, list or map. */
    record Size(DocumentPath path) implements Operand {
        @Override
        public AttributeValue valueIn(Item item) {
            Integer size = switch (path.valueIn(item)) {
                case AttributeValue.S s -> s.value().codePointCount(0, s.value().length());
                case AttributeValue.B b -> b.size();
                case AttributeValue.ScalarSet set -> set.members().size();
                case AttributeValue.L list -> list.values().size();
                case AttributeValue.M map -> map.values().size();
                case null, default -> null;
            };
            return size == null ? null : new AttributeValue.N(BigDecimal.valueOf(size));
        }
    }

    /** {@code a + b} or {@code a - b} of two numbers. */
    record Arithmetic(Operand left, boolean subtract, Operand right) implements Operand {
        @Override
        public AttributeValue valueIn(Item item) {
            if (ItemUpdate.existing(left.valueIn(item)) instanceof AttributeValue.N a
                    && ItemUpdate.existing(right.valueIn(item)) instanceof AttributeValue.N b) {
                return AttributeValue.N.of(subtract ? a.value().subtract(b.value()) : a.value().add(b.value()));
            }
            throw ItemUpdate.incorrectType();
        }
    }

    /** The value at the path, or the fallback if the item has none there. */
    record IfNotExists(DocumentPath path, Operand fallback) implements Operand {
        @Override
        public AttributeValue valueIn(Item item) {
            AttributeValue value = path.valueIn(item);
            return value != null ? value : ItemUpdate.existing(fallback.valueIn(item));
        }
    }

    /** The elements of two lists, one after the other. */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public AttributeValue valueIn(Item item) {
            if (ItemUpdate.existing(first.valueIn(item)) instanceof AttributeValue.L a
                    && ItemUpdate.existing(second.valueIn(item)) instanceof AttributeValue.L b) {
                List<AttributeValue> elements = new ArrayList<>(a.values());
                elements.addAll(b.values());
                return new AttributeValue.L(elements);
            }
            throw ItemUpdate.incorrectType();
        }
    }
}
