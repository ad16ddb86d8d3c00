package io.stratus.aws.simulator.internal.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The grammar DynamoDB's expressions and PartiQL's WHERE and SET clauses share: conditions with
 * {@code AND OR NOT}, comparisons, {@code BETWEEN}, {@code IN} and functions; document paths;
 * operands; SET actions. Each language says how it names attributes and writes values, and adds
 * its own statements or clauses on top.
 */
abstract class Grammar {

    private static final Map<String, Condition.Comparator> COMPARATORS = Map.of(
            "=", Condition.Comparator.EQUAL, "<>", Condition.Comparator.NOT_EQUAL,
            "<", Condition.Comparator.LESS, "<=", Condition.Comparator.LESS_OR_EQUAL,
            ">", Condition.Comparator.GREATER, ">=", Condition.Comparator.GREATER_OR_EQUAL);
    private static final Set<String> CONDITION_FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists",
            "attribute_type", "begins_with", "contains");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS");

    private final String source;
    private final String errorPrefix;
    private final List<Token> tokens;
    private int position;

    /**
     * @param references whether the language has {@code #name} and {@code :value} references
     * @param errorPrefix what every error of the language starts with, e.g. {@code Invalid FilterExpression: }
     */
    Grammar(String source, boolean references, String errorPrefix) {
        this.source = source;
        this.errorPrefix = errorPrefix;
        this.tokens = Lexer.tokens(source, references, this::error);
    }

    /** The attribute name a token stands for in a document path, or null if it stands for none. */
    abstract String attributeName(Token token);

    /** A value written in the language that starts at the current token (consumed), or null if none does. */
    abstract Operand value();

    /** A condition only this language has, following its first operand; null if none follows. */
    Condition conditionAfter(Operand left) {
        return null;
    }

    final RuntimeException error(String detail) {
        return Errors.validation(errorPrefix + detail);
    }

    // Conditions, loosest binding first: OR, AND, NOT, then a single predicate.

    final Condition condition() {
        Condition condition = conjunction();
        while (accept("OR")) {
            condition = new Condition.Or(condition, conjunction());
        }
        return condition;
    }

    private Condition conjunction() {
        Condition condition = negation();
        while (accept("AND")) {
            condition = new Condition.And(condition, negation());
        }
        return condition;
    }

    private Condition negation() {
        return accept("NOT") ? new Condition.Not(negation()) : predicate();
    }

    private Condition predicate() {
        if (accept("(")) {
            Condition inner = condition();
            expect(")");
            return inner;
        }
        if (functionAhead() && CONDITION_FUNCTIONS.contains(functionName())) {
            return conditionFunction();
        }
        Operand left = operand();
        Condition own = conditionAfter(left);
        if (own != null) {
            return own;
        }
        if (accept("BETWEEN")) {
            Operand low = operand();
            expect("AND");
            Operand high = operand();
            requireOrderable("BETWEEN", low, high);
            requireBoundsInOrder(low, high);
            return new Condition.Between(left, low, high);
        }
        if (accept("IN")) {
            return new Condition.In(left, operandList());
        }
        Condition.Comparator comparator = COMPARATORS.get(peek().kind() == Token.Kind.SYMBOL ? peek().text() : "");
        if (comparator == null) {
            throw syntaxError();
        }
        next();
        Operand right = operand();
        if (comparator.orders()) {
            requireOrderable(comparator.symbol, left, right);
        }
        return new Condition.Compare(left, comparator, right);
    }

    private Condition conditionFunction() {
        String function = functionName();
        next();
        expect("(");
        Condition condition = switch (function) {
            case "attribute_exists" -> new Condition.Exists(pathArgument(function), true);
            case "attribute_not_exists" -> new Condition.Exists(pathArgument(function), false);
            case "attribute_type" -> {
                DocumentPath path = pathArgument(function);
                expect(",");
                Operand type = operand();
                if (type instanceof Operand.Constant(AttributeValue value)
                        && !(value instanceof AttributeValue.S name && TYPE_NAMES.contains(name.value()))) {
                    throw error("Invalid attribute type name found; type: "
                            + (value instanceof AttributeValue.S name ? name.value() : describe(value))
                            + ", valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
                }
                yield new Condition.HasType(path, type);
            }
            case "begins_with" -> {
                Operand value = operand();
                expect(",");
                Operand prefix = operand();
                if (prefix instanceof Operand.Constant(AttributeValue constant)
                        && !(constant instanceof AttributeValue.S || constant instanceof AttributeValue.B)) {
                    throw incorrectOperandType(function, constant);
                }
                yield new Condition.BeginsWith(value, prefix);
            }
            default -> {
                Operand container = operand();
                expect(",");
                yield new Condition.Contains(container, operand());
            }
        };
        expect(")");
        return condition;
    }

    /** {@code (a, b, ...)}, or PartiQL's {@code [a, b, ...]}. */
    private List<Operand> operandList() {
        String close = accept("(") ? ")" : accept("[") ? "]" : null;
        if (close == null) {
            throw syntaxError();
        }
        List<Operand> operands = new ArrayList<>(List.of(operand()));
        while (accept(",")) {
            operands.add(operand());
        }
        expect(close);
        return operands;
    }

    // Operands and paths.

    /** A value, {@code size(path)} or a document path. */
    final Operand operand() {
        Operand value = value();
        if (value != null) {
            return value;
        }
        if (functionAhead()) {
            String function = functionName();
            if (!function.equals("size")) {
                throw error(CONDITION_FUNCTIONS.contains(function) || UPDATE_FUNCTIONS.contains(function)
                        ? "The function is not allowed to be used this way in an expression; function: " + function
                        : "Invalid function name; function: " + peek().text());
            }
            next();
            expect("(");
            DocumentPath path = pathArgument(function);
            expect(")");
            return new Operand.Size(path);
        }
        return new Operand.Path(path());
    }

    /** {@code name}, then any of {@code .name} and {@code [index]}. */
    final DocumentPath path() {
        List<DocumentPath.Step> steps = new ArrayList<>();
        steps.add(new DocumentPath.Key(name()));
        while (true) {
            if (accept(".")) {
                steps.add(new DocumentPath.Key(name()));
            } else if (accept("[")) {
                Token index = peek();
                if (index.kind() != Token.Kind.NUMBER || !index.text().chars().allMatch(Character::isDigit)) {
                    throw syntaxError();
                }
                next();
                steps.add(new DocumentPath.Index(Integer.parseInt(index.text())));
                expect("]");
            } else {
                return new DocumentPath(steps);
            }
        }
    }

    /** Paths separated by commas, of which none may contain another. */
    final List<DocumentPath> paths() {
        List<DocumentPath> paths = new ArrayList<>(List.of(path()));
        while (accept(",")) {
            paths.add(path());
        }
        requireNoOverlap(paths);
        return paths;
    }

    private String name() {
        String name = attributeName(peek());
        if (name == null) {
            throw syntaxError();
        }
        next();
        return name;
    }

    private DocumentPath pathArgument(String function) {
        if (operand() instanceof Operand.Path(DocumentPath path)) {
            return path;
        }
        throw error("Operator or function requires a document path; operator or function: " + function);
    }

    // SET actions, which UpdateExpression and PartiQL's UPDATE share.

    /** {@code path = value}, the value maybe {@code a + b}, {@code a - b}, {@code if_not_exists} or {@code list_append}. */
    final UpdateAction.Set setAction() {
        DocumentPath path = path();
        expect("=");
        return new UpdateAction.Set(path, setValue());
    }

    private Operand setValue() {
        Operand left = setOperand();
        if (accept("+")) {
            return new Operand.Arithmetic(left, false, setOperand());
        }
        if (accept("-")) {
            return new Operand.Arithmetic(left, true, setOperand());
        }
        return left;
    }

    private Operand setOperand() {
        if (functionAhead() && functionName().equals("if_not_exists")) {
            next();
            expect("(");
            DocumentPath path = path();
            expect(",");
            Operand fallback = setValue();
            expect(")");
            return new Operand.IfNotExists(path, fallback);
        }
        if (functionAhead() && functionName().equals("list_append")) {
            next();
            expect("(");
            Operand first = setValue();
            expect(",");
            Operand second = setValue();
            expect(")");
            return new Operand.ListAppend(first, second);
        }
        return operand();
    }

    final void requireNoOverlap(List<DocumentPath> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (paths.get(i).overlaps(paths.get(j))) {
                    throw error("Two document paths overlap with each other; must remove or rewrite one of these paths; "
                            + "path one: " + paths.get(i).describe() + ", path two: " + paths.get(j).describe());
                }
            }
        }
    }

    // Checks DynamoDB makes on constants before it reads any item.

    private void requireOrderable(String operator, Operand... operands) {
        for (Operand operand : operands) {
            if (operand instanceof Operand.Constant(AttributeValue value) && !(value instanceof AttributeValue.Scalar)) {
                throw incorrectOperandType(operator, value);
            }
        }
    }

    private void requireBoundsInOrder(Operand low, Operand high) {
        if (low instanceof Operand.Constant(AttributeValue.Scalar lower)
                && high instanceof Operand.Constant(AttributeValue.Scalar upper)
                && lower.type().equals(upper.type()) && lower.compareSameType(upper) > 0) {
            throw error("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                    + "lower bound operand: AttributeValue: " + describe(lower) + ", upper bound operand: AttributeValue: "
                    + describe(upper));
        }
    }

    final RuntimeException incorrectOperandType(String operator, AttributeValue value) {
        return error("Incorrect operand type for operator or function; operator or function: " + operator
                + ", operand type: " + value.type());
    }

    /** A value as DynamoDB prints it in messages: {@code {N:5}}. */
    static String describe(AttributeValue value) {
        String text = switch (value) {
            case AttributeValue.S s -> s.value();
            case AttributeValue.N n -> n.text();
            case AttributeValue.B b -> b.base64();
            case AttributeValue.Bool bool -> String.valueOf(bool.value());
            default -> value.toString();
        };
        return "{" + value.type() + ":" + text + "}";
    }

    // Tokens.

    final Token peek() {
        return tokens.get(position);
    }

    final Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.END) {
            position++;
        }
        return token;
    }

    final boolean accept(String symbolOrKeyword) {
        if (peek().is(symbolOrKeyword)) {
            position++;
            return true;
        }
        return false;
    }

    final void expect(String symbolOrKeyword) {
        if (!accept(symbolOrKeyword)) {
            throw syntaxError();
        }
    }

    final void expectEnd() {
        if (peek().kind() != Token.Kind.END) {
            throw syntaxError();
        }
    }

    /** DynamoDB's words for the current token being out of place: {@code Syntax error; token: "x", near: "a x"}. */
    final RuntimeException syntaxError() {
        Token token = peek();
        String shown = token.kind() == Token.Kind.END ? "<EOF>" : source.substring(token.start(), token.end());
        return error("Syntax error; token: \"" + shown + "\", near: \"" + near(token) + "\"");
    }

    /** The source from the token before this one to this one's end. */
    private String near(Token token) {
        int index = tokens.indexOf(token);
        return source.substring(tokens.get(Math.max(0, index - 1)).start(), token.end()).strip();
    }

    private boolean functionAhead() {
        return peek().kind() == Token.Kind.WORD && position + 1 < tokens.size() && tokens.get(position + 1).is("(");
    }

    private String functionName() {
        return peek().text().toLowerCase(Locale.ROOT);
    }
}
