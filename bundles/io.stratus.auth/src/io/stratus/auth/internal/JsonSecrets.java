package io.stratus.auth.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads single fields of an IAM Identity Center answer straight from its bytes, so that the access
 * token, client secret, device code and role keys go into characters a {@code Secret} keeps and never
 * into a String. Their values are base64-like text; a field is found by its name wherever it is, which
 * the flat answers of SSO OIDC and {@code GetRoleCredentials} allow. Bodies are built the same way.
 */
final class JsonSecrets {

    private JsonSecrets() {
    }

    /** The characters of a string field; the caller wipes them. */
    static char[] text(byte[] json, String field, String action) {
        int at = valueStart(json, field);
        if (at < 0 || json[at] != '"') {
            throw unreadable(action);
        }
        char[] chars = new char[json.length - at];
        int length = 0;
        for (int i = at + 1; i < json.length; i++) {
            byte b = json[i];
            if (b == '"') {
                char[] text = Arrays.copyOf(chars, length);
                Arrays.fill(chars, '\0');
                return text;
            }
            if (b == '\\' && i + 1 < json.length && json[i + 1] == '/') {
                b = json[++i]; // JSON may escape '/', which base64 uses
            } else if (b < 0x20 || b > 0x7e || b == '\\') {
                Arrays.fill(chars, '\0');
                throw unreadable(action);
            }
            chars[length++] = (char) b;
        }
        Arrays.fill(chars, '\0');
        throw unreadable(action);
    }

    /** A string field that is not secret, if present. */
    static Optional<String> plain(byte[] json, String field, String action) {
        if (valueStart(json, field) < 0) {
            return Optional.empty();
        }
        char[] chars = text(json, field, action);
        return Optional.of(new String(chars));
    }

    /** A whole-number field. */
    static long number(byte[] json, String field, String action) {
        int at = valueStart(json, field);
        int end = at;
        while (end >= 0 && end < json.length && json[end] >= '0' && json[end] <= '9') {
            end++;
        }
        if (at < 0 || end == at) {
            throw unreadable(action);
        }
        return Long.parseLong(new String(json, at, end - at, StandardCharsets.US_ASCII));
    }

    /** Where the value of {@code "field":} starts, after blanks; -1 if the field is missing. */
    private static int valueStart(byte[] json, String field) {
        byte[] name = ("\"" + field + "\"").getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= json.length - name.length; i++) {
            for (int j = 0; j < name.length; j++) {
                if (json[i + j] != name[j]) {
                    continue outer;
                }
            }
            int at = skipBlanks(json, i + name.length);
            if (at < json.length && json[at] == ':') {
                return skipBlanks(json, at + 1);
            }
        }
        return -1;
    }

    private static int skipBlanks(byte[] json, int from) {
        int at = from;
        while (at < json.length && (json[at] == ' ' || json[at] == '\n' || json[at] == '\r' || json[at] == '\t')) {
            at++;
        }
        return at;
    }

    /**
     * A JSON object of these fields in order, as bytes: names with String values (not secret), or
     * with byte values (a secret's UTF-8, which the caller wipes after the call, as it wipes the result).
     */
    static byte[] object(Object... namesAndValues) {
        WipedBuffer out = new WipedBuffer();
        try {
            write(out, namesAndValues);
            return out.toByteArray();
        } finally {
            out.wipe();
        }
    }

    /** Large enough for any request body here, so it never grows and leaves a copy behind; wiped after use. */
    private static final class WipedBuffer extends ByteArrayOutputStream {
        WipedBuffer() {
            super(8192);
        }

        void wipe() {
            Arrays.fill(buf, (byte) 0);
        }
    }

    private static void write(WipedBuffer out, Object... namesAndValues) {
        out.write('{');
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(quoted((String) namesAndValues[i]));
            out.write(':');
            Object value = namesAndValues[i + 1];
            if (value instanceof byte[] secret) {
                out.write('"');
                out.writeBytes(secret); // base64-like: nothing to escape
                out.write('"');
            } else {
                out.writeBytes(quoted((String) value));
            }
        }
        out.write('}');
    }

    private static byte[] quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString().getBytes(StandardCharsets.UTF_8);
    }

    static StratusException unreadable(String action) {
        return new StratusException(Problem.REMOTE_UNREACHABLE, "IAM Identity Center answered " + action
                + " with something Stratus cannot read. Something other than AWS may be answering (a proxy, or a "
                + "wrong endpoint setting); try again, and if it persists, ask the operator to check the network.");
    }
}
