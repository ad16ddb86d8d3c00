package io.stratus.aws;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JSON objects of text and number fields into characters that can be wiped, never into
 * Strings: answers of {@link AwsClients#callJson(io.stratus.core.identity.AwsKeys, String, String, String,
 * String)} that hold secrets, such as {@code GetSecretValue}'s and the {@code SecretString} in it, which
 * holds a database's credentials ({@code {"username", "password", "engine", "host", "port", ...}}), or
 * Redshift Serverless's temporary credentials. Nested objects and arrays are skipped; anything that is not
 * JSON reads as empty.
 */
public final class SecretJson {

    private final char[] text;
    private int at;

    private SecretJson(char[] text) {
        this.text = text;
    }

    /** The top-level fields of a UTF-8 JSON object, each value's characters; empty if it is not one. */
    public static Optional<Map<String, char[]>> fields(byte[] utf8) {
        CharBuffer decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        char[] chars = new char[decoded.remaining()];
        decoded.get(chars);
        wipe(decoded.array());
        try {
            return fields(chars);
        } finally {
            wipe(chars);
        }
    }

    /** The top-level fields of a JSON object, each value's characters; empty if it is not one. */
    public static Optional<Map<String, char[]>> fields(char[] json) {
        Map<String, char[]> fields = new LinkedHashMap<>();
        try {
            new SecretJson(json).object(fields);
            return Optional.of(fields);
        } catch (IllegalArgumentException notJson) {
            fields.values().forEach(SecretJson::wipe);
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

    private void object(Map<String, char[]> fields) {
        expect('{');
        if (peek() == '}') {
            at++;
            return;
        }
        while (true) {
            char[] name = string();
            String key = new String(name); // field names are no secret
            expect(':');
            char first = peek();
            if (first == '"') {
                fields.put(key, string());
            } else if (first == '{' || first == '[') {
                skipNested();
            } else {
                fields.put(key, scalar());
            }
            char next = next();
            if (next == '}') {
                return;
            }
            if (next != ',') {
                throw new IllegalArgumentException();
            }
        }
    }

    /** A JSON string's characters, escapes resolved. */
    private char[] string() {
        expect('"');
        char[] out = new char[text.length - at];
        int length = 0;
        while (true) {
            char c = raw();
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                char escaped = raw();
                c = switch (escaped) {
                    case '"', '\\', '/' -> escaped;
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'u' -> unicode();
                    default -> throw new IllegalArgumentException();
                };
            }
            out[length++] = c;
        }
        char[] exact = Arrays.copyOf(out, length);
        wipe(out);
        return exact;
    }

    private char unicode() {
        if (at + 4 > text.length) {
            throw new IllegalArgumentException();
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text[at++], 16);
            if (digit < 0) {
                throw new IllegalArgumentException();
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
            throw new IllegalArgumentException();
        }
        return Arrays.copyOfRange(text, start, at);
    }

    private void skipNested() {
        int depth = 0;
        do {
            char c = raw();
            if (c == '"') {
                at--;
                wipe(string());
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        } while (depth > 0);
    }

    private void expect(char wanted) {
        if (next() != wanted) {
            throw new IllegalArgumentException();
        }
    }

    /** The next character that is not white space, consumed. */
    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private char peek() {
        while (at < text.length && Character.isWhitespace(text[at])) {
            at++;
        }
        if (at >= text.length) {
            throw new IllegalArgumentException();
        }
        return text[at];
    }

    private char raw() {
        if (at >= text.length) {
            throw new IllegalArgumentException();
        }
        return text[at++];
    }
}
