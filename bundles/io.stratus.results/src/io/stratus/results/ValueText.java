package io.stratus.results;

import java.math.BigDecimal;
import java.util.Base64;

/** A result value as text: exact (for JSON strings and CSV fields) or for display. */
final class ValueText {

    private ValueText() {
    }

    /** The value as text that reads back as the same value; not for null. */
    static String exact(Object value) {
        return switch (value) {
            case BigDecimal d -> d.toPlainString();
            case byte[] bytes -> base64(bytes);
            default -> value.toString(); // java.time values in ISO-8601
        };
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
