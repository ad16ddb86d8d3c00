package io.stratus.core.cloud;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a database connector needs to open a discovered database: engine, where it listens, the
 * default database, whether TLS is required and whether IAM database authentication can replace
 * the password. Holds no credential.
 */
public record ConnectionSpec(String resourceId, String engine, String region, String host, int port,
        Optional<String> database, boolean tlsRequired, boolean iamAuthentication) {

    /**
     * What a database name may hold: drivers put it into their URLs, where any other character could
     * pass options of the driver's own (a query string, a path) past Stratus's settings.
     */
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9_$.-]{0,62}");

    public ConnectionSpec {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        database.ifPresent(ConnectionSpec::requireDatabaseName);
    }

    /** The same database server, another database in it. */
    public ConnectionSpec withDatabase(String name) {
        return new ConnectionSpec(resourceId, engine, region, host, port, Optional.of(name), tlsRequired, iamAuthentication);
    }

    /** @throws StratusException INVALID_INPUT unless the name is 1 to 63 letters, digits, '_', '$', '.' or '-' */
    public static String requireDatabaseName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new StratusException(Problem.INVALID_INPUT, "'" + name + "' is not a database name Stratus opens: use 1 to"
                    + " 63 letters, digits, '_', '$', '.' or '-', starting with a letter, digit, '_' or '$'.");
        }
        return name;
    }
}
