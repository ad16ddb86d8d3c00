package io.stratus.connect.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Locale;

/**
 * Maps a column's value to the Java type a person expects of its SQL type (Boolean, Long,
 * BigDecimal, Double, java.time, byte[], else the database's text); null stays null.
 */
final class JdbcValues {

    /** Reads one column's value from the current row. */
    @FunctionalInterface
    interface ValueReader {
        Object read(ResultSet rows, int column) throws SQLException;
    }

    private JdbcValues() {
    }

    /** The reader for a column, chosen once per result from its SQL type rather than per value. */
    static ValueReader readerFor(ResultSetMetaData metadata, int column) throws SQLException {
        boolean withZone = withZone(metadata.getColumnTypeName(column).toLowerCase(Locale.ROOT));
        return switch (metadata.getColumnType(column)) {
            case Types.BIT, Types.BOOLEAN -> (rows, i) -> nullOr(rows, rows.getBoolean(i));
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> (rows, i) -> nullOr(rows, rows.getLong(i));
            case Types.NUMERIC, Types.DECIMAL -> ResultSet::getBigDecimal;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> (rows, i) -> nullOr(rows, rows.getDouble(i));
            case Types.DATE -> (rows, i) -> rows.getObject(i, LocalDate.class);
            case Types.TIME -> withZone ? (rows, i) -> rows.getObject(i, OffsetTime.class)
                    : (rows, i) -> rows.getObject(i, LocalTime.class);
            case Types.TIME_WITH_TIMEZONE -> (rows, i) -> rows.getObject(i, OffsetTime.class);
            // Drivers report PostgreSQL's timestamptz as TIMESTAMP; its type name tells the zone.
            case Types.TIMESTAMP -> withZone ? (rows, i) -> rows.getObject(i, OffsetDateTime.class)
                    : (rows, i) -> rows.getObject(i, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE -> (rows, i) -> rows.getObject(i, OffsetDateTime.class);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ResultSet::getBytes;
            default -> ResultSet::getString; // text, JSON, UUID, arrays and the rest: as the database prints them
        };
    }

    /** Primitive getters answer 0 or false for SQL null; wasNull tells them apart. */
    private static Object nullOr(ResultSet rows, Object value) throws SQLException {
        return rows.wasNull() ? null : value;
    }

    private static boolean withZone(String typeName) {
        return typeName.endsWith("tz") || typeName.contains("with time zone");
    }
}
