package io.stratus.core.database;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;

import java.util.Objects;
import java.util.Optional;

/**
 * A database connection a person saved to open again: which discovered database, how to log in
 * (never a password, nor a secret's value: a password login asks for it each time), and which
 * database in it.
 */
public record SavedConnection(String id, String name, String resourceId, Login login, Optional<String> database) {

    public static final int MAX_NAME = 200;

    public SavedConnection {
        Objects.requireNonNull(id, "id");
        name = required(name, "a name", MAX_NAME);
        resourceId = required(resourceId, "the database's resource id from the explorer", 2048);
        login = Objects.requireNonNull(login, "login").withoutSecrets();
        database = Objects.requireNonNull(database, "database").map(String::strip).filter(d -> !d.isEmpty())
                .map(ConnectionSpec::requireDatabaseName);
    }

    /** The same connection under another id and name. */
    public SavedConnection named(String newId, String newName) {
        return new SavedConnection(newId, newName, resourceId, login, database);
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
