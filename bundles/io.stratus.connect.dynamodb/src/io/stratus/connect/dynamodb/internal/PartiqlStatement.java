package io.stratus.connect.dynamodb.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a PartiQL statement for DynamoDB reads or changes, found without running it: whether it
 * writes (anything but SELECT) and every table it names (after FROM, INTO or UPDATE). Quoted
 * names and string literals are read as tokens, so a word inside them is never taken for a
 * keyword.
 */
record PartiqlStatement(String verb, List<String> tables) {

    boolean writes() {
        return !verb.equals("SELECT");
    }

    /**
     * @throws io.stratus.core.StratusException INVALID_INPUT for a statement that is not a single
     *         SELECT, INSERT, UPDATE or DELETE, or a FROM, INTO or UPDATE not followed by a table name
     */
    static PartiqlStatement read(String statement) {
        List<Token> tokens = tokens(statement);
        if (tokens.isEmpty()) {
            throw AttributeJson.invalid("The statement is empty.");
        }
        String verb = tokens.getFirst().isWord() ? tokens.getFirst().text().toUpperCase(Locale.ROOT) : "";
        if (!List.of("SELECT", "INSERT", "UPDATE", "DELETE").contains(verb)) {
            throw AttributeJson.invalid("A DynamoDB statement is PartiQL starting with SELECT, INSERT, UPDATE or DELETE,"
                    + " such as SELECT * FROM \"orders\" WHERE id = 'a1', or a JSON request such as {\"Scan\": {}}.");
        }
        List<String> tables = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean namesTable = token.isWord() && (i == 0 && verb.equals("UPDATE")
                    || List.of("FROM", "INTO").contains(token.text().toUpperCase(Locale.ROOT)));
            if (namesTable) {
                Token table = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                if (table == null || table.kind() == Kind.STRING || table.kind() == Kind.SYMBOL) {
                    throw AttributeJson.invalid("Name the table after " + token.text() + ", such as \"orders\".");
                }
                // Fail closed: after the table come only an index (."name"), a keyword or the end.
                Token after = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
                if (after != null && after.kind() != Kind.WORD && !after.text().equals(".")
                        || after != null && after.text().equals(".") && (i + 3 >= tokens.size()
                                || tokens.get(i + 3).kind() == Kind.STRING || tokens.get(i + 3).kind() == Kind.SYMBOL)) {
                    throw AttributeJson.invalid("After the table name " + table.text() + " come an index (\"table\".\"index\"),"
                            + " WHERE, SET, VALUE or the end of the statement.");
                }
                tables.add(table.text());
            }
        }
        if (tables.isEmpty()) {
            throw AttributeJson.invalid("The statement names no table.");
        }
        return new PartiqlStatement(verb, List.copyOf(tables));
    }

    private enum Kind { WORD, QUOTED_NAME, STRING, SYMBOL }

    private record Token(Kind kind, String text) {
        boolean isWord() {
            return kind == Kind.WORD;
        }
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("--", i) || text.startsWith("/*", i)) {
                // Comments could hide a quote, and with it a table name, from this reader: refused, not skipped.
                throw AttributeJson.invalid("Leave comments out of the statement.");
            } else if (c == '"' || c == '\'') {
                StringBuilder content = new StringBuilder();
                int end = i + 1;
                while (true) {
                    if (end >= text.length()) {
                        throw AttributeJson.invalid("A " + (c == '"' ? "quoted name" : "string") + " is not closed: add "
                                + c + " at its end.");
                    }
                    if (text.charAt(end) == c) {
                        if (end + 1 < text.length() && text.charAt(end + 1) == c) { // doubled: the quote itself
                            content.append(c);
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    content.append(text.charAt(end++));
                }
                tokens.add(new Token(c == '"' ? Kind.QUOTED_NAME : Kind.STRING, content.toString()));
                i = end + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(i, end)));
                i = end;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }
}
