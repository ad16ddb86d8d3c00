package io.stratus.connect.redshift;

import io.stratus.aws.AwsClients;
import io.stratus.aws.XmlAnswers;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.connector.DatabaseLogin.Credentials;
import io.stratus.core.database.Login;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.identity.Secret;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Temporary database credentials of a provisioned Redshift cluster, issued by Redshift for one
 * login with the person's own keys: {@code GetClusterCredentialsWithIAM} for their IAM identity
 * (Redshift names the user {@code IAM:user} or {@code IAMR:role}), {@code GetClusterCredentials} for
 * a database user they name, with the groups it joins and whether Redshift creates it. The answer
 * is read from its bytes, and the password goes from there into a {@link Secret} only.
 */
final class ClusterCredentials {

    private static final String VERSION = "2012-12-01";
    /** The shortest lifetime Redshift issues: the credentials serve one login, then nothing. */
    private static final String LIFETIME_SECONDS = "900";
    private static final String CLUSTER = ":cluster:";

    private final AwsClients aws;

    ClusterCredentials(AwsClients aws) {
        this.aws = aws;
    }

    /**
     * @param database the database the credentials are for (Redshift scopes IAM logins to it)
     * @throws StratusException FORBIDDEN naming {@code redshift:GetClusterCredentials} or
     *         {@code redshift:GetClusterCredentialsWithIAM} where IAM refuses it
     */
    Credentials issue(AwsKeys keys, ConnectionSpec spec, String database, Login login) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("ClusterIdentifier", clusterOf(spec));
        parameters.put("DbName", database);
        parameters.put("DurationSeconds", LIFETIME_SECONDS);
        String action = switch (login) {
            case Login.IssuedForIdentity identity -> "GetClusterCredentialsWithIAM";
            case Login.IssuedForUser user -> {
                parameters.put("DbUser", user.username());
                parameters.put("AutoCreate", Boolean.toString(user.autoCreate()));
                for (int n = 0; n < user.groups().size(); n++) {
                    parameters.put("DbGroups.member." + (n + 1), user.groups().get(n));
                }
                yield "GetClusterCredentials";
            }
            default -> throw new StratusException(Problem.INVALID_INPUT, "Redshift issues credentials for an IAM"
                    + " identity or a database user, not for a login with " + login.method().description() + ".");
        };
        byte[] answer = aws.callQuery(keys, "redshift", spec.region(), VERSION, action, parameters);
        char[] user = null;
        char[] password = null;
        try {
            user = XmlAnswers.text(answer, "DbUser").orElseThrow(() -> unreadable(action));
            password = XmlAnswers.text(answer, "DbPassword").orElseThrow(() -> unreadable(action));
            return new Credentials(new String(user), Secret.of(password), true);
        } finally {
            Arrays.fill(answer, (byte) 0);
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** The cluster's identifier, the last part of its ARN ({@code arn:aws:redshift:REGION:ACCOUNT:cluster:NAME}). */
    private static String clusterOf(ConnectionSpec spec) {
        int at = spec.resourceId().indexOf(CLUSTER);
        if (at < 0) {
            throw new StratusException(Problem.INVALID_INPUT, spec.resourceId() + " is no provisioned Redshift cluster,"
                    + " so Redshift issues no cluster credentials for it.");
        }
        return spec.resourceId().substring(at + CLUSTER.length());
    }

    private static StratusException unreadable(String action) {
        return new StratusException(Problem.REMOTE_UNREACHABLE, "Redshift answered " + action + " without credentials"
                + " Stratus can read. Something other than Redshift may be answering (a proxy, or a wrong endpoint"
                + " setting); try again, and if it persists, ask the operator to check the network and the Redshift endpoint.");
    }
}
