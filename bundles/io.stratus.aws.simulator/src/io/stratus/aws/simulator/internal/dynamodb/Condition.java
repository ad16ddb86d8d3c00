package io.stratus.aws.simulator.internal.dynamodb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A condition of a ConditionExpression, FilterExpression, KeyConditionExpression or PartiQL
 * WHERE clause, evaluated as DynamoDB does: a comparison with something missing, or between
 * different types, is false ({@code <>} is its negation, so true).
 */
sealed interface Condition {

    boolean test(Item item);

    enum Comparator {
        EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        boolean orders() {
            return this != EQUAL && this != NOT_EQUAL;
        }

        boolean holds(AttributeValue a, AttributeValue b) {
            return switch (this) {
                case EQUAL -> a != null && a.equals(b);
                case NOT_EQUAL -> a == null || !a.equals(b);
                case LESS -> ordered(a, b, order -> order < 0);
                case LESS_OR_EQUAL -> ordered(a, b, order -> order <= 0);
                case GREATER -> ordered(a, b, order -> order > 0);
                case GREATER_OR_EQUAL -> ordered(a, b, order -> order >= 0);
            };
        }

        /** Only scalars of one type have an order; anything else makes an ordering comparison false. */
        private static boolean ordered(AttributeValue a, AttributeValue b, IntPredicate test) {
            return a instanceof AttributeValue.Scalar x && b instanceof AttributeValue.Scalar y
                    && x.type().equals(y.type()) && test.test(x.compareSameType(y));
        }
    }

    record Compare(Operand left, Comparator comparator, Operand right) implements Condition {
        @Override
        public boolean test(Item item) {
            return comparator.holds(left.valueIn(item), right.valueIn(item));
        }
    }

    record Between(Operand value, Operand low, Operand high) implements Condition {
        @Override
        public boolean test(Item item) {
            AttributeValue v = value.valueIn(item);
            return Comparator.GREATER_OR_EQUAL.holds(v, low.valueIn(item))
                    && Comparator.LESS_OR_EQUAL.holds(v, high.valueIn(item));
        }
    }

    record In(Operand value, List<Operand> candidates) implements Condition {
        @Override
        public boolean test(Item item) {
            AttributeValue v = value.valueIn(item);
            return v != null && candidates.stream().anyMatch(candidate -> v.equals(candidate.valueIn(item)));
        }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Item item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Item item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(Item item) {
            return !condition.test(item);
        }
    }

    /** {@code attribute_exists}, {@code attribute_not_exists}, PartiQL's {@code IS [NOT] MISSING}. */
    record Exists(DocumentPath path, boolean exists) implements Condition {
        @Override
        public boolean test(Item item) {
            return (path.valueIn(item) != null) == exists;
        }
    }

    /** {@code attribute_type(path, type)}; the type is a string such as {@code S} or {@code NULL}. */
    record HasType(DocumentPath path, Operand type) implements Condition {
        @Override
        public boolean test(Item item) {
            AttributeValue value = path.valueIn(item);
            return value != null && type.valueIn(item) instanceof AttributeValue.S name && value.type().equals(name.value());
        }
    }

    /** A string or binary that starts with the prefix. */
    record BeginsWith(Operand value, Operand prefix) implements Condition {
        @Override
        public boolean test(Item item) {
            return switch (value.valueIn(item)) {
                case AttributeValue.S s when prefix.valueIn(item) instanceof AttributeValue.S p ->
                    s.value().startsWith(p.value());
                case AttributeValue.B b when prefix.valueIn(item) instanceof AttributeValue.B p -> b.startsWith(p);
                case null, default -> false;
            };
        }
    }

    /** A substring of a string, a member of a set, an element of a list. */
    record Contains(Operand container, Operand member) implements Condition {
        @Override
        public boolean test(Item item) {
            AttributeValue wanted = member.valueIn(item);
            return wanted != null && switch (container.valueIn(item)) {
                case AttributeValue.S s -> wanted instanceof AttributeValue.S part && s.value().contains(part.value());
                case AttributeValue.ScalarSet set -> set.members().contains(wanted);
                case AttributeValue.L list -> list.values().contains(wanted);
                case null, default -> false;
            };
        }
    }

    /**
     * The {@code attribute = constant} conditions that must all hold for this one to hold (those
     * joined by AND at the top), by attribute name: a PartiQL WHERE names the key this way.
     */
    static Map<String, AttributeValue> requiredEqualities(Condition condition) {
        Map<String, AttributeValue> equalities = new LinkedHashMap<>();
        collectEqualities(condition, equalities);
        return equalities;
    }

    private static void collectEqualities(Condition condition, Map<String, AttributeValue> equalities) {
        switch (condition) {
            case And(Condition left, Condition right) -> {
                collectEqualities(left, equalities);
                collectEqualities(right, equalities);
            }
            case Compare(Operand.Path(DocumentPath path), Comparator comparator, Operand.Constant(AttributeValue value))
                    when comparator == Comparator.EQUAL && path.isAttribute() ->
                equalities.putIfAbsent(path.attribute(), value);
            case Compare(Operand.Constant(AttributeValue value), Comparator comparator, Operand.Path(DocumentPath path))
                    when comparator == Comparator.EQUAL && path.isAttribute() ->
                equalities.putIfAbsent(path.attribute(), value);
            default -> {
                // other conditions require no equality
            }
        }
    }
}
