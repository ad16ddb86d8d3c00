package io.stratus.core.connect;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.Secret;

import java.util.Optional;

/**
 * How a person logs in to a database: a user name, and a password held for the session only. An
 * empty password asks for IAM database authentication, where the engine offers it.
 */
public record DatabaseLogin(String username, Optional<Secret> password) {

    public DatabaseLogin {
        if (username == null || username.isBlank()) {
            throw new StratusException(Problem.INVALID_INPUT, "Give the database user name to log in as.");
        }
        password = password == null ? Optional.empty() : password;
    }

    @Override
    public String toString() {
        return "DatabaseLogin[" + username + (password.isPresent() ? ", password (redacted)" : ", IAM") + "]";
    }
}
