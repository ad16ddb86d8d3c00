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

    private JdbcValues() {
    }

    static Object read(ResultSet rows, ResultSetMetaData metadata, int column) throws SQLException {
        String typeName = metadata.getColumnTypeName(column).toLowerCase(Locale.ROOT);
        Object value = switch (metadata.getColumnType(column)) {
            case Types.BIT, Types.BOOLEAN -> rows.getBoolean(column);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rows.getLong(column);
            case Types.NUMERIC, Types.DECIMAL -> rows.getBigDecimal(column);
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> rows.getDouble(column);
            case Types.DATE -> rows.getObject(column, LocalDate.class);
            case Types.TIME -> withZone(typeName) ? rows.getObject(column, OffsetTime.class)
                    : rows.getObject(column, LocalTime.class);
            case Types.TIME_WITH_TIMEZONE -> rows.getObject(column, OffsetTime.class);
            // Drivers report PostgreSQL's timestamptz as TIMESTAMP; its type name tells the zone.
            case Types.TIMESTAMP -> withZone(typeName) ? rows.getObject(column, OffsetDateTime.class)
                    : rows.getObject(column, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE -> rows.getObject(column, OffsetDateTime.class);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rows.getBytes(column);
            default -> rows.getString(column); // text, JSON, UUID, arrays and the rest: as the database prints them
        };
        return rows.wasNull() ? null : value;
    }

    private static boolean withZone(String typeName) {
        return typeName.endsWith("tz") || typeName.contains("with time zone");
    }
}
