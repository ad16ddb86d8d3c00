package io.stratus.aws;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How Stratus reaches AWS: the region of its STS calls (which also fixes the partition), optional
 * endpoint overrides (one base URL for every service, as LocalStack users set it, or one per
 * service, as VPC and FIPS endpoints need), timeouts and retries.
 */
public record AwsSettings(String region, Optional<URI> endpoint, Map<String, URI> serviceEndpoints,
        Duration connectTimeout, Duration callTimeout, int maxAttempts) {

    public static final String DEFAULT_REGION = "us-east-1";

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    public AwsSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        serviceEndpoints = Map.copyOf(serviceEndpoints);
        if (!REGION.matcher(region).matches()) {
            throw invalid("region", "'" + region + "' is not an AWS region name such as us-east-1 or eu-central-1");
        }
        endpoint.ifPresent(uri -> requireHttpUrl("endpoint", uri));
        serviceEndpoints.forEach((service, uri) -> requireHttpUrl("endpoint." + service, uri));
        if (connectTimeout.isNegative() || connectTimeout.isZero() || callTimeout.isNegative() || callTimeout.isZero()) {
            throw invalid("timeouts", "connect and call timeouts must be positive");
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw invalid("maxAttempts", "'" + maxAttempts + "' must be between 1 and 10");
        }
    }

    /** The AWS partition of the region: {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
    public String partition() {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    /** The endpoint to use for a service (e.g. {@code sts}), if one is configured. */
    public Optional<URI> endpointFor(String service) {
        return Optional.ofNullable(serviceEndpoints.get(service)).or(() -> endpoint);
    }

    private static void requireHttpUrl(String setting, URI uri) {
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw invalid(setting, "'" + uri + "' is not an http(s) URL with a host");
        }
    }

    private static StratusException invalid(String setting, String what) {
        return new StratusException(Problem.INVALID_INPUT, "AWS setting " + setting + ": " + what + ".");
    }
}
