package io.stratus.core.database;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.LoginMethod;
import io.stratus.core.identity.Secret;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a person chose to log in to a database: one kind per {@link LoginMethod}. Only a password
 * login holds a secret value, and only on its way to one opening: open databases and saved
 * connections keep {@link #withoutSecrets()}.
 */
public sealed interface Login {

    int MAX_USERNAME = 200;

    LoginMethod method();

    /** The database user the person named, for the logins that name one. */
    default Optional<String> databaseUser() {
        return switch (this) {
            case Password password -> Optional.of(password.username());
            case IamToken iam -> Optional.of(iam.username());
            case IssuedForUser issued -> Optional.of(issued.username());
            case SecretsManager secret -> Optional.empty();
            case IssuedForIdentity identity -> Optional.empty();
            case AwsIdentity identity -> Optional.empty();
        };
    }

    /** The same choice with nothing secret in it, to show, keep or save. */
    default Login withoutSecrets() {
        return this;
    }

    /**
     * A database user and its password, typed for this opening; a saved connection has none, and
     * the person types it each time.
     */
    record Password(String username, Optional<Secret> password) implements Login {

        public Password {
            username = validUser(username);
            password = Objects.requireNonNull(password, "password").filter(p -> !p.isBlank());
        }

        @Override
        public LoginMethod method() {
            return LoginMethod.PASSWORD;
        }

        @Override
        public Login withoutSecrets() {
            return new Password(username, Optional.empty());
        }

        /** The same user with the password the person typed now. */
        public Password with(Secret typed) {
            return new Password(username, Optional.of(typed));
        }

        @Override
        public String toString() {
            return "Password[" + username + ", password (redacted)]";
        }
    }

    /** A database user and an IAM authentication token for each physical connection. */
    record IamToken(String username) implements Login {

        public IamToken {
            username = validUser(username);
        }

        @Override
        public LoginMethod method() {
            return LoginMethod.IAM_TOKEN;
        }
    }

    /** The credentials a Secrets Manager secret holds; Stratus knows its ARN, never its value. */
    record SecretsManager(String secretArn) implements Login {

        public SecretsManager {
            secretArn = secretArn == null ? "" : secretArn.strip();
            if (secretArn.isEmpty() || secretArn.length() > 2048) {
                throw new StratusException(Problem.INVALID_INPUT, "Give the ARN of the Secrets Manager secret to log in"
                        + " with, in at most 2048 characters.");
            }
        }

        @Override
        public LoginMethod method() {
            return LoginMethod.SECRET;
        }
    }

    /** Temporary credentials AWS issues for the person's own IAM identity (Redshift's {@code GetClusterCredentialsWithIAM}). */
    record IssuedForIdentity() implements Login {

        @Override
        public LoginMethod method() {
            return LoginMethod.ISSUED_FOR_IDENTITY;
        }
    }

    /**
     * Temporary credentials AWS issues for the database user {@code username} (Redshift's {@code
     * GetClusterCredentials}), who joins {@code groups} for the session and is created first if
     * {@code autoCreate} and missing.
     */
    record IssuedForUser(String username, List<String> groups, boolean autoCreate) implements Login {

        /** What AWS takes as a database user or group name. */
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@+-]{1,64}");

        public IssuedForUser {
            username = validUser(username);
            if (!NAME.matcher(username).matches()) {
                throw invalidName("database user", username);
            }
            groups = List.copyOf(groups);
            for (String group : groups) {
                if (!NAME.matcher(group).matches()) {
                    throw invalidName("database group", group);
                }
            }
        }

        @Override
        public LoginMethod method() {
            return LoginMethod.ISSUED_FOR_USER;
        }

        private static StratusException invalidName(String what, String name) {
            return new StratusException(Problem.INVALID_INPUT, "'" + name + "' is no " + what + " name AWS issues"
                    + " credentials for: use 1 to 64 letters, digits, '_', '.', '@', '+' or '-'.");
        }
    }

    /** No database user: the person's AWS keys sign each request. */
    record AwsIdentity() implements Login {

        @Override
        public LoginMethod method() {
            return LoginMethod.AWS_IDENTITY;
        }
    }

    private static String validUser(String username) {
        String user = username == null ? "" : username.strip();
        if (user.isEmpty()) {
            throw new StratusException(Problem.INVALID_INPUT, "Give the database user name to log in as.");
        }
        if (user.length() > MAX_USERNAME || user.chars().anyMatch(Character::isISOControl)) {
            throw new StratusException(Problem.INVALID_INPUT, "Give the database user name in at most " + MAX_USERNAME
                    + " characters, without control characters.");
        }
        return user;
    }
}
