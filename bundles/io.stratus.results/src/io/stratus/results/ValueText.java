package io.stratus.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/** A result value as text that reads back as the same value (for JSON strings, CSV fields, a value viewer). */
public final class ValueText {

    /** Room for the longest text {@link #exactInto} writes: a date-time with nanoseconds and an offset in seconds. */
    static final int EXACT_INTO_ROOM = 40;

    private ValueText() {
    }

    /** The value as text that reads back as the same value; not for null. */
    public static String exact(Object value) {
        return switch (value) {
            case BigDecimal d -> d.toPlainString();
            case byte[] bytes -> base64(bytes);
            default -> value.toString(); // java.time values in ISO-8601
        };
    }

    /**
     * Writes {@link #exact} of the values a large result holds most (decimals that fit a long,
     * timestamps of years 0 to 9999) into {@code into}, digit by digit, without the strings and
     * builders {@code toPlainString} and {@code toString} make on the way; a writer of every row
     * of a result spends most of its time on those. Returns the length written, or -1 for any
     * other value, whose text only {@link #exact} makes.
     */
    static int exactInto(Object value, char[] into) {
        return switch (value) {
            case BigDecimal d when d.scale() >= 0 && d.precision() <= 18 -> decimal(d, into);
            case OffsetDateTime t when plainYear(t.getYear()) ->
                    offset(t.getOffset(), into, dateTime(t.toLocalDateTime(), into));
            case LocalDateTime t when plainYear(t.getYear()) -> dateTime(t, into);
            default -> -1;
        };
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** As {@code toPlainString}: the digits, with the point {@code scale} digits from the right, zeros before it if needed. */
    private static int decimal(BigDecimal value, char[] into) {
        long unscaled = value.unscaledValue().longValue();
        int scale = value.scale();
        int at = 0;
        if (unscaled < 0) {
            into[at++] = '-';
        }
        long magnitude = Math.abs(unscaled);
        int digits = digitCount(magnitude);
        if (scale == 0) {
            return digits(magnitude, digits, into, at);
        }
        if (digits <= scale) {
            into[at++] = '0';
            into[at++] = '.';
            for (int zero = digits; zero < scale; zero++) {
                into[at++] = '0';
            }
            return digits(magnitude, digits, into, at);
        }
        long whole = magnitude;
        for (int i = 0; i < scale; i++) {
            whole /= 10;
        }
        at = digits(whole, digits - scale, into, at);
        into[at++] = '.';
        return digits(magnitude, scale, into, at);
    }

    /** As {@code LocalDateTime.toString}: {@code yyyy-MM-ddTHH:mm}, then seconds and a fraction of 3, 6 or 9 digits if not zero. */
    private static int dateTime(LocalDateTime value, char[] into) {
        LocalDate date = value.toLocalDate();
        LocalTime time = value.toLocalTime();
        int at = digits(date.getYear(), 4, into, 0);
        into[at++] = '-';
        at = digits(date.getMonthValue(), 2, into, at);
        into[at++] = '-';
        at = digits(date.getDayOfMonth(), 2, into, at);
        into[at++] = 'T';
        at = digits(time.getHour(), 2, into, at);
        into[at++] = ':';
        at = digits(time.getMinute(), 2, into, at);
        int nano = time.getNano();
        if (time.getSecond() > 0 || nano > 0) {
            into[at++] = ':';
            at = digits(time.getSecond(), 2, into, at);
            if (nano > 0) {
                into[at++] = '.';
                if (nano % 1_000_000 == 0) {
                    at = digits(nano / 1_000_000, 3, into, at);
                } else if (nano % 1_000 == 0) {
                    at = digits(nano / 1_000, 6, into, at);
                } else {
                    at = digits(nano, 9, into, at);
                }
            }
        }
        return at;
    }

    /** The offset's id ({@code Z}, {@code +05:30}) after the date-time. */
    private static int offset(ZoneOffset offset, char[] into, int from) {
        String id = offset.getId();
        id.getChars(0, id.length(), into, from);
        return from + id.length();
    }

    /** Years {@code toString} writes as four plain digits. */
    private static boolean plainYear(int year) {
        return year >= 0 && year <= 9999;
    }

    /** The last {@code count} digits of a non-negative number, zero-padded, at {@code from}; returns where they end. */
    private static int digits(long number, int count, char[] into, int from) {
        long rest = number;
        for (int i = from + count - 1; i >= from; i--) {
            into[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return from + count;
    }

    private static int digitCount(long magnitude) {
        int count = 1;
        for (long rest = magnitude / 10; rest > 0; rest /= 10) {
            count++;
        }
        return count;
    }
}
