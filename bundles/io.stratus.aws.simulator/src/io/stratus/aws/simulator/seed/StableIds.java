package io.stratus.aws.simulator.seed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Ids in AWS's shapes derived from a hash of what they name, so repeated runs see the same ids. */
final class StableIds {

    static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static final String LOWER_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    static final String HEX = "0123456789abcdef";

    private StableIds() {
    }

    /** {@code length} characters of {@code alphabet} (at most 32) taken from the SHA-256 of {@code text}. */
    static String of(String alphabet, int length, String text) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt((hash[i] & 0xff) % alphabet.length()));
        }
        return id.toString();
    }
}
