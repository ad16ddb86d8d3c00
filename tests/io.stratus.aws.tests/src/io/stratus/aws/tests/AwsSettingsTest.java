package io.stratus.aws.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.AwsSettings;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AwsSettingsTest {

    private static final Duration FIVE = Duration.ofSeconds(5);

    @Test
    void partitionFollowsTheRegion() {
        assertEquals("aws", settings("eu-central-1").partition());
        assertEquals("aws-cn", settings("cn-northwest-1").partition());
        assertEquals("aws-us-gov", settings("us-gov-west-1").partition());
    }

    @Test
    void aServiceEndpointWinsOverTheBaseEndpoint() {
        URI base = URI.create("http://localhost:4566");
        URI sts = URI.create("https://sts.vpce-0123.eu-west-1.vpce.amazonaws.com");
        AwsSettings settings = new AwsSettings("eu-west-1", Optional.of(base), Map.of("sts", sts), FIVE, FIVE, 3);
        assertEquals(Optional.of(sts), settings.endpointFor("sts"));
        assertEquals(Optional.of(base), settings.endpointFor("iam"));
        assertEquals(Optional.empty(), settings("eu-west-1").endpointFor("sts"), "AWS's own endpoints by default");
    }

    @Test
    void wrongSettingsAreNamed() {
        assertRefused("region", () -> settings("Frankfurt"));
        assertRefused("endpoint", () -> new AwsSettings("us-east-1", Optional.of(URI.create("localhost:4566")), Map.of(),
                FIVE, FIVE, 3));
        assertRefused("endpoint.sts", () -> new AwsSettings("us-east-1", Optional.empty(),
                Map.of("sts", URI.create("ftp://sts.example")), FIVE, FIVE, 3));
        assertRefused("timeouts", () -> new AwsSettings("us-east-1", Optional.empty(), Map.of(), Duration.ZERO, FIVE, 3));
        assertRefused("maxAttempts", () -> new AwsSettings("us-east-1", Optional.empty(), Map.of(), FIVE, FIVE, 0));
    }

    private static AwsSettings settings(String region) {
        return new AwsSettings(region, Optional.empty(), Map.of(), FIVE, FIVE, 3);
    }

    private static void assertRefused(String setting, org.junit.jupiter.api.function.Executable action) {
        StratusException e = assertThrows(StratusException.class, action);
        assertEquals(Problem.INVALID_INPUT, e.problem());
        assertTrue(e.getMessage().startsWith("AWS setting " + setting + ":"), e.getMessage());
    }
}
