package io.stratus.auth.internal;

import io.stratus.aws.XmlAnswers;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the {@code <Credentials>} of an STS answer straight from its bytes into the characters a
 * {@link Secret} keeps (see {@link XmlAnswers}), so that no String ever holds the secret key or the
 * session token.
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

    private static char[] text(byte[] xml, String element, String action) {
        return XmlAnswers.text(xml, element).orElseThrow(() -> unreadable(action));
    }

    private static StratusException unreadable(String action) {
        return new StratusException(Problem.REMOTE_UNREACHABLE, "AWS STS answered " + action + " without temporary "
                + "keys Stratus can read. Something other than STS may be answering (a proxy, or a wrong STS endpoint "
                + "setting); try again, and if it persists, ask the operator to check the network and the STS endpoint.");
    }
}
