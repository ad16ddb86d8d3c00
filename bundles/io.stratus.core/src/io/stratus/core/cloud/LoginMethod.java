package io.stratus.core.cloud;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A way a person logs in to a database, as an engine declares those it takes (see {@link
 * DatabaseEngine.ConnectionDefaults#logins()}) and front ends offer them. {@link #id()} names it in
 * the HTTP API and the store, {@link #description()} for people.
 */
public enum LoginMethod {

    /** A database user and the password the person types for each opening. */
    PASSWORD("password", "a user name and password"),
    /** A database user and an IAM authentication token signed with the person's keys for each physical connection. */
    IAM_TOKEN("iamToken", "IAM database authentication"),
    /** The user name and password a Secrets Manager secret holds, read with the person's keys for each physical connection. */
    SECRET("secret", "a secret from AWS Secrets Manager"),
    /** Temporary credentials AWS issues for the person's own IAM identity, for each physical connection. */
    ISSUED_FOR_IDENTITY("issuedForIdentity", "temporary credentials for your IAM identity"),
    /** Temporary credentials AWS issues for a database user the person names, with its groups, for each physical connection. */
    ISSUED_FOR_USER("issuedForUser", "temporary credentials for a database user"),
    /** No database user: the person's AWS keys sign each request (databases that are AWS services, DynamoDB). */
    AWS_IDENTITY("awsIdentity", "your AWS identity");

    private final String id;
    private final String description;

    LoginMethod(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    /** For people, to follow "log in with": "a user name and password". */
    public String description() {
        return description;
    }

    /** @throws StratusException INVALID_INPUT naming the methods there are */
    public static LoginMethod of(String id) {
        return Arrays.stream(values()).filter(method -> method.id.equals(id)).findFirst()
                .orElseThrow(() -> new StratusException(Problem.INVALID_INPUT, "'" + id + "' is no login method; use one of "
                        + Arrays.stream(values()).map(LoginMethod::id).collect(Collectors.joining(", ")) + "."));
    }
}
