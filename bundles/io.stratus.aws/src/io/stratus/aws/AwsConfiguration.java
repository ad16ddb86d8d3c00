package io.stratus.aws;

/** How the AWS client factory is configured: its ConfigAdmin PID and the properties front doors set. */
public final class AwsConfiguration {

    /** The ConfigAdmin PID. */
    public static final String PID = "io.stratus.aws";

    /** The STS region, also the default region of AWS clients. */
    public static final String REGION = "region";

    /** One base URL for every AWS service (LocalStack). */
    public static final String ENDPOINT = "endpoint";

    /** Per-service endpoints, each {@code service=URL}. */
    public static final String SERVICE_ENDPOINTS = "serviceEndpoints";

    private AwsConfiguration() {
    }
}
