package io.stratus.core.session;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * An IAM Identity Center instance as people know it: the start URL of its AWS access portal
 * ({@code https://d-1234567890.awsapps.com/start}, or a custom one) and the region it lives in.
 */
public record IdentityCenterPortal(String startUrl, String region) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    public IdentityCenterPortal {
        startUrl = startUrl == null ? "" : startUrl.strip();
        region = region == null ? "" : region.strip();
        URI uri;
        try {
            uri = URI.create(startUrl);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new StratusException(Problem.INVALID_INPUT, "'" + startUrl + "' is not the start URL of an AWS "
                    + "access portal: it is an https URL such as https://d-1234567890.awsapps.com/start (IAM Identity "
                    + "Center's settings in the AWS console show it).");
        }
        if (!REGION.matcher(region).matches()) {
            throw new StratusException(Problem.INVALID_INPUT, "'" + region + "' is not an AWS region name such as "
                    + "us-east-1: give the region of your IAM Identity Center instance (its settings show it).");
        }
    }

    /** The AWS partition of the region: {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
    public String partition() {
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
