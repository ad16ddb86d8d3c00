package io.stratus.aws.simulator.internal.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Splits an expression or PartiQL statement into tokens; one lexer serves both languages. */
final class Lexer {

    private static final List<String> TWO_CHARACTER_SYMBOLS = List.of("<=", ">=", "<>", "<<", ">>");
    private static final String SYMBOLS = "=<>()[]{},.:+-*";

    private final String source;
    private final boolean references;
    private final Function<String, RuntimeException> syntaxError;
    private int position;

    private Lexer(String source, boolean references, Function<String, RuntimeException> syntaxError) {
        this.source = source;
        this.references = references;
        this.syntaxError = syntaxError;
    }

    /**
     * The tokens of the source, ending with an END token.
     *
     * @param references whether the language has {@code #name} and {@code :value} references
     *     (expressions do; in PartiQL, {@code {'a':1}} is a map)
     * @param syntaxError makes the error for what is no token
     */
    static List<Token> tokens(String source, boolean references, Function<String, RuntimeException> syntaxError) {
        return new Lexer(source, references, syntaxError).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (position < source.length() && Character.isWhitespace(source.charAt(position))) {
                position++;
            }
            if (position == source.length()) {
                tokens.add(new Token(Token.Kind.END, "", position, position));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = position;
        char c = source.charAt(position);
        if (isNameCharacter(c) && !Character.isDigit(c)) {
            return new Token(Token.Kind.WORD, name(), start, position);
        }
        if (Character.isDigit(c)) {
            return new Token(Token.Kind.NUMBER, number(), start, position);
        }
        if (references && (c == '#' || c == ':') && position + 1 < source.length()
                && isNameCharacter(source.charAt(position + 1))) {
            position++;
            String reference = c + name();
            return new Token(c == '#' ? Token.Kind.NAME_REF : Token.Kind.VALUE_REF, reference, start, position);
        }
        if (c == '\'' || c == '"') {
            String text = quoted(c);
            return new Token(c == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED_NAME, text, start, position);
        }
        if (c == '?') {
            position++;
            return new Token(Token.Kind.PARAMETER, "?", start, position);
        }
        String pair = source.substring(position, Math.min(position + 2, source.length()));
        if (TWO_CHARACTER_SYMBOLS.contains(pair)) {
            position += 2;
            return new Token(Token.Kind.SYMBOL, pair, start, position);
        }
        if (SYMBOLS.indexOf(c) >= 0) {
            position++;
            return new Token(Token.Kind.SYMBOL, String.valueOf(c), start, position);
        }
        throw syntaxError.apply("Syntax error; token: \"" + c + "\", near: \""
                + source.substring(Math.max(0, position - 10), Math.min(source.length(), position + 10)) + "\"");
    }

    private String name() {
        int start = position;
        while (position < source.length() && isNameCharacter(source.charAt(position))) {
            position++;
        }
        return source.substring(start, position);
    }

    /** Digits with an optional fraction and exponent. */
    private String number() {
        int start = position;
        digits();
        if (position + 1 < source.length() && source.charAt(position) == '.'
                && Character.isDigit(source.charAt(position + 1))) {
            position++;
            digits();
        }
        if (position < source.length() && (source.charAt(position) == 'e' || source.charAt(position) == 'E')) {
            int mark = position++;
            if (position < source.length() && (source.charAt(position) == '+' || source.charAt(position) == '-')) {
                position++;
            }
            if (position < source.length() && Character.isDigit(source.charAt(position))) {
                digits();
            } else {
                position = mark; // an E that starts no exponent belongs to the next token
            }
        }
        return source.substring(start, position);
    }

    private void digits() {
        while (position < source.length() && Character.isDigit(source.charAt(position))) {
            position++;
        }
    }

    /** A quoted string or name; a doubled quote stands for the quote itself. */
    private String quoted(char quote) {
        int start = position++;
        StringBuilder text = new StringBuilder();
        while (position < source.length()) {
            char c = source.charAt(position++);
            if (c != quote) {
                text.append(c);
            } else if (position < source.length() && source.charAt(position) == quote) {
                text.append(quote);
                position++;
            } else {
                return text.toString();
            }
        }
        throw syntaxError.apply("Unterminated quote starting at position " + (start + 1));
    }

    private static boolean isNameCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
