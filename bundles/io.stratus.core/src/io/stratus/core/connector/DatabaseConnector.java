package io.stratus.core.connector;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.cloud.LoginMethod;
import io.stratus.core.database.AccessMode;
import io.stratus.core.database.Login;
import io.stratus.core.identity.AwsKeys;

import java.util.Set;
import java.util.function.Supplier;

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

    /**
     * What issues the user name and password of a login whose credentials AWS issues through the
     * engine's own API ({@link LoginMethod#ISSUED_FOR_IDENTITY}, {@link LoginMethod#ISSUED_FOR_USER}),
     * for connectors whose engines declare one: called for every physical connection, with the keys
     * {@code keys} lends at that moment (the person's own). The issued password is wiped once the
     * driver has logged in.
     */
    default DatabaseLogin.CredentialIssuer issuer(Login login, Supplier<AwsKeys> keys) {
        throw new StratusException(Problem.INVALID_INPUT, "AWS issues no credentials for " + engines() + " databases: log"
                + " in another way.");
    }
}
