package io.stratus.auth.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the {@code <Credentials>} of an STS answer straight from its bytes into the characters a
 * {@link Secret} keeps, so that no String ever holds the secret key or the session token. AWS writes
 * them in base64's alphabet, which needs no XML escaping; anything else is not an answer to trust.
 */
final class IssuedKeys {

    private IssuedKeys() {
    }

    static SessionKeys read(byte[] xml, String action) {
        char[] secret = null;
        char[] token = null;
        try {
            secret = text(xml, "SecretAccessKey", action);
            token = text(xml, "SessionToken", action);
            String accessKeyId = new String(text(xml, "AccessKeyId", action));
            Instant expiration = Instant.parse(new String(text(xml, "Expiration", action)));
            return new SessionKeys(new AwsCredentials(accessKeyId, Secret.of(secret), Secret.of(token)),
                    Optional.of(expiration));
        } catch (DateTimeParseException e) {
            throw unreadable(action);
        } finally {
            wipe(secret);
            wipe(token);
        }
    }

    private static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }

    /** The text of the first element of that name, as characters; printable ASCII without markup only. */
    private static char[] text(byte[] xml, String element, String action) {
        int start = indexOf(xml, ("<" + element + ">").getBytes(StandardCharsets.US_ASCII), 0);
        int end = start < 0 ? -1 : indexOf(xml, ("</" + element + ">").getBytes(StandardCharsets.US_ASCII), start);
        if (start < 0 || end < 0) {
            throw unreadable(action);
        }
        start += element.length() + 2;
        char[] text = new char[end - start];
        for (int i = 0; i < text.length; i++) {
            byte b = xml[start + i];
            if (b < 0x21 || b > 0x7e || b == '&' || b == '<') {
                Arrays.fill(text, '\0');
                throw unreadable(action);
            }
            text[i] = (char) b;
        }
        if (text.length == 0) {
            throw unreadable(action);
        }
        return text;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static StratusException unreadable(String action) {
        return new StratusException(Problem.REMOTE_UNREACHABLE, "AWS STS answered " + action + " without temporary "
                + "keys Stratus can read. Something other than STS may be answering (a proxy, or a wrong STS endpoint "
                + "setting); try again, and if it persists, ask the operator to check the network and the STS endpoint.");
    }
}
