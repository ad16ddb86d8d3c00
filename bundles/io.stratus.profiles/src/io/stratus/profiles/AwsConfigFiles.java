package io.stratus.profiles;

import io.stratus.profiles.internal.SharedFilesProfiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where a person's AWS shared files are, as the AWS SDKs find them: the system properties {@code aws.configFile}
 * and {@code aws.sharedCredentialsFile}, else the environment variables {@code AWS_CONFIG_FILE} and
 * {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/config} and {@code ~/.aws/credentials}. A leading
 * {@code ~/} means the home folder, as the AWS CLI expands it.
 *
 * @param processTimeout how long a profile's {@code credential_process} may take before it is stopped
 */
public record AwsConfigFiles(Path config, Path credentials, Duration processTimeout) {

    /** A credential process may open a browser or wait for a touch of a security key: give the person time. */
    public static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(1);

    public AwsConfigFiles {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(processTimeout, "processTimeout");
    }

    /** The files of the person running this process, located now. */
    public static AwsConfigFiles located() {
        return located(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static AwsConfigFiles located(Map<String, String> environment, Path home) {
        return new AwsConfigFiles(
                file("aws.configFile", "AWS_CONFIG_FILE", environment, home, "config"),
                file("aws.sharedCredentialsFile", "AWS_SHARED_CREDENTIALS_FILE", environment, home, "credentials"),
                PROCESS_TIMEOUT);
    }

    private static Path file(String property, String variable, Map<String, String> environment, Path home, String name) {
        String given = System.getProperty(property);
        if (given == null || given.isBlank()) {
            given = environment.get(variable);
        }
        if (given == null || given.isBlank()) {
            return home.resolve(".aws").resolve(name);
        }
        return given.startsWith("~/") || given.equals("~") ? home.resolve(given.substring(Math.min(2, given.length())))
                : Path.of(given);
    }

    /** The profiles these files define, read anew on every call. */
    public AwsProfiles profiles() {
        return new SharedFilesProfiles(this);
    }
}
