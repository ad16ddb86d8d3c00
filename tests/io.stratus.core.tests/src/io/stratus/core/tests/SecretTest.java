package io.stratus.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;

import org.junit.jupiter.api.Test;

class SecretTest {

    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void keepsItsOwnCopyOfTheCharacters() {
        char[] typed = SECRET_KEY.toCharArray();
        Secret secret = Secret.of(typed);
        java.util.Arrays.fill(typed, 'x');
        assertEquals(SECRET_KEY, secret.reveal());
    }

    @Test
    void neverPrintsItsValue() {
        Secret secret = Secret.of(SECRET_KEY);
        assertFalse(secret.toString().contains(SECRET_KEY));
        assertFalse(String.valueOf(secret).contains("wJalr"));
    }

    @Test
    void clearedSecretCannotBeReadAgain() {
        Secret secret = Secret.of(SECRET_KEY);
        secret.clear();
        assertTrue(secret.isCleared());
        IllegalStateException e = assertThrows(IllegalStateException.class, secret::reveal);
        assertFalse(e.getMessage().contains(SECRET_KEY));
        secret.clear(); // idempotent
    }

    @Test
    void blankMeansOnlyWhitespace() {
        assertTrue(Secret.of(" \t\n").isBlank());
        assertTrue(Secret.of("").isBlank());
        assertFalse(Secret.of(" a ").isBlank());
    }

    @Test
    void credentialsShowNeitherSecretNorWholeKeyId() {
        AwsCredentials credentials = new AwsCredentials("ASIAIOSFODNN7EXAMPLE", Secret.of(SECRET_KEY),
                Secret.of("FQoGZXIvYXdzEXAMPLETOKEN"));
        String text = credentials.toString();
        assertFalse(text.contains(SECRET_KEY));
        assertFalse(text.contains("FQoGZXIvYXdzEXAMPLETOKEN"));
        assertFalse(text.contains("ASIAIOSFODNN7EXAMPLE"));
        assertTrue(text.contains("ASIA************MPLE"), text);
        assertTrue(credentials.isTemporary());
    }

    @Test
    void clearingCredentialsWipesSecretAndToken() {
        Secret secret = Secret.of(SECRET_KEY);
        Secret token = Secret.of("token");
        new AwsCredentials("AKIAIOSFODNN7EXAMPLE", secret, token).clear();
        assertTrue(secret.isCleared());
        assertTrue(token.isCleared());
    }
}
