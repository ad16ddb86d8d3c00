package io.stratus.ui.sql.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the SQL editor needs to know of an engine family's SQL: its keywords (for colouring and
 * completion) and how its text is read (for colouring and for splitting a script into statements):
 * which quotes and comments it has, whether a backslash escapes within strings, dollar quoting.
 * The database still decides what a statement means; this only serves the editor.
 */
public record SqlDialect(String family, Set<String> keywords, boolean dollarQuotes, boolean nestedComments,
        boolean hashComments, boolean dashCommentNeedsSpace, boolean backslashEscapes, boolean backtickIdentifiers,
        boolean doubleQuotedStrings, List<String> defaultSchemas) {

    /** Keywords every engine here knows (SQL:2016's common core and its usual extensions). */
    private static final List<String> COMMON = List.of("ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "BEGIN",
            "BETWEEN", "BY", "CASCADE", "CASE", "CAST", "CHECK", "COLUMN", "COMMIT", "CONSTRAINT", "CREATE", "CROSS",
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DATABASE", "DEFAULT", "DELETE", "DESC",
            "DISTINCT", "DROP", "ELSE", "END", "EXCEPT", "EXISTS", "EXPLAIN", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM",
            "FULL", "FUNCTION", "GRANT", "GROUP", "HAVING", "IF", "IN", "INDEX", "INNER", "INSERT", "INTERSECT", "INTO",
            "IS", "JOIN", "KEY", "LEFT", "LIKE", "LIMIT", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OUTER", "OVER",
            "PARTITION", "PRIMARY", "PROCEDURE", "REFERENCES", "REVOKE", "RIGHT", "ROLLBACK", "ROW", "ROWS", "SCHEMA",
            "SELECT", "SET", "SHOW", "START", "TABLE", "THEN", "TO", "TRANSACTION", "TRUE", "TRUNCATE", "UNION",
            "UNIQUE", "UPDATE", "USING", "VALUES", "VIEW", "WHEN", "WHERE", "WINDOW", "WITH",
            // types and functions people type most
            "BIGINT", "BOOLEAN", "CHAR", "DATE", "DECIMAL", "DOUBLE", "FLOAT", "INT", "INTEGER", "INTERVAL", "NUMERIC",
            "REAL", "SMALLINT", "TEXT", "TIME", "TIMESTAMP", "VARCHAR", "AVG", "COALESCE", "COUNT", "MAX", "MIN", "NULLIF",
            "SUM");

    private static final List<String> POSTGRESQL = List.of("ANALYZE", "ARRAY", "BYTEA", "COPY", "DO", "ILIKE",
            "JSONB", "JSON", "LATERAL", "LANGUAGE", "MATERIALIZED", "NOTIFY", "LISTEN", "RETURNING", "RETURNS", "SERIAL",
            "BIGSERIAL", "SEQUENCE", "SIMILAR", "TABLESAMPLE", "UUID", "VACUUM", "REINDEX", "CONFLICT", "NOTHING",
            "EXTENSION", "DOMAIN", "TYPE", "TRIGGER", "RECURSIVE", "TIMESTAMPTZ", "PLPGSQL", "NULLS", "FIRST", "LAST");

    private static final List<String> REDSHIFT = List.of("ANALYZE", "COPY", "UNLOAD", "DISTKEY", "DISTSTYLE",
            "SORTKEY", "INTERLEAVED", "COMPOUND", "ENCODE", "IDENTITY", "SUPER", "VACUUM", "ILIKE", "SIMILAR",
            "MATERIALIZED", "RETURNING", "LANGUAGE", "RETURNS", "NULLS", "FIRST", "LAST", "QUALIFY", "PIVOT", "UNPIVOT");

    private static final List<String> MYSQL = List.of("AUTO_INCREMENT", "BINARY", "BLOB", "CHANGE", "CHARSET",
            "COLLATE", "DATABASES", "DATETIME", "DELAYED", "DESCRIBE", "DUPLICATE", "ENGINE", "ENUM", "IGNORE",
            "LONGTEXT", "MEDIUMTEXT", "MODIFY", "RENAME", "REPLACE", "REGEXP", "RLIKE", "SIGNED", "STRAIGHT_JOIN",
            "TABLES", "TINYINT", "UNSIGNED", "USE", "ZEROFILL", "STATUS", "VARIABLES", "PROCESSLIST", "JSON");

    /** The dialect of an engine family ({@code postgresql}, {@code redshift}, {@code mysql}); plain SQL for others. */
    public static SqlDialect of(String family) {
        return switch (family) {
            case "postgresql" -> new SqlDialect(family, keywords(POSTGRESQL), true, true, false, false, false, false,
                    false, List.of("public"));
            case "redshift" -> new SqlDialect(family, keywords(REDSHIFT), true, false, false, false, false, false,
                    false, List.of("public"));
            // MySQL reads "--" as a comment only before a space or control character ("1--1" is 1 - -1)
            case "mysql" -> new SqlDialect(family, keywords(MYSQL), false, false, true, true, true, true, true,
                    List.of());
            default -> new SqlDialect(family, keywords(List.of()), false, false, false, false, false, false, false,
                    List.of());
        };
    }

    private static Set<String> keywords(List<String> extra) {
        Set<String> all = new HashSet<>(COMMON);
        all.addAll(extra);
        return Set.copyOf(all);
    }

    public boolean isKeyword(String word) {
        return keywords.contains(word.toUpperCase(Locale.ROOT));
    }
}
