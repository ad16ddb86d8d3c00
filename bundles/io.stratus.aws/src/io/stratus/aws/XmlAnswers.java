package io.stratus.aws;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a value out of the XML answer of an AWS Query API ({@link AwsClients#callQuery}) straight
 * from its bytes into characters, so that no String ever holds a secret it carries (temporary keys,
 * a database password). AWS writes those in printable ASCII that needs no XML escaping; anything
 * else is not an answer to trust.
 */
public final class XmlAnswers {

    private XmlAnswers() {
    }

    /**
     * The text of the first element of that name, as characters the caller wipes; empty if there is
     * none, or it is empty or holds anything but printable ASCII without markup.
     */
    public static Optional<char[]> text(byte[] xml, String element) {
        int start = indexOf(xml, ("<" + element + ">").getBytes(StandardCharsets.US_ASCII), 0);
        int end = start < 0 ? -1 : indexOf(xml, ("</" + element + ">").getBytes(StandardCharsets.US_ASCII), start);
        if (start < 0 || end < 0) {
            return Optional.empty();
        }
        start += element.length() + 2;
        char[] text = new char[end - start];
        for (int i = 0; i < text.length; i++) {
            byte b = xml[start + i];
            if (b < 0x21 || b > 0x7e || b == '&' || b == '<') {
                Arrays.fill(text, '\0');
                return Optional.empty();
            }
            text[i] = (char) b;
        }
        return text.length == 0 ? Optional.empty() : Optional.of(text);
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
}
