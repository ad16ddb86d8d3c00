package io.stratus.connect.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Read-only rules of PostgreSQL and the engines that speak its dialect and protocol (Aurora
 * PostgreSQL, Redshift). The driver begins every transaction of a read-only connection with
 * {@code BEGIN READ ONLY}; it runs statements with the extended query protocol, whose parse step
 * the server refuses for text holding more than one command, so the driver's own split of the
 * text, which {@link #oneStatement} asks, and the server's cannot disagree unnoticed.
 */
public final class PostgresFamilyRules extends ReadOnlyRules {

    /**
     * Large objects, server files, configuration, signals to other sessions, advisory locks (held
     * past the transaction), dblink (another connection), sequences, and functions that run SQL
     * given as text.
     */
    private static final Pattern OUTSIDE = words("lo_\\w+", "loread", "lowrite", "pg_read_file", "pg_read_binary_file",
            "pg_ls_\\w+", "pg_stat_file", "pg_file_\\w+", "pg_reload_conf", "pg_rotate_logfile", "pg_terminate_backend",
            "pg_cancel_backend", "pg_signal_backend", "pg_(try_)?advisory_\\w+", "set_config", "dblink\\w*",
            "pg_promote", "pg_switch_wal", "pg_create_\\w+", "pg_drop_replication_slot", "pg_logical_\\w+",
            "pg_replication_\\w+", "pg_stat_reset\\w*", "pg_notify", "nextval", "setval", "query_to_xml\\w*",
            "cursor_to_xml\\w*", "ts_stat", "pg_import_system_collations", "pg_log_backend_memory_contexts");

    private final StatementSplitter driver;

    /** @param driver the driver's own split of a text into the statements it sends */
    public PostgresFamilyRules(StatementSplitter driver) {
        this.driver = driver;
    }

    /**
     * The driver starts each transaction itself ({@code BEGIN READ ONLY}, as the connection is read-only);
     * a BEGIN of ours would only be ignored inside it.
     */
    @Override
    public void beginReadOnly(Connection connection) {
        // nothing to send: see above
    }

    @Override
    protected String firstKeyword(String sql) {
        int i = skipBlanks(sql, 0);
        while (i < sql.length()) {
            if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                i = afterNestedComment(sql, i);
            } else {
                break;
            }
            i = skipBlanks(sql, i);
        }
        return wordAt(sql, i);
    }

    /** PostgreSQL's block comments nest; an unclosed one runs to the end. */
    private static int afterNestedComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    @Override
    protected Pattern outsideTheTransaction() {
        return OUTSIDE;
    }

    /** {@code U&"..."} identifiers can spell any name with escapes, past the names refused above. */
    @Override
    protected Optional<String> unsettled(String statement) {
        return statement.toLowerCase(Locale.ROOT).contains("u&\"")
                ? Optional.of("identifiers with Unicode escapes (U&\"...\")") : Optional.empty();
    }

    /** A driver's split of the text, for drivers with the PostgreSQL driver's query parser. */
    @FunctionalInterface
    public interface StatementSplitter {
        /** The number of statements the driver would send for the text. */
        int statements(Connection connection, String sql) throws SQLException;
    }

    @Override
    protected boolean oneStatement(Connection connection, String statement) throws SQLException {
        return driver.statements(connection, statement) == 1;
    }
}
