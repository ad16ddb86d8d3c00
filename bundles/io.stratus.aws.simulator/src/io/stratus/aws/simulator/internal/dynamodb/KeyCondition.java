package io.stratus.aws.simulator.internal.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * The part of a table or index a Query reads, from its KeyConditionExpression: one partition
 * ({@code pk = v}) and, optionally, sort key values {@code = < <= > >=} a value, {@code BETWEEN}
 * two, or {@code begins_with} a prefix. A PartiQL SELECT whose WHERE names a partition reads it
 * the same way.
 */
final class KeyCondition {

    private final ItemKey from;
    private final ItemKey to;
    /**
     * begins_with: the range starts at the prefix and runs to the partition's end; entries past the
     * prefix are passed over without being counted.
     */
    private final Condition prefix;

    private KeyCondition(ItemKey from, ItemKey to, Condition prefix) {
        this.from = from;
        this.to = to;
        this.prefix = prefix;
    }

    /** All of one partition of the index. */
    public static KeyCondition partition(AttributeValue.Scalar value) {
        return new KeyCondition(ItemKey.before(value), ItemKey.after(value), null);
    }

    public static KeyCondition of(Condition condition, ItemIndex index) {
        List<Condition> parts = new ArrayList<>();
        conjuncts(condition, parts);
        if (parts.size() > 2) {
            throw Errors.validation("Conditions can be of length 1 or 2 only");
        }
        KeySchema key = index.key();
        AttributeValue.Scalar partition = null;
        Condition sort = null;
        for (Condition part : parts) {
            DocumentPath path = subject(part);
            if (path.attribute().equals(key.partition().name()) && path.isAttribute()) {
                if (partition != null) {
                    throw onePerKey();
                }
                if (!(part instanceof Condition.Compare compare) || compare.comparator() != Condition.Comparator.EQUAL) {
                    throw Errors.validation("Query key condition not supported");
                }
                partition = constant(compare.right(), key.partition().type());
            } else if (key.sort() != null && path.attribute().equals(key.sort().name()) && path.isAttribute()) {
                if (sort != null) {
                    throw onePerKey();
                }
                sort = part;
            } else {
                throw Errors.validation("Query key condition not supported");
            }
        }
        if (partition == null) {
            throw Errors.validation("Query condition missed key schema element: " + key.partition().name());
        }
        return sort == null ? partition(partition) : sortRange(partition, sort, key.sort().type());
    }

    /** The entries of the range, in key order. */
    public NavigableMap<ItemKey, Item> range(NavigableMap<ItemKey, Item> entries) {
        return entries.subMap(from, true, to, true);
    }

    /** Whether an entry of the range matches too: it does unless a prefix leaves it out. */
    public boolean matches(Item item) {
        return prefix == null || prefix.test(item);
    }

    private static KeyCondition sortRange(AttributeValue.Scalar partition, Condition sort, String sortType) {
        ItemKey first = ItemKey.before(partition);
        ItemKey last = ItemKey.after(partition);
        return switch (sort) {
            case Condition.Between between -> new KeyCondition(ItemKey.before(partition, constant(between.low(), sortType)),
                    ItemKey.after(partition, constant(between.high(), sortType)), null);
            case Condition.BeginsWith beginsWith ->
                new KeyCondition(ItemKey.before(partition, constant(beginsWith.prefix(), sortType)), last, sort);
            case Condition.Compare compare -> {
                AttributeValue.Scalar v = constant(compare.right(), sortType);
                yield switch (compare.comparator()) {
                    case EQUAL -> new KeyCondition(ItemKey.before(partition, v), ItemKey.after(partition, v), null);
                    case LESS -> new KeyCondition(first, ItemKey.before(partition, v), null);
                    case LESS_OR_EQUAL -> new KeyCondition(first, ItemKey.after(partition, v), null);
                    case GREATER -> new KeyCondition(ItemKey.after(partition, v), last, null);
                    case GREATER_OR_EQUAL -> new KeyCondition(ItemKey.before(partition, v), last, null);
                    case NOT_EQUAL -> throw Errors.validation("Query key condition not supported");
                };
            }
            default -> throw Errors.validation("Query key condition not supported");
        };
    }

    /** The conditions joined by AND; any other way of joining is not a key condition. */
    private static void conjuncts(Condition condition, List<Condition> parts) {
        switch (condition) {
            case Condition.And and -> {
                conjuncts(and.left(), parts);
                conjuncts(and.right(), parts);
            }
            case Condition.Or ignored -> throw invalidOperator("OR");
            case Condition.Not ignored -> throw invalidOperator("NOT");
            case Condition.In ignored -> throw invalidOperator("IN");
            case Condition.Exists exists ->
                throw invalidOperator(exists.exists() ? "attribute_exists" : "attribute_not_exists");
            case Condition.HasType ignored -> throw invalidOperator("attribute_type");
            case Condition.Contains ignored -> throw invalidOperator("contains");
            default -> parts.add(condition);
        }
    }

    /** The document path a key condition is about: the first operand, a path, with a constant to compare. */
    private static DocumentPath subject(Condition condition) {
        Operand subject = switch (condition) {
            case Condition.Compare compare when compare.right() instanceof Operand.Constant -> compare.left();
            case Condition.Between between when between.low() instanceof Operand.Constant
                    && between.high() instanceof Operand.Constant -> between.value();
            case Condition.BeginsWith beginsWith when beginsWith.prefix() instanceof Operand.Constant -> beginsWith.value();
            default -> null;
        };
        if (subject instanceof Operand.Path(DocumentPath path)) {
            return path;
        }
        throw Errors.validation("Invalid KeyConditionExpression: A key condition compares a key attribute with a value");
    }

    /** The value of a constant operand ({@link #subject} made sure it is one), which must be of the key's type. */
    private static AttributeValue.Scalar constant(Operand operand, String keyType) {
        if (((Operand.Constant) operand).value() instanceof AttributeValue.Scalar scalar && scalar.type().equals(keyType)) {
            return scalar;
        }
        throw Errors.invalidParameter("Condition parameter type does not match schema type");
    }

    private static RuntimeException onePerKey() {
        return Errors.validation("KeyConditionExpressions must only contain one condition per key");
    }

    private static RuntimeException invalidOperator(String operator) {
        return Errors.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }
}
