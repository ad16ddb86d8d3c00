package io.stratus.connect.mysql;

import io.stratus.connect.jdbc.ReadOnlyRules;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.mariadb.jdbc.util.ClientParser;

/**
 * Read-only rules of MySQL and MariaDB. Each statement runs in {@code START TRANSACTION READ ONLY},
 * sent by Stratus before it, so a session setting the text might change is never relied on. The
 * driver sends text without the multi-statement capability, so the server refuses a second
 * statement; the driver's own parser says so first, with a clearer message.
 */
final class MySqlReadOnlyRules extends ReadOnlyRules {

    /** Server files, user-level locks (held past the transaction), sequences and UDFs that run commands. */
    private static final Pattern OUTSIDE = words("outfile", "dumpfile", "load_file", "get_lock", "release_lock",
            "release_all_locks", "sys_exec", "sys_eval", "nextval", "setval", "next\\s+value");

    @Override
    public void beginReadOnly(Connection connection) throws SQLException {
        try (Statement begin = connection.createStatement()) {
            begin.execute("START TRANSACTION READ ONLY");
        }
    }

    /** Fails closed: one statement whether or not the server's SQL mode lets backslashes escape. */
    @Override
    protected boolean oneStatement(Connection connection, String statement) {
        return !ClientParser.parameterParts(statement, false).isMultiQuery()
                && !ClientParser.parameterParts(statement, true).isMultiQuery();
    }

    /**
     * MySQL's comments: {@code #} and {@code -- } (a blank after the dashes) to the end of the line,
     * {@code /* ... *}{@code /} not nested. {@code --} without a blank is two minus signs, not a comment.
     */
    @Override
    protected String firstKeyword(String sql) {
        int i = skipBlanks(sql, 0);
        while (i < sql.length()) {
            if (sql.charAt(i) == '#' || (sql.startsWith("--", i) && i + 2 < sql.length() && sql.charAt(i + 2) <= ' ')) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                break;
            }
            i = skipBlanks(sql, i);
        }
        return wordAt(sql, i);
    }

    @Override
    protected Pattern outsideTheTransaction() {
        return OUTSIDE;
    }

    /** MySQL and MariaDB run what is inside {@code /*!...*}{@code /} and {@code /*M!...*}{@code /} as SQL. */
    @Override
    protected Optional<String> unsettled(String statement) {
        String text = statement.toLowerCase(Locale.ROOT);
        return text.contains("/*!") || text.contains("/*m!")
                ? Optional.of("executable comments (/*! ... */), which MySQL and MariaDB run as SQL")
                : Optional.empty();
    }
}
