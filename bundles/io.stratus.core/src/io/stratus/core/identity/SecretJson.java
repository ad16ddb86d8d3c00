package io.stratus.core.identity;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the top-level text and number fields of a JSON object that holds secrets (an AWS answer with a database
 * password or a secret's value, the keys a credential process prints) into characters that can be wiped, never
 * into Strings: a text value's characters with its escapes resolved, a number, {@code true}, {@code false} or
 * {@code null} as written. Nested objects and lists are skipped. What is not such an object is refused with a
 * message that says what is wrong without quoting any of it.
 */
public final class SecretJson {

    private final char[] text;
    private final Map<String, char[]> fields = new LinkedHashMap<>();
    private int at;

    private SecretJson(char[] text) {
        this.text = text;
    }

    /**
     * The fields of a UTF-8 JSON object; the caller wipes them ({@link #wipeAll}).
     *
     * @throws IllegalArgumentException saying what is wrong, never quoting the input
     */
    public static Map<String, char[]> read(byte[] utf8) {
        CharBuffer decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8)); // refuses malformed input
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("it is not UTF-8 text");
        }
        char[] chars = new char[decoded.remaining()];
        decoded.get(chars);
        Arrays.fill(decoded.array(), '\0'); // the decoder's buffer held the same characters
        try {
            return read(chars);
        } finally {
            wipe(chars);
        }
    }

    /**
     * The fields of a JSON object; the caller wipes them ({@link #wipeAll}).
     *
     * @throws IllegalArgumentException saying what is wrong, never quoting the input
     */
    public static Map<String, char[]> read(char[] json) {
        SecretJson reader = new SecretJson(json);
        try {
            reader.object();
            return reader.fields;
        } catch (RuntimeException e) {
            wipeAll(reader.fields);
            throw e;
        }
    }

    /** The fields of a UTF-8 JSON object, as {@link #read(byte[])}; empty if it is not one. */
    public static Optional<Map<String, char[]>> fields(byte[] utf8) {
        try {
            return Optional.of(read(utf8));
        } catch (IllegalArgumentException notJson) {
            return Optional.empty();
        }
    }

    /** The fields of a JSON object, as {@link #read(char[])}; empty if it is not one. */
    public static Optional<Map<String, char[]>> fields(char[] json) {
        try {
            return Optional.of(read(json));
        } catch (IllegalArgumentException notJson) {
            return Optional.empty();
        }
    }

    public static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }

    public static void wipeAll(Map<String, char[]> fields) {
        fields.values().forEach(SecretJson::wipe);
    }

    private void object() {
        skipWhiteSpace();
        if (at == text.length) {
            throw new IllegalArgumentException("it is empty");
        }
        expect('{');
        if (peek() == '}') {
            at++;
        } else {
            char next;
            do {
                String key = new String(string()); // field names are no secret
                expect(':');
                char first = peek();
                if (first == '{' || first == '[') {
                    skipNested();
                } else {
                    wipe(fields.put(key, first == '"' ? string() : scalar()));
                }
                next = next();
            } while (next == ',');
            if (next != '}') {
                throw notAnObject();
            }
        }
        skipWhiteSpace();
        if (at < text.length) {
            throw new IllegalArgumentException("there is more after the JSON object");
        }
    }

    /** A JSON string's characters, escapes resolved. */
    private char[] string() {
        expect('"');
        char[] out = new char[text.length - at];
        int length = 0;
        try {
            while (true) {
                if (at >= text.length) {
                    throw new IllegalArgumentException("a string is not closed");
                }
                char c = text[at++];
                if (c == '"') {
                    return Arrays.copyOf(out, length);
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("a string holds a control character, which JSON escapes");
                }
                if (c == '\\') {
                    char escaped = at < text.length ? text[at++] : '\0';
                    c = switch (escaped) {
                        case '"', '\\', '/' -> escaped;
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        case 'u' -> unicode();
                        default -> throw new IllegalArgumentException("a string has an unknown escape");
                    };
                }
                out[length++] = c;
            }
        } finally {
            wipe(out);
        }
    }

    private char unicode() {
        if (at + 4 > text.length) {
            throw new IllegalArgumentException("a \\u escape is cut short");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text[at++], 16);
            if (digit < 0) {
                throw new IllegalArgumentException("a \\u escape is not hexadecimal");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    /** A number, true, false or null as written. */
    private char[] scalar() {
        int start = at;
        while (at < text.length && ",}] \t\r\n".indexOf(text[at]) < 0) {
            at++;
        }
        if (at == start) {
            throw notAnObject();
        }
        return Arrays.copyOfRange(text, start, at);
    }

    /** Passes over an object or a list, and the strings in it, to where it is closed. */
    private void skipNested() {
        int depth = 0;
        do {
            if (at >= text.length) {
                throw new IllegalArgumentException("an object or a list in it is not closed");
            }
            char c = text[at];
            if (c == '"') {
                wipe(string());
                continue;
            }
            at++;
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        } while (depth > 0);
    }

    private void expect(char wanted) {
        if (next() != wanted) {
            throw notAnObject();
        }
    }

    /** The next character that is not white space, consumed. */
    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private char peek() {
        skipWhiteSpace();
        if (at >= text.length) {
            throw new IllegalArgumentException("it ends before its JSON object is closed");
        }
        return text[at];
    }

    private void skipWhiteSpace() {
        while (at < text.length && Character.isWhitespace(text[at])) {
            at++;
        }
    }

    private static IllegalArgumentException notAnObject() {
        return new IllegalArgumentException("it is not a JSON object of text and numbers");
    }
}
