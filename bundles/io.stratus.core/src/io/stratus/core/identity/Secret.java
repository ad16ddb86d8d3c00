package io.stratus.core.identity;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A secret value (AWS secret key, session token, database password) held only in memory.
 * It keeps its own copy of the characters, never prints them, and can be wiped: after
 * {@link #clear()} every attempt to read it fails.
 */
public final class Secret {

    private char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    /** Copies the characters, so the caller can (and should) wipe its own array. */
    public static Secret of(char[] chars) {
        return new Secret(chars.clone());
    }

    public static Secret of(CharSequence chars) {
        char[] copy = new char[chars.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = chars.charAt(i);
        }
        return new Secret(copy);
    }

    public synchronized boolean isBlank() {
        for (char c : checkedValue()) {
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    public synchronized int length() {
        return checkedValue().length;
    }

    /**
     * The value as a String, for the one call that must hand it to a client library (a JDBC
     * driver, an HTTP header). Do not keep, log or concatenate the result. A String cannot be
     * wiped: secret keys are never revealed, {@link #toUtf8()} feeds them to the signer.
     */
    public synchronized String reveal() {
        return new String(checkedValue());
    }

    /**
     * A fresh UTF-8 copy, for code that feeds the secret to a MAC (SigV4 signing) and so needs
     * no String of it. The caller overwrites the copy as soon as it is used.
     */
    public synchronized byte[] toUtf8() {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(checkedValue()));
        byte[] copy = new byte[encoded.remaining()];
        encoded.get(copy);
        Arrays.fill(encoded.array(), (byte) 0); // the encoder's buffer held the same bytes
        return copy;
    }

    public synchronized boolean isCleared() {
        return value == null;
    }

    /** Overwrites the characters and forgets them. Idempotent. */
    public synchronized void clear() {
        if (value != null) {
            Arrays.fill(value, '\0');
            value = null;
        }
    }

    private char[] checkedValue() {
        if (value == null) {
            throw new IllegalStateException("This secret was cleared when its session ended.");
        }
        return value;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
