package io.stratus.connect;

/** How database connections are configured: their ConfigAdmin PID and the properties front doors set. */
public final class ConnectConfiguration {

    /** The ConfigAdmin PID. */
    public static final String PID = "io.stratus.connect";

    /** A PEM file of certificate authorities that database TLS trusts besides AWS's. */
    public static final String TRUSTED_CERTIFICATES = "trustedCertificates";

    private ConnectConfiguration() {
    }
}
