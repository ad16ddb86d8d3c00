package io.stratus.core.connect;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.identity.Secret;

import java.util.Objects;

/**
 * How a person logs in to a database: a user name, and either a password held for the session
 * only or IAM database authentication, where a fresh token stands in for the password on every
 * new physical connection.
 */
public final class DatabaseLogin {

    private final String username;
    private final Secret password;
    private final IamTokens iamTokens;

    private DatabaseLogin(String username, Secret password, IamTokens iamTokens) {
        if (username == null || username.isBlank()) {
            throw new StratusException(Problem.INVALID_INPUT, "Give the database user name to log in as.");
        }
        this.username = username;
        this.password = password;
        this.iamTokens = iamTokens;
    }

    public static DatabaseLogin withPassword(String username, Secret password) {
        if (password == null || password.isBlank()) {
            throw new StratusException(Problem.INVALID_INPUT, "Give the database password of " + username
                    + ", or leave it empty to log in with IAM database authentication where the database allows it.");
        }
        return new DatabaseLogin(username, password, null);
    }

    public static DatabaseLogin withIam(String username, IamTokens tokens) {
        return new DatabaseLogin(username, null, Objects.requireNonNull(tokens, "tokens"));
    }

    public String username() {
        return username;
    }

    public boolean usesIam() {
        return iamTokens != null;
    }

    /** What to send as the password on a new physical connection: the password, or a fresh IAM token. */
    public Secret passwordFor(ConnectionSpec spec) {
        return usesIam() ? iamTokens.issue(spec, username) : password;
    }

    @Override
    public String toString() {
        return "DatabaseLogin[" + username + (usesIam() ? ", IAM" : ", password (redacted)") + "]";
    }
}
