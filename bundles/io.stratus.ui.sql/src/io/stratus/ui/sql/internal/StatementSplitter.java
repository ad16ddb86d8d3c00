package io.stratus.ui.sql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a script into its statements at the semicolons outside quotes, comments and dollar
 * quotes, read with the dialect's rules. A convenience of the editor: the database decides what
 * each piece means, and a read-only connection's rules still refuse anything that writes.
 */
public final class StatementSplitter {

    /** A statement of the text: where it starts and ends (exclusive, before its semicolon), and its text. */
    public record Statement(int start, int end, String text) {
    }

    private final SqlDialect dialect;

    public StatementSplitter(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The statements of the text in order, without blank and comment-only pieces. */
    public List<Statement> split(String text) {
        List<Statement> statements = new ArrayList<>();
        int start = 0;
        boolean code = false; // whether the piece so far holds more than blanks and comments
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int skipped = skipQuotedOrComment(text, i);
            if (skipped > i) {
                code |= !isComment(text, i);
                i = skipped;
            } else if (c == ';') {
                add(statements, text, start, i, code);
                start = i + 1;
                code = false;
                i++;
            } else {
                code |= !Character.isWhitespace(c);
                i++;
            }
        }
        add(statements, text, start, text.length(), code);
        return statements;
    }

    /**
     * The statement at the caret: the one the caret is in, else the last one before it (the caret
     * just after its semicolon or on the blank lines that follow), else the first.
     */
    public Optional<Statement> statementAt(String text, int caret) {
        List<Statement> statements = split(text);
        Statement found = null;
        for (Statement statement : statements) {
            if (statement.start() <= caret || found == null) {
                found = statement;
            }
        }
        return Optional.ofNullable(found);
    }

    private static void add(List<Statement> statements, String text, int from, int to, boolean code) {
        if (!code) {
            return;
        }
        int start = from;
        int end = to;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        statements.add(new Statement(start, end, text.substring(start, end)));
    }

    private boolean isComment(String text, int i) {
        return dashComment(text, i) || text.startsWith("/*", i) || (dialect.hashComments() && text.charAt(i) == '#');
    }

    private boolean dashComment(String text, int i) {
        return text.startsWith("--", i) && (!dialect.dashCommentNeedsSpace() || i + 2 == text.length()
                || Character.isWhitespace(text.charAt(i + 2)) || Character.isISOControl(text.charAt(i + 2)));
    }

    /** The index after the quoted text or comment that starts at {@code i}; {@code i} if none starts there. */
    int skipQuotedOrComment(String text, int i) {
        char c = text.charAt(i);
        if (c == '-' && dashComment(text, i) || dialect.hashComments() && c == '#') {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() : end + 1;
        }
        if (c == '/' && text.startsWith("/*", i)) {
            return endOfBlockComment(text, i);
        }
        if (c == '\'') {
            boolean escapes = dialect.backslashEscapes() || i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                    && (i < 2 || !isIdentifierPart(text.charAt(i - 2)));
            return endOfQuoted(text, i, '\'', escapes);
        }
        if (c == '"') {
            return endOfQuoted(text, i, '"', dialect.doubleQuotedStrings() && dialect.backslashEscapes());
        }
        if (c == '`' && dialect.backtickIdentifiers()) {
            return endOfQuoted(text, i, '`', false);
        }
        if (c == '$' && dialect.dollarQuotes() && (i == 0 || !isIdentifierPart(text.charAt(i - 1)))) {
            String tag = dollarTag(text, i);
            if (tag != null) {
                int end = text.indexOf(tag, i + tag.length());
                return end < 0 ? text.length() : end + tag.length();
            }
        }
        return i;
    }

    /** The dollar-quote tag ({@code $$}, {@code $body$}) starting at {@code i}, or null ({@code $1} is a parameter). */
    static String dollarTag(String text, int i) {
        int j = i + 1;
        if (j < text.length() && Character.isDigit(text.charAt(j))) {
            return null;
        }
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        return j < text.length() && text.charAt(j) == '$' ? text.substring(i, j + 1) : null;
    }

    private int endOfBlockComment(String text, int i) {
        int depth = 0;
        int j = i;
        while (j < text.length()) {
            if (text.startsWith("/*", j)) {
                depth = dialect.nestedComments() || depth == 0 ? depth + 1 : depth;
                j += 2;
            } else if (text.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return text.length();
    }

    /** After the closing quote; a doubled quote stands for itself, and so does an escaped one where backslashes escape. */
    private static int endOfQuoted(String text, int i, char quote, boolean backslashEscapes) {
        int j = i + 1;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (backslashEscapes && c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < text.length() && text.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return text.length();
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
