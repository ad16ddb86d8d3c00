package io.stratus.core.connector;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.identity.Secret;

import java.util.Objects;

/**
 * How a person logs in to a database: a user name, and either a password held for the session
 * only or IAM database authentication, where a fresh token stands in for the password on every
 * new physical connection; or user name and password that AWS issues for every new physical
 * connection ({@link #withIssuedCredentials}: a Secrets Manager secret read anew, Redshift's
 * temporary credentials); or, for databases that are AWS services themselves (DynamoDB), no
 * database user at all but the person's AWS identity, whose keys sign each request.
 */
public final class DatabaseLogin {

    /**
     * User name and password for one physical connection. Closing it wipes a password that was
     * issued for this connection only; a password the person gave stays theirs to wipe.
     */
    public record Credentials(String username, Secret password, boolean issued) implements AutoCloseable {

        public Credentials {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public void close() {
            if (issued) {
                password.clear();
            }
        }

        @Override
        public String toString() {
            return "Credentials[" + username + ", password (redacted)]";
        }
    }

    /** Issues user name and password at the moment a physical connection logs in. */
    @FunctionalInterface
    public interface CredentialIssuer {

        /**
         * @throws StratusException saying what AWS refused (naming the IAM action) or why the
         *         credentials cannot be used, never their value
         */
        Credentials issue(ConnectionSpec spec);
    }

    private final String username;
    private final Secret password;
    private final IamTokens iamTokens;
    private final String awsIdentity;
    private final AwsKeys awsKeys;
    private final CredentialIssuer issuer;

    private DatabaseLogin(String username, Secret password, IamTokens iamTokens, String awsIdentity, AwsKeys awsKeys,
            CredentialIssuer issuer) {
        if (awsKeys == null && (username == null || username.isBlank())) {
            throw new StratusException(Problem.INVALID_INPUT, "Give the database user name to log in as.");
        }
        this.username = username;
        this.password = password;
        this.iamTokens = iamTokens;
        this.awsIdentity = awsIdentity;
        this.awsKeys = awsKeys;
        this.issuer = issuer;
    }

    public static DatabaseLogin withPassword(String username, Secret password) {
        if (password == null || password.isBlank()) {
            throw new StratusException(Problem.INVALID_INPUT, "Give the database password of " + username + ".");
        }
        return new DatabaseLogin(username, password, null, null, null, null);
    }

    public static DatabaseLogin withIam(String username, IamTokens tokens) {
        return new DatabaseLogin(username, null, Objects.requireNonNull(tokens, "tokens"), null, null, null);
    }

    /**
     * User name and password issued anew for every physical connection; {@code loginName} says
     * where they come from (a secret's ARN, a Redshift database user) for the person and the audit.
     */
    public static DatabaseLogin withIssuedCredentials(String loginName, CredentialIssuer issuer) {
        return new DatabaseLogin(loginName, null, null, null, null, Objects.requireNonNull(issuer, "issuer"));
    }

    /** No database user: requests are signed with the keys of the AWS identity {@code identityArn}. */
    public static DatabaseLogin withAwsIdentity(String identityArn, AwsKeys keys) {
        return new DatabaseLogin(null, null, null, Objects.requireNonNull(identityArn, "identityArn"),
                Objects.requireNonNull(keys, "keys"), null);
    }

    /**
     * The database user to log in as.
     *
     * @throws StratusException INVALID_INPUT when the login has none (an AWS identity login), which
     *         every database with users of its own needs
     */
    public String username() {
        if (usesAwsIdentity()) {
            throw noDatabaseUser();
        }
        return username;
    }

    /**
     * Who logs in, as the person would name it: the database user, the AWS identity's ARN, or where
     * issued credentials come from.
     */
    public String loginName() {
        return usesAwsIdentity() ? awsIdentity : username;
    }

    public boolean usesAwsIdentity() {
        return awsKeys != null;
    }

    /**
     * The person's AWS keys, for a database that AWS serves itself.
     *
     * @throws StratusException INVALID_INPUT for a login with a database user and password or token
     */
    public AwsKeys awsKeys() {
        if (!usesAwsIdentity()) {
            throw new StratusException(Problem.INVALID_INPUT, "This database is reached with your own AWS identity, not"
                    + " a database user: leave the user name and password empty.");
        }
        return awsKeys;
    }

    public boolean usesIam() {
        return iamTokens != null;
    }

    /** Whether AWS issues user name and password for each physical connection. */
    public boolean usesIssuedCredentials() {
        return issuer != null;
    }

    /**
     * What a new physical connection logs in with: the user and password, the user and a fresh IAM
     * token, or freshly issued credentials. Close them once the connection has logged in.
     */
    public Credentials credentialsFor(ConnectionSpec spec) {
        if (usesAwsIdentity()) {
            throw noDatabaseUser();
        }
        if (usesIssuedCredentials()) {
            return issuer.issue(spec);
        }
        return usesIam() ? new Credentials(username, iamTokens.issue(spec, username), true)
                : new Credentials(username, password, false);
    }

    private static StratusException noDatabaseUser() {
        return new StratusException(Problem.INVALID_INPUT, "Give the database user name to log in as, and its password"
                + " (RDS and Aurora databases with IAM database authentication enabled need no password).");
    }

    @Override
    public String toString() {
        return "DatabaseLogin[" + loginName() + (usesAwsIdentity() ? ", AWS identity" : usesIam() ? ", IAM"
                : usesIssuedCredentials() ? ", issued by AWS" : ", password (redacted)") + "]";
    }
}
