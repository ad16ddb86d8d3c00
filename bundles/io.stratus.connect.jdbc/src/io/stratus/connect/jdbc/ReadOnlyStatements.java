package io.stratus.connect.jdbc;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.util.Locale;
import java.util.Set;

/**
 * What a read-only session may send: one statement that reads. The database refuses writes in a
 * read-only transaction, but SQL can change the transaction's mode ({@code SET SESSION ...},
 * {@code COMMIT; SET ...}); so a read-only session sends only a single statement that starts as a
 * query, and the database's read-only mode does the rest ({@code WITH ... DELETE} is refused there).
 */
final class ReadOnlyStatements {

    private static final Set<String> READING = Set.of("SELECT", "WITH", "SHOW", "EXPLAIN", "DESCRIBE", "DESC", "VALUES",
            "TABLE");

    private ReadOnlyStatements() {
    }

    static void check(String statement) {
        String first = firstWord(statement);
        if (!READING.contains(first)) {
            throw refused("a " + (first.isEmpty() ? "statement" : first) + " statement");
        }
        if (moreThanOne(statement)) {
            throw refused("more than one statement at once");
        }
    }

    private static StratusException refused(String what) {
        return new StratusException(Problem.FORBIDDEN, "This connection is read-only (your Stratus role lets you read "
                + "data, not change it), so it sends one statement that reads, not " + what + ".");
    }

    private static String firstWord(String sql) {
        int i = skipBlanksAndComments(sql, 0);
        int end = i;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return sql.substring(i, end).toUpperCase(Locale.ROOT);
    }

    /** A ';' outside quotes and comments with anything but blanks and comments after it. */
    private static boolean moreThanOne(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = closing(sql, i + 1, String.valueOf(c));
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                i = closing(sql, i + tag.length(), tag);
            } else if (sql.startsWith("--", i) || sql.startsWith("/*", i) || c == '#') {
                i = skipBlanksAndComments(sql, i);
            } else if (c == ';') {
                return skipBlanksAndComments(sql, i + 1) < sql.length();
            } else {
                i++;
            }
        }
        return false;
    }

    /** PostgreSQL's $$ or $tag$ quote starting at i, or null. */
    private static String dollarTag(String sql, int i) {
        int end = i + 1;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        return end < sql.length() && sql.charAt(end) == '$' ? sql.substring(i, end + 1) : null;
    }

    /** The index after the closing quote (a doubled quote inside stays inside); the end if unclosed. */
    private static int closing(String sql, int from, String quote) {
        int at = sql.indexOf(quote, from);
        return at < 0 ? sql.length() : at + quote.length();
    }

    private static int skipBlanksAndComments(String sql, int i) {
        while (i < sql.length()) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i) || sql.charAt(i) == '#') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                break;
            }
        }
        return i;
    }
}
