package io.stratus.aws.simulator.internal.dynamodb;

/** Strings as DynamoDB sees them: measured and ordered by their UTF-8 bytes. */
final class Utf8 {

    private Utf8() {
    }

    static int length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4; // with its low surrogate, one supplementary code point
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * UTF-8 byte order, which is code point order; UTF-16's order (String.compareTo) differs only
     * where a surrogate meets a character from U+E000 up, and there the surrogate's code point is larger.
     */
    static int compare(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean xSurrogate = Character.isSurrogate(x);
                return xSurrogate == Character.isSurrogate(y) ? Character.compare(x, y) : xSurrogate ? 1 : -1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
