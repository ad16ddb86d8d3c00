package io.stratus.core.database;

import java.util.Objects;

/**
 * A Secrets Manager secret that holds a database's credentials, as a person chooses it to open the
 * database: its ARN, name and description, and whether RDS manages it (the master user secret).
 * Never its value.
 */
public record DatabaseSecret(String arn, String name, String description, boolean managedByRds) {

    public DatabaseSecret {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }
}
