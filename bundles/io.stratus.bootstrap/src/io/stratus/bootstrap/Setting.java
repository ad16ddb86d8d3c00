package io.stratus.bootstrap;

import io.stratus.admin.AdminConfiguration;
import io.stratus.auth.AuthConfiguration;
import io.stratus.aws.AwsConfiguration;
import io.stratus.connect.ConnectConfiguration;
import io.stratus.explorer.ExplorerConfiguration;
import io.stratus.store.StoreConfiguration;

import java.util.EnumSet;
import java.util.Set;

/**
 * One setting: its flag, environment variable and key in {@code stratus.properties}, the service
 * configuration (PID and property) it fills, if any, and the front doors it applies to.
 */
public enum Setting {
    ADDRESS("address", "--address", "STRATUS_ADDRESS", null, null, FrontDoor.SERVER),
    PORT("port", "--port", "STRATUS_PORT", null, null, FrontDoor.SERVER),
    // Only the server's: a desktop following STRATUS_DATA would open the server's store.
    DATA(null, "--data", "STRATUS_DATA", null, null, FrontDoor.SERVER),
    STORE_URL("store.url", "--store-url", "STRATUS_STORE_URL", StoreConfiguration.PID, StoreConfiguration.JDBC_URL),
    STORE_USER("store.user", "--store-user", "STRATUS_STORE_USER", StoreConfiguration.PID, StoreConfiguration.USER),
    STORE_PASSWORD("store.password", null, "STRATUS_STORE_PASSWORD", StoreConfiguration.PID,
            StoreConfiguration.PASSWORD),
    AWS_REGION("aws.region", "--aws-region", "STRATUS_AWS_REGION", AwsConfiguration.PID, AwsConfiguration.REGION),
    AWS_ENDPOINT("aws.endpoint", "--aws-endpoint", "STRATUS_AWS_ENDPOINT", AwsConfiguration.PID,
            AwsConfiguration.ENDPOINT),
    AWS_SERVICE_ENDPOINTS("aws.serviceEndpoints", "--aws-service-endpoints", "STRATUS_AWS_SERVICE_ENDPOINTS",
            AwsConfiguration.PID, AwsConfiguration.SERVICE_ENDPOINTS),
    REGIONS("explorer.regions", "--regions", "STRATUS_REGIONS", ExplorerConfiguration.PID, ExplorerConfiguration.REGIONS),
    IDLE_TIMEOUT("session.idleTimeoutSeconds", "--idle-timeout", "STRATUS_IDLE_TIMEOUT", AuthConfiguration.PID,
            AuthConfiguration.IDLE_TIMEOUT_SECONDS),
    SESSION_TIMEOUT("session.absoluteTimeoutSeconds", "--session-timeout", "STRATUS_SESSION_TIMEOUT",
            AuthConfiguration.PID, AuthConfiguration.ABSOLUTE_TIMEOUT_SECONDS),
    SSO_START_URL("sso.startUrl", "--sso-start-url", "STRATUS_SSO_START_URL", AuthConfiguration.PID,
            AuthConfiguration.SSO_START_URL),
    SSO_REGION("sso.region", "--sso-region", "STRATUS_SSO_REGION", AuthConfiguration.PID, AuthConfiguration.SSO_REGION),
    DEFAULT_ROLE("users.defaultRole", "--default-role", "STRATUS_DEFAULT_ROLE", AdminConfiguration.PID,
            AdminConfiguration.DEFAULT_ROLE),
    DATABASE_AUTHORITIES("databases.trustedCertificates", "--database-authorities", "STRATUS_DATABASE_AUTHORITIES",
            ConnectConfiguration.PID, ConnectConfiguration.TRUSTED_CERTIFICATES),
    DEMO_SEED(null, "--demo-seed", "STRATUS_DEMO_SEED", null, null, FrontDoor.SERVER, FrontDoor.DESKTOP),
    TLS_KEYSTORE("tls.keystore", "--tls-keystore", "STRATUS_TLS_KEYSTORE", null, null, FrontDoor.SERVER),
    TLS_PASSWORD("tls.keystorePassword", null, "STRATUS_TLS_KEYSTORE_PASSWORD", null, null,
            FrontDoor.SERVER),
    TRUSTED_PROXIES("server.trustedProxies", "--trusted-proxies", "STRATUS_TRUSTED_PROXIES", null, null,
            FrontDoor.SERVER),
    DRAIN_SECONDS("server.drainSeconds", "--drain-seconds", "STRATUS_DRAIN_SECONDS", null, null, FrontDoor.SERVER),
    // A secret: never a flag.
    METRICS_TOKEN("server.metricsToken", null, "STRATUS_METRICS_TOKEN", null, null, FrontDoor.SERVER);

    final String key;
    final String flag;
    final String env;
    final String pid;
    final String property;
    private final Set<FrontDoor> frontDoors;

    /** Without front doors: a setting of the services, which every front door takes. */
    Setting(String key, String flag, String env, String pid, String property, FrontDoor... frontDoors) {
        this.key = key;
        this.flag = flag;
        this.env = env;
        this.pid = pid;
        this.property = property;
        this.frontDoors = frontDoors.length == 0 ? EnumSet.allOf(FrontDoor.class) : EnumSet.of(frontDoors[0], frontDoors);
    }

    boolean appliesTo(FrontDoor frontDoor) {
        return frontDoors.contains(frontDoor);
    }

    /** The environment variable, the only source besides the file for a secret. */
    public String environmentVariable() {
        return env;
    }

    /** How people give it, for messages: "--port (or STRATUS_PORT, or port in stratus.properties)". */
    public String describe() {
        StringBuilder names = new StringBuilder(flag != null ? flag : env);
        if (flag != null) {
            names.append(" (or ").append(env);
        } else {
            names.append(" (");
        }
        if (key != null) {
            names.append(flag != null ? ", or " : "or ").append(key).append(" in ").append(Settings.FILE_NAME);
        }
        return names.append(")").toString();
    }
}
