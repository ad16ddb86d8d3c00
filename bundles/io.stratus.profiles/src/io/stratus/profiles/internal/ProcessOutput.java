package io.stratus.profiles.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON object a credential process prints, read straight from its bytes: string values become character
 * arrays (never Strings, as they hold the secret key and the session token), numbers and literals their text.
 * Only a flat object is expected; anything else is refused. {@link #wipe()} overwrites every value.
 */
final class ProcessOutput {

    private final Map<String, char[]> values = new LinkedHashMap<>();
    private final byte[] json;
    private int at;

    private ProcessOutput(byte[] json) {
        this.json = json;
    }

    /** @throws IllegalArgumentException saying what is wrong, without quoting the output */
    static ProcessOutput parse(byte[] json) {
        ProcessOutput output = new ProcessOutput(json);
        try {
            output.object();
            return output;
        } catch (RuntimeException e) {
            output.wipe();
            throw e;
        }
    }

    char[] get(String key) {
        return values.get(key);
    }

    void wipe() {
        values.values().forEach(value -> Arrays.fill(value, '\0'));
    }

    private void object() {
        expect('{');
        if (peek() == '}') {
            at++;
        } else {
            do {
                String key = new String(string());
                expect(':');
                char[] replaced = values.put(key, value());
                if (replaced != null) {
                    Arrays.fill(replaced, '\0');
                }
            } while (next() == ',');
            at--;
            expect('}');
        }
        if (peek() != 0) {
            throw new IllegalArgumentException("there is more after the JSON object");
        }
    }

    private char[] value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            throw new IllegalArgumentException("a value is an object or a list, where AWS expects text or a number");
        }
        int start = at;
        while (at < json.length && (Character.isLetterOrDigit(json[at]) || json[at] == '-' || json[at] == '+'
                || json[at] == '.')) {
            at++;
        }
        if (start == at) {
            throw new IllegalArgumentException("it is not a JSON object");
        }
        return new String(json, start, at - start, StandardCharsets.US_ASCII).toCharArray();
    }

    /** A JSON string, escapes decoded, as characters. */
    private char[] string() {
        expect('"');
        char[] text = new char[json.length - at];
        int length = 0;
        try {
            while (true) {
                if (at >= json.length) {
                    throw new IllegalArgumentException("a string is not closed");
                }
                int b = json[at++] & 0xff;
                if (b == '"') {
                    return Arrays.copyOf(text, length);
                }
                if (b == '\\') {
                    char escaped = (char) (at < json.length ? json[at++] : 0);
                    text[length++] = switch (escaped) {
                        case '"', '\\', '/' -> escaped;
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        case 'u' -> unicode();
                        default -> throw new IllegalArgumentException("a string has an unknown escape");
                    };
                } else if (b < 0x20 || b > 0x7e) {
                    throw new IllegalArgumentException("a string holds a control or non-ASCII character");
                } else {
                    text[length++] = (char) b;
                }
            }
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    private char unicode() {
        if (at + 4 > json.length) {
            throw new IllegalArgumentException("a \\u escape is cut short");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(json[at++], 16);
            if (digit < 0) {
                throw new IllegalArgumentException("a \\u escape is not hexadecimal");
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private void expect(char wanted) {
        if (next() != wanted) {
            throw new IllegalArgumentException("it is not a JSON object");
        }
    }

    /** The next character that is not whitespace, consumed; 0 at the end. */
    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private char peek() {
        while (at < json.length && Character.isWhitespace(json[at])) {
            at++;
        }
        return at < json.length ? (char) json[at] : 0;
    }
}
