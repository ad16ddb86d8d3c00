package io.stratus.connect.jdbc;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an engine keeps a read-only link to reading, whatever text it is sent. Three layers, the
 * first of which is the guarantee:
 * <ol>
 * <li>the database enforces it: every statement runs alone in a read-only transaction that
 * Stratus begins and always rolls back, and the engine's driver and server (not a tokenizer of
 * ours) decide that the text is one statement;</li>
 * <li>the statement must begin with a keyword that reads ({@code SELECT}, {@code WITH}, ...), read
 * with the engine's own comment rules; text whose meaning those rules cannot settle is refused;</li>
 * <li>calls that act outside the transaction (files, locks, server settings, other sessions), which
 * a read-only transaction does not stop, are refused by name wherever they appear in the text.</li>
 * </ol>
 * The third layer cannot see inside functions and views; a database user without those privileges
 * is the only firm limit on them (the README says so).
 */
public abstract class ReadOnlyRules {

    private static final Set<String> READING = Set.of("SELECT", "WITH", "SHOW", "EXPLAIN", "DESCRIBE", "DESC",
            "VALUES", "TABLE");

    /**
     * Refuses, before anything reaches the database, a statement that cannot be shown to be a single
     * statement that only reads.
     *
     * @throws StratusException FORBIDDEN, saying what was refused
     */
    public final void check(Connection connection, String statement) throws SQLException {
        Optional<String> unsettled = unsettled(statement);
        if (unsettled.isPresent()) {
            throw refused(unsettled.get());
        }
        if (!oneStatement(connection, statement)) {
            throw refused("more than one statement at once");
        }
        String first = firstKeyword(statement).toUpperCase(Locale.ROOT);
        if (!READING.contains(first)) {
            throw refused("a " + (first.isEmpty() ? "statement that does not begin with a keyword" : first + " statement"));
        }
        Matcher outside = outsideTheTransaction().matcher(statement);
        if (outside.find()) {
            throw refused(outside.group() + ", which acts outside the transaction (files, locks, settings or other "
                    + "sessions), even within text or a comment");
        }
    }

    /**
     * Begins the read-only transaction the next statement runs in, in a way the statement cannot
     * leave; the link rolls it back after the statement.
     */
    public abstract void beginReadOnly(Connection connection) throws SQLException;

    /** Whether the engine's driver sends the text as one statement, in a request the server refuses if it holds more. */
    protected abstract boolean oneStatement(Connection connection, String statement) throws SQLException;

    /** The statement's first keyword after blanks and comments as the engine reads them; empty if there is none. */
    protected abstract String firstKeyword(String statement);

    /** Names of calls with effects outside the transaction, matched case-insensitively as whole words. */
    protected abstract Pattern outsideTheTransaction();

    /** What in the text would let it mean something other than the engine's plain rules read, if anything. */
    protected Optional<String> unsettled(String statement) {
        return Optional.empty();
    }

    /** The text's index after blanks; {@code Character.isWhitespace} covers every blank SQL engines take. */
    protected static int skipBlanks(String sql, int from) {
        int i = from;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The keyword (letters only) starting at {@code from}. */
    protected static String wordAt(String sql, int from) {
        int end = from;
        while (end < sql.length() && isAsciiLetter(sql.charAt(end))) {
            end++;
        }
        // a keyword glued to more identifier characters (SELECTx, SELECT_1) is not the keyword
        return end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                || sql.charAt(end) == '$') ? "" : sql.substring(from, end);
    }

    /** A whole-word, case-insensitive pattern of the given names (regular expressions). */
    protected static Pattern words(String... names) {
        return Pattern.compile("(?<![\\w$])(" + String.join("|", names) + ")(?![\\w$])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static StratusException refused(String what) {
        return new StratusException(Problem.FORBIDDEN, "This connection is read-only (your Stratus role lets you read "
                + "data, not change it), so it does not send " + what + ". Send one statement that only reads.");
    }
}
