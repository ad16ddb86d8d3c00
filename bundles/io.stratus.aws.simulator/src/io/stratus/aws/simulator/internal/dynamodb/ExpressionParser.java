package io.stratus.aws.simulator.internal.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DynamoDB's expression language. Attributes are bare names (not reserved words) or {@code #name}
 * references, values are {@code :value} references, both resolved in the request's
 * {@link ExpressionScope}. Errors start with {@code Invalid FilterExpression: } (or whichever
 * expression it is).
 */
final class ExpressionParser extends Grammar {

    private static final List<String> UPDATE_CLAUSES = List.of("SET", "REMOVE", "ADD", "DELETE");

    private final ExpressionScope scope;

    /** @param kind the request parameter, e.g. {@code FilterExpression} */
    ExpressionParser(String kind, String expression, ExpressionScope scope) {
        super(expression, true, "Invalid " + kind + ": ");
        this.scope = scope;
        if (expression.isBlank()) {
            throw error("The expression can not be empty;");
        }
    }

    Condition wholeCondition() {
        Condition condition = condition();
        expectEnd();
        return condition;
    }

    Projection projection() {
        List<DocumentPath> paths = paths();
        expectEnd();
        return new Projection(paths);
    }

    /** Clauses {@code SET}, {@code REMOVE}, {@code ADD} and {@code DELETE}, each at most once, in any order. */
    ItemUpdate update() {
        List<UpdateAction> actions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (peek().kind() != Token.Kind.END) {
            String clause = UPDATE_CLAUSES.stream().filter(peek()::is).findFirst().orElseThrow(this::syntaxError);
            next();
            if (!seen.add(clause)) {
                throw error("The \"" + clause + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(switch (clause) {
                    case "SET" -> setAction();
                    case "REMOVE" -> new UpdateAction.Remove(path());
                    case "ADD" -> new UpdateAction.Add(path(), setValueOf(clause, "N", "SS", "NS", "BS"));
                    default -> new UpdateAction.Delete(path(), setValueOf(clause, "SS", "NS", "BS"));
                });
            } while (accept(","));
        }
        ItemUpdate update = new ItemUpdate(actions);
        requireNoOverlap(update.paths());
        return update;
    }

    /** ADD's and DELETE's value: a constant of one of the types they work on. */
    private Operand setValueOf(String clause, String... types) {
        Operand value = operand();
        if (value instanceof Operand.Constant(AttributeValue constant) && !List.of(types).contains(constant.type())) {
            throw incorrectOperandType(clause, constant);
        }
        return value;
    }

    @Override
    String attributeName(Token token) {
        return switch (token.kind()) {
            case WORD -> {
                if (ReservedWords.contains(token.text())) {
                    throw error("Attribute name is a reserved keyword; reserved keyword: " + token.text());
                }
                yield token.text();
            }
            case NAME_REF -> {
                String name = scope.name(token.text());
                if (name == null) {
                    throw error("An expression attribute name used in the document path is not defined; attribute name: "
                            + token.text());
                }
                yield name;
            }
            default -> null;
        };
    }

    @Override
    Operand value() {
        if (peek().kind() != Token.Kind.VALUE_REF) {
            return null;
        }
        String reference = next().text();
        AttributeValue value = scope.value(reference);
        if (value == null) {
            throw error("An expression attribute value used in expression is not defined; attribute value: " + reference);
        }
        return new Operand.Constant(value);
    }
}
