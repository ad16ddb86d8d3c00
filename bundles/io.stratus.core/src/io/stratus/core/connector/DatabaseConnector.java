package io.stratus.core.connector;

import io.stratus.core.database.AccessMode;
import io.stratus.core.cloud.ConnectionSpec;

import java.util.Set;

/**
 * Opens links to databases with a native client for the engines it serves (one DS component per
 * engine family). A session belongs to the person who opened it and is never shared.
 */
public interface DatabaseConnector {

    /** Engines as the explorer names them, e.g. {@code postgres}, {@code aurora-postgresql}. */
    Set<String> engines();

    /**
     * Connects and logs in.
     *
     * @throws io.stratus.core.StratusException with the database's own reason (wrong password,
     *         unknown database, unreachable host, TLS failure), never the password
     */
    DatabaseLink open(ConnectionSpec spec, DatabaseLogin login, AccessMode mode);

    /**
     * The IAM token that logs {@code username} in to the database of {@code spec}, for connectors whose
     * engines take one: RDS's unless the engine has its own kind. Stratus signs it with the person's keys
     * anew for every physical connection.
     */
    default IamTokenRequest iamToken(ConnectionSpec spec, String username) {
        return IamTokenRequest.rds(spec, username);
    }
}
