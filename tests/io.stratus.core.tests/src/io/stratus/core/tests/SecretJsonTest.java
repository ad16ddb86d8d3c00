package io.stratus.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.core.identity.SecretJson;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wipe-careful JSON reader of AWS answers and credential process output that hold secrets. */
class SecretJsonTest {

    private static final String SECRET = "s3cretPassw0rd-CANARY";

    private static Map<String, char[]> read(String json) {
        return SecretJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Map<String, char[]> fields, String name) {
        return new String(fields.get(name));
    }

    @Test
    void textValuesHaveTheirEscapesResolvedAndNumbersAndLiteralsAreAsWritten() {
        Map<String, char[]> fields = read("""
                { "password" : "q\\"b\\\\s\\/l\\b\\f\\n\\r\\t-\\u00e9\\u20AC\\ud83d\\ude00-é€",
                  "port": 5439, "ratio": -1.5e3, "ssl": true, "proxy": null, "empty": "" }
                """);
        assertEquals("q\"b\\s/l\b\f\n\r\t-é€\ud83d\ude00-é€", text(fields, "password"));
        assertEquals("5439", text(fields, "port"));
        assertEquals("-1.5e3", text(fields, "ratio"));
        assertEquals("true", text(fields, "ssl"));
        assertEquals("null", text(fields, "proxy"));
        assertEquals("", text(fields, "empty"));
        assertEquals(List.of("password", "port", "ratio", "ssl", "proxy", "empty"), List.copyOf(fields.keySet()));
        assertEquals(Map.of(), read(" {} "));
    }

    @Test
    void nestedObjectsAndListsAreSkippedWithTheStringsInThem() {
        Map<String, char[]> fields = read("""
                {"ARN": "arn:aws:secretsmanager:eu-west-1:1:secret:db",
                 "VersionStages": ["AWSCURRENT", {"odd": "]}\\"{["}, [[]]],
                 "Tags": {"password": "not this one", "deep": {"x": [1, 2]}},
                 "SecretString": "{\\"password\\": \\"%s\\"}"}
                """.formatted(SECRET));
        assertEquals(List.of("ARN", "SecretString"), List.copyOf(fields.keySet()));
        char[] inner = fields.get("SecretString");
        assertEquals(SECRET, text(SecretJson.read(inner), "password"), "a secret's value read from the answer's characters");
    }

    @Test
    void aRepeatedFieldKeepsItsLastValue() {
        assertEquals("second", text(read("{\"password\": \"first\", \"password\": \"second\"}"), "password"));
    }

    @Test
    void wipingOverwritesEveryValue() {
        Map<String, char[]> fields = read("{\"user\": \"admin\", \"password\": \"" + SECRET + "\", \"port\": 5432}");
        List<char[]> values = List.copyOf(fields.values());
        SecretJson.wipeAll(fields);
        for (char[] value : values) {
            assertArrayEquals(new char[value.length], value);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                      | it is empty
            'password=SECRET'                                       | it is not a JSON object of text and numbers
            '["SECRET"]'                                            | it is not a JSON object of text and numbers
            '{"password": "SECRET", "port" 5432}'                   | it is not a JSON object of text and numbers
            '{"password": "SECRET"'                                 | it ends before its JSON object is closed
            '{"password": "SECRET'                                  | a string is not closed
            '{"password": "SECRET\\x"}'                             | a string has an unknown escape
            '{"password": "SECRET\\u00'                             | a \\u escape is cut short
            '{"password": "SECRET\\uZZZZ"}'                         | a \\u escape is not hexadecimal
            '{"password": "SECRET"} {"more": 1}'                    | there is more after the JSON object
            '{"tags": ["SECRET"'                                    | an object or a list in it is not closed
            """)
    void malformedInputSaysWhatIsWrongWithoutQuotingIt(String json, String message) {
        String withSecret = json.replace("SECRET", SECRET);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(withSecret));
        assertEquals(message, e.getMessage());
        assertEquals(Optional.empty(), SecretJson.fields(withSecret.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), SecretJson.fields(withSecret.toCharArray()));
    }

    @Test
    void controlCharactersAndBytesThatAreNotUtf8AreRefusedWithoutQuotingThem() {
        IllegalArgumentException control = assertThrows(IllegalArgumentException.class,
                () -> read("{\"password\": \"" + SECRET + "\n\"}"));
        assertEquals("a string holds a control character, which JSON escapes", control.getMessage());

        byte[] latin1 = ("{\"password\": \"" + SECRET + "é\"}").getBytes(StandardCharsets.ISO_8859_1);
        IllegalArgumentException notUtf8 = assertThrows(IllegalArgumentException.class, () -> SecretJson.read(latin1));
        assertEquals("it is not UTF-8 text", notUtf8.getMessage());
        assertFalse(control.toString().contains(SECRET) || notUtf8.toString().contains(SECRET));
        assertTrue(SecretJson.fields(latin1).isEmpty());
    }
}
