package io.stratus.ui.results.internal;

import io.stratus.core.database.ResultColumn;
import io.stratus.results.ValueText;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rows as SQL INSERT statements, one per row, into a table the person names after pasting
 * ({@value #TABLE}): numbers and booleans as literals, binary as {@code X'..'}, everything else as
 * a quoted string of its exact text (which the databases cast to dates and times), NULL as NULL.
 */
final class SqlInserts {

    static final String TABLE = "result";
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private SqlInserts() {
    }

    static String of(List<ResultColumn> columns, List<List<Object>> rows) {
        StringBuilder names = new StringBuilder();
        for (ResultColumn column : columns) {
            names.append(names.isEmpty() ? "" : ", ").append(name(column.name()));
        }
        StringBuilder sql = new StringBuilder();
        for (List<Object> row : rows) {
            sql.append("INSERT INTO ").append(TABLE).append(" (").append(names).append(") VALUES (");
            for (int i = 0; i < row.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(literal(row.get(i)));
            }
            sql.append(");\n");
        }
        return sql.toString();
    }

    private static String name(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(Object value) {
        return switch (value) {
            case null -> "NULL";
            case Boolean truth -> truth ? "TRUE" : "FALSE";
            case Long number -> number.toString();
            case BigDecimal number -> number.toPlainString();
            case Double number when Double.isFinite(number) -> number.toString();
            case byte[] bytes -> "X'" + HexFormat.of().formatHex(bytes) + "'";
            default -> "'" + ValueText.exact(value).replace("'", "''") + "'";
        };
    }
}
