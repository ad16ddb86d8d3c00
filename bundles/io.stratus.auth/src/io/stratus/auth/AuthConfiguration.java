package io.stratus.auth;

/** How sign-in and sessions are configured: their ConfigAdmin PID and the properties front doors set. */
public final class AuthConfiguration {

    /** The ConfigAdmin PID. */
    public static final String PID = "io.stratus.auth";

    /** A session unused for this long ends. */
    public static final String IDLE_TIMEOUT_SECONDS = "idleTimeoutSeconds";

    /** A session ends this long after sign-in, however busy. */
    public static final String ABSOLUTE_TIMEOUT_SECONDS = "absoluteTimeoutSeconds";

    /** The start URL of the AWS access portal people sign in through by default (IAM Identity Center). */
    public static final String SSO_START_URL = "ssoStartUrl";

    /** The region of that IAM Identity Center instance. */
    public static final String SSO_REGION = "ssoRegion";

    /**
     * A {@code java.time.Clock} service with this property set to {@link #SIGN_IN_CLOCK} is the time sessions and
     * their keys expire by, in place of the system's: tests move it, with the AWS simulator's clock.
     */
    public static final String CLOCK_PROPERTY = "io.stratus.clock";

    public static final String SIGN_IN_CLOCK = "sign-in";

    private AuthConfiguration() {
    }
}
