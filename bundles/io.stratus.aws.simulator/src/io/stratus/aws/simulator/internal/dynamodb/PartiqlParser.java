package io.stratus.aws.simulator.internal.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PartiQL as DynamoDB speaks it: SELECT, INSERT, UPDATE and DELETE on one table. Names are bare
 * or double-quoted; values are literals ({@code 'text'}, numbers, {@code TRUE}, {@code NULL},
 * lists {@code [..]}, maps {@code {'k': v}}, sets {@code <<..>>}) or {@code ?} parameters.
 * Conditions are those of the expressions plus {@code IS [NOT] MISSING}.
 */
final class PartiqlParser extends Grammar {

    /** Words that are never bare names; a table or attribute so named is written in double quotes. */
    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "INSERT", "INTO", "VALUE", "UPDATE",
            "SET", "REMOVE", "DELETE", "AND", "OR", "NOT", "BETWEEN", "IN", "IS", "MISSING", "NULL", "TRUE", "FALSE");

    private final List<AttributeValue> parameters;
    private int parametersUsed;

    private PartiqlParser(String statement, List<AttributeValue> parameters) {
        super(statement, false, "Statement wasn't well formed, can't be processed: ");
        this.parameters = parameters;
    }

    public static Statement parse(String statement, List<AttributeValue> parameters) {
        PartiqlParser parser = new PartiqlParser(statement, parameters);
        Statement parsed = parser.statement();
        parser.expectEnd();
        if (parser.parametersUsed != parameters.size()) {
            throw parameterCountMismatch();
        }
        return parsed;
    }

    private Statement statement() {
        if (accept("SELECT")) {
            Projection projection = accept("*") ? null : new Projection(paths());
            expect("FROM");
            String table = identifier();
            String index = accept(".") ? identifier() : null;
            return new Statement.Select(table, index, projection, accept("WHERE") ? condition() : null);
        }
        if (accept("INSERT")) {
            expect("INTO");
            String table = identifier();
            expect("VALUE");
            if (value() instanceof Operand.Constant(AttributeValue.M attributes)) {
                return new Statement.Insert(table, new Item(attributes.values()));
            }
            throw error("INSERT needs a map of attribute names and values after VALUE");
        }
        if (accept("UPDATE")) {
            String table = identifier();
            ItemUpdate update = updateClauses();
            expect("WHERE");
            return new Statement.Update(table, update, condition());
        }
        if (accept("DELETE")) {
            expect("FROM");
            String table = identifier();
            expect("WHERE");
            return new Statement.Delete(table, condition());
        }
        throw syntaxError();
    }

    /** One or more {@code SET path = value, ...} and {@code REMOVE path, ...} clauses. */
    private ItemUpdate updateClauses() {
        List<UpdateAction> actions = new ArrayList<>();
        while (peek().is("SET") || peek().is("REMOVE")) {
            boolean set = next().is("SET");
            do {
                actions.add(set ? setAction() : new UpdateAction.Remove(path()));
            } while (accept(","));
        }
        if (actions.isEmpty()) {
            throw syntaxError();
        }
        ItemUpdate update = new ItemUpdate(actions);
        requireNoOverlap(update.paths());
        return update;
    }

    private String identifier() {
        String name = attributeName(peek());
        if (name == null) {
            throw syntaxError();
        }
        next();
        return name;
    }

    @Override
    String attributeName(Token token) {
        return switch (token.kind()) {
            case QUOTED_NAME -> token.text();
            case WORD -> KEYWORDS.contains(token.text().toUpperCase(Locale.ROOT)) ? null : token.text();
            default -> null;
        };
    }

    /** {@code col IS MISSING}, {@code col IS NOT MISSING}. */
    @Override
    Condition conditionAfter(Operand left) {
        if (!accept("IS")) {
            return null;
        }
        boolean exists = accept("NOT");
        expect("MISSING");
        if (left instanceof Operand.Path(DocumentPath path)) {
            return new Condition.Exists(path, exists);
        }
        throw error("IS MISSING needs a document path");
    }

    @Override
    Operand value() {
        AttributeValue literal = literal();
        return literal == null ? null : new Operand.Constant(literal);
    }

    private AttributeValue literal() {
        Token token = peek();
        AttributeValue value = switch (token.kind()) {
            case STRING -> new AttributeValue.S(token.text());
            case NUMBER -> AttributeValue.N.parse(token.text());
            case PARAMETER -> parameter();
            case WORD -> token.is("TRUE") || token.is("FALSE") ? new AttributeValue.Bool(token.is("TRUE"))
                    : token.is("NULL") ? AttributeValue.Null.INSTANCE : null;
            default -> null;
        };
        if (value != null) {
            next();
            return value;
        }
        if (accept("-")) {
            Token number = next();
            if (number.kind() != Token.Kind.NUMBER) {
                throw syntaxError();
            }
            return AttributeValue.N.parse("-" + number.text());
        }
        if (accept("[")) {
            return new AttributeValue.L(literals("]"));
        }
        if (accept("<<")) {
            return set(literals(">>"));
        }
        return accept("{") ? map() : null;
    }

    private AttributeValue parameter() {
        if (parametersUsed == parameters.size()) {
            throw parameterCountMismatch();
        }
        return parameters.get(parametersUsed++);
    }

    /** Literals separated by commas up to {@code close}, which may follow at once. */
    private List<AttributeValue> literals(String close) {
        List<AttributeValue> values = new ArrayList<>();
        if (accept(close)) {
            return values;
        }
        do {
            values.add(requiredLiteral());
        } while (accept(","));
        expect(close);
        return values;
    }

    /** {@code {'name': value, ...}} after its opening brace. */
    private AttributeValue map() {
        Map<String, AttributeValue> entries = new LinkedHashMap<>();
        if (accept("}")) {
            return new AttributeValue.M(entries);
        }
        do {
            Token key = next();
            if (key.kind() != Token.Kind.STRING && key.kind() != Token.Kind.QUOTED_NAME) {
                throw error("Map keys are quoted strings, not " + key.text());
            }
            expect(":");
            if (entries.put(key.text(), requiredLiteral()) != null) {
                throw error("The map literal has the key " + key.text() + " twice");
            }
        } while (accept(","));
        expect("}");
        return new AttributeValue.M(entries);
    }

    /** A string, number or binary set: all its members of one of these types. */
    private AttributeValue set(List<AttributeValue> members) {
        String type = members.isEmpty() ? null : members.getFirst().type();
        if (type == null || !List.of("S", "N", "B").contains(type)
                || members.stream().anyMatch(member -> !member.type().equals(type))) {
            throw error("A set literal << >> needs members that are all strings, all numbers or all binaries");
        }
        Set<AttributeValue.Scalar> distinct = new LinkedHashSet<>();
        members.forEach(member -> distinct.add((AttributeValue.Scalar) member));
        if (distinct.size() < members.size()) {
            throw Errors.invalidParameter("Input collection " + members + " contains duplicates.");
        }
        return new AttributeValue.ScalarSet(type + "S", distinct);
    }

    private AttributeValue requiredLiteral() {
        AttributeValue value = literal();
        if (value == null) {
            throw syntaxError();
        }
        return value;
    }

    private static RuntimeException parameterCountMismatch() {
        return Errors.validation("Number of parameters in request and statement don't match.");
    }
}
