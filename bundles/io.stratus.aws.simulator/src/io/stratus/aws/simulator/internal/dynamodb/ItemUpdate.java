package io.stratus.aws.simulator.internal.dynamodb;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The actions of one update, applied as DynamoDB applies them: every value is computed from the
 * item as it was before the update, and list elements are removed by their original positions.
 */
record ItemUpdate(List<UpdateAction> actions) {

    /** Removing later list elements first keeps the positions of earlier ones. */
    private static final Comparator<DocumentPath> LATER_ELEMENTS_FIRST = ItemUpdate::compareForRemoval;

    public ItemUpdate {
        actions = List.copyOf(actions);
    }

    public List<DocumentPath> paths() {
        return actions.stream().map(UpdateAction::path).toList();
    }

    public Item apply(Item original) {
        Item updated = original;
        for (UpdateAction action : actions) {
            updated = switch (action) {
                case UpdateAction.Set set -> set.path().set(updated, existing(set.value().valueIn(original)));
                case UpdateAction.Add add -> add.path().set(updated,
                        added(add.path().valueIn(original), existing(add.value().valueIn(original))));
                case UpdateAction.Delete delete -> {
                    AttributeValue remaining = withoutMembers(delete.path().valueIn(original),
                            existing(delete.value().valueIn(original)));
                    yield remaining == null ? delete.path().remove(updated) : delete.path().set(updated, remaining);
                }
                case UpdateAction.Remove ignored -> updated;
            };
        }
        List<DocumentPath> removals = actions.stream().filter(UpdateAction.Remove.class::isInstance)
                .map(UpdateAction::path).sorted(LATER_ELEMENTS_FIRST).toList();
        for (DocumentPath path : removals) {
            updated = path.remove(updated);
        }
        return updated;
    }

    private static AttributeValue added(AttributeValue current, AttributeValue addend) {
        return switch (current) {
            case null -> addend;
            case AttributeValue.N number when addend instanceof AttributeValue.N more ->
                AttributeValue.N.of(number.value().add(more.value()));
            case AttributeValue.ScalarSet set when addend instanceof AttributeValue.ScalarSet more
                    && set.type().equals(more.type()) -> {
                Set<AttributeValue.Scalar> members = new LinkedHashSet<>(set.members());
                members.addAll(more.members());
                yield new AttributeValue.ScalarSet(set.type(), members);
            }
            default -> throw incorrectType();
        };
    }

    /** The set without the members, or null once nothing is left. */
    private static AttributeValue withoutMembers(AttributeValue current, AttributeValue members) {
        return switch (current) {
            case null -> null;
            case AttributeValue.ScalarSet set when members instanceof AttributeValue.ScalarSet gone
                    && set.type().equals(gone.type()) -> {
                Set<AttributeValue.Scalar> remaining = new LinkedHashSet<>(set.members());
                remaining.removeAll(gone.members());
                yield remaining.isEmpty() ? null : new AttributeValue.ScalarSet(set.type(), remaining);
            }
            default -> throw incorrectType();
        };
    }

    /** A value an update computes with must be there. */
    static AttributeValue existing(AttributeValue value) {
        if (value == null) {
            throw Errors.validation("The provided expression refers to an attribute that does not exist in the item");
        }
        return value;
    }

    static RuntimeException incorrectType() {
        return Errors.validation("An operand in the update expression has an incorrect data type");
    }

    /** At the first step where two paths differ: map keys by name, list positions from last to first. */
    private static int compareForRemoval(DocumentPath a, DocumentPath b) {
        int common = Math.min(a.steps().size(), b.steps().size());
        for (int i = 0; i < common; i++) {
            DocumentPath.Step x = a.steps().get(i);
            DocumentPath.Step y = b.steps().get(i);
            if (!x.equals(y)) {
                return switch (x) {
                    case DocumentPath.Index p when y instanceof DocumentPath.Index q ->
                        Integer.compare(q.position(), p.position());
                    case DocumentPath.Key p when y instanceof DocumentPath.Key q -> p.name().compareTo(q.name());
                    default -> x instanceof DocumentPath.Key ? -1 : 1;
                };
            }
        }
        return Integer.compare(a.steps().size(), b.steps().size());
    }
}
