package io.stratus.core.connector;

import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.identity.Secret;

/**
 * Issues RDS IAM database authentication tokens, signed with the AWS keys of the person who logs
 * in. A token is valid for 15 minutes and only for opening a connection; it is asked for anew for
 * every physical connection.
 */
@FunctionalInterface
public interface IamTokens {

    /** A token for {@code username} at the database's host, port and region. */
    Secret issue(ConnectionSpec spec, String username);
}
