package io.stratus.connect.redshift;

import io.stratus.aws.AwsClients;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.connector.DatabaseLogin.Credentials;
import io.stratus.core.database.Login;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.identity.Secret;
import io.stratus.core.identity.SecretJson;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/**
 * Temporary database credentials that Redshift Serverless issues for the person's own IAM identity
 * ({@code GetCredentials}: database user {@code IAM:user} or {@code IAMR:role}), asked with the keys the
 * session lends when a physical connection logs in, read from the answer's bytes into characters that
 * are wiped once the driver has them. {@code GetCredentials} takes the workgroup's name, which the
 * explorer's id (its ARN, which names it by id) lacks: the workgroup is looked up with
 * {@code ListWorkgroups} at the first login of an opened database, and its name (which never changes)
 * kept for its next physical connections.
 */
final class ServerlessCredentials {

    private final AwsClients aws;
    private final Login login;
    private final Supplier<AwsKeys> keys;
    /** Workgroup names by ARN, as listed at the first login. */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    ServerlessCredentials(AwsClients aws, Login login, Supplier<AwsKeys> keys) {
        this.aws = aws;
        this.login = login;
        this.keys = keys;
    }

    Credentials issue(ConnectionSpec spec) {
        if (!(login instanceof Login.IssuedForIdentity)) {
            throw new StratusException(Problem.INVALID_INPUT, "Redshift Serverless issues credentials for your own IAM"
                    + " identity only: log in that way, with a password or with a secret.");
        }
        AwsKeys lent = keys.get();
        String workgroup = names.computeIfAbsent(spec.resourceId(), arn -> nameOf(lent, spec));
        JsonWriter request = JsonWriter.create().writeStartObject().writeFieldName("workgroupName").writeValue(workgroup);
        spec.database().ifPresent(database -> request.writeFieldName("dbName").writeValue(database));
        byte[] answer = aws.callJson(lent, ServerlessWorkgroups.SERVICE, spec.region(), "RedshiftServerless.GetCredentials",
                new String(request.writeEndObject().getBytes(), StandardCharsets.UTF_8));
        Map<String, char[]> fields = SecretJson.fields(answer).orElse(Map.of());
        Arrays.fill(answer, (byte) 0);
        try {
            char[] user = fields.get("dbUser");
            char[] password = fields.get("dbPassword");
            if (user == null || user.length == 0 || password == null || password.length == 0) {
                throw new StratusException(Problem.UNAVAILABLE, "Redshift Serverless answered GetCredentials for the"
                        + " workgroup " + workgroup + " without a database user and password; try again.");
            }
            return new Credentials(new String(user), Secret.of(password), true);
        } finally {
            SecretJson.wipeAll(fields);
        }
    }

    private String nameOf(AwsKeys lent, ConnectionSpec spec) {
        return ServerlessWorkgroups.list((target, body) -> new String(aws.callJson(lent,
                ServerlessWorkgroups.SERVICE, spec.region(), target, body), StandardCharsets.UTF_8), "ListWorkgroups",
                "workgroups").stream()
                .filter(listed -> ServerlessWorkgroups.text(listed, "workgroupArn").orElse("").equals(spec.resourceId()))
                .flatMap(listed -> ServerlessWorkgroups.text(listed, "workgroupName").stream()).findFirst()
                .orElseThrow(() -> new StratusException(Problem.NOT_FOUND, "Redshift Serverless no longer lists the"
                        + " workgroup " + spec.resourceId() + " to your IAM identity: refresh the explorer."));
    }
}
