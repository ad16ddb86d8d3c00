package io.stratus.core.database;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;

import java.util.Objects;
import java.util.Optional;

/**
 * A database connection a person saved to open again: which discovered database, as which
 * database user (none for DynamoDB, which the person's AWS identity opens, and none for a login
 * with the Secrets Manager secret {@code secretArn}), which database in it, and whether to log in
 * with IAM. Never a password, nor a secret's value.
 */
public record SavedConnection(String id, String name, String resourceId, String username, Optional<String> database,
        boolean iamAuthentication, Optional<String> secretArn) {

    public static final int MAX_NAME = 200;
    public static final int MAX_USERNAME = 200;

    public SavedConnection {
        Objects.requireNonNull(id, "id");
        name = required(name, "a name", MAX_NAME);
        resourceId = required(resourceId, "the database's resource id from the explorer", 2048);
        username = username == null ? "" : username.strip();
        if (username.length() > MAX_USERNAME) {
            throw new StratusException(Problem.INVALID_INPUT, "Give the database user name in at most " + MAX_USERNAME
                    + " characters.");
        }
        database = Objects.requireNonNull(database, "database").map(String::strip).filter(d -> !d.isEmpty())
                .map(ConnectionSpec::requireDatabaseName);
        secretArn = Objects.requireNonNull(secretArn, "secretArn").map(String::strip).filter(arn -> !arn.isEmpty());
        if (secretArn.isPresent() && (iamAuthentication || !username.isEmpty())) {
            throw new StratusException(Problem.INVALID_INPUT, "A connection that logs in with a secret takes its user"
                    + " name from the secret: leave out the user name and IAM authentication.");
        }
        if (secretArn.map(String::length).orElse(0) > 2048) {
            throw new StratusException(Problem.INVALID_INPUT, "Give the secret's ARN in at most 2048 characters.");
        }
    }

    /** A connection that logs in as a database user (or AWS identity), not with a secret. */
    public SavedConnection(String id, String name, String resourceId, String username, Optional<String> database,
            boolean iamAuthentication) {
        this(id, name, resourceId, username, database, iamAuthentication, Optional.empty());
    }

    private static String required(String value, String what, int longest) {
        if (value == null || value.isBlank()) {
            throw new StratusException(Problem.INVALID_INPUT, "A saved connection needs " + what + ".");
        }
        if (value.strip().length() > longest) {
            throw new StratusException(Problem.INVALID_INPUT, "Give " + what + " in at most " + longest + " characters.");
        }
        return value.strip();
    }
}
