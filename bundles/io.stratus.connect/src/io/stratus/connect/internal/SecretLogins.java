package io.stratus.connect.internal;

import io.stratus.aws.AwsClients;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.connector.DatabaseLogin.Credentials;
import io.stratus.core.database.DatabaseSecret;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.identity.Secret;
import io.stratus.core.identity.SecretJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Database logins whose user name and password a Secrets Manager secret holds: the secret is read
 * with the person's own keys when a physical connection logs in ({@code GetSecretValue}, straight
 * from the answer's bytes into characters that are wiped once the driver has them), and the secrets
 * a person may choose for a database are those that look like its credentials.
 */
final class SecretLogins {

    private static final String SERVICE = "secretsmanager";
    private static final Pattern SECRET_ARN = Pattern.compile("arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):\\d{12}:secret:.+");
    private static final List<String> RDS_OWNER_TAGS = List.of("aws:rds:primaryDBInstanceArn", "aws:rds:primaryDBClusterArn");
    /** Secrets read to judge whether they are a database's, at most, per listing. */
    private static final int MOST_CANDIDATES = 50;

    private final AwsClients aws;

    SecretLogins(AwsClients aws) {
        this.aws = aws;
    }

    /** A login that reads the secret anew, with the keys the session lends at that moment, for every physical connection. */
    DatabaseLogin login(Supplier<AwsKeys> keys, String secretArn) {
        String arn = secretArn == null ? "" : secretArn.strip();
        Matcher valid = SECRET_ARN.matcher(arn);
        if (!valid.matches()) {
            throw new StratusException(Problem.INVALID_INPUT, "Give the ARN of a Secrets Manager secret"
                    + " (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME), not '" + arn + "'.");
        }
        String region = valid.group(1);
        return DatabaseLogin.withIssuedCredentials(arn, spec -> credentials(keys.get(), region, arn));
    }

    /** The secrets of the database's region the person may read that hold its credentials, RDS's own first. */
    List<DatabaseSecret> secretsFor(AwsKeys keys, ConnectionSpec spec) {
        List<DatabaseSecret> managed = new ArrayList<>();
        List<DatabaseSecret> matching = new ArrayList<>();
        int judged = 0;
        for (JsonNode entry : list(keys, spec.region())) {
            Map<String, String> tags = tags(entry);
            DatabaseSecret secret = new DatabaseSecret(text(entry, "ARN"), text(entry, "Name"), text(entry, "Description"),
                    "rds".equals(text(entry, "OwningService")));
            Optional<String> owner = RDS_OWNER_TAGS.stream().map(tags::get).filter(tag -> tag != null).findFirst();
            if (owner.isPresent()) {
                if (owner.get().equals(spec.resourceId())) {
                    managed.add(secret);
                }
            } else if (!secret.managedByRds() && judged++ < MOST_CANDIDATES && holdsCredentialsOf(keys, secret.arn(), spec)) {
                matching.add(secret);
            }
        }
        managed.addAll(matching);
        return managed;
    }

    private Credentials credentials(AwsKeys keys, String region, String arn) {
        Map<String, char[]> fields = value(keys, region, arn).orElseThrow(() -> noCredentials(arn));
        try {
            char[] user = fields.get("username");
            char[] password = fields.get("password");
            if (user == null || user.length == 0 || password == null || password.length == 0) {
                throw noCredentials(arn);
            }
            return new Credentials(new String(user), Secret.of(password), true);
        } finally {
            SecretJson.wipeAll(fields);
        }
    }

    /**
     * Whether the secret names the database: its host (and port and engine, where it gives them), or
     * the identifier of the instance or cluster. A secret the person may not read is not offered.
     */
    private boolean holdsCredentialsOf(AwsKeys keys, String arn, ConnectionSpec spec) {
        Optional<Map<String, char[]>> read;
        try {
            read = value(keys, spec.region(), arn);
        } catch (StratusException notReadable) {
            return false;
        }
        if (read.isEmpty()) {
            return false;
        }
        Map<String, char[]> fields = read.get();
        try {
            String id = spec.resourceId().substring(spec.resourceId().lastIndexOf(':') + 1);
            if (id.equals(field(fields, "dbInstanceIdentifier")) || id.equals(field(fields, "dbClusterIdentifier"))) {
                return true;
            }
            String engine = field(fields, "engine").toLowerCase(Locale.ROOT);
            String port = field(fields, "port");
            return spec.host().equalsIgnoreCase(field(fields, "host")) && (port.isEmpty() || port.equals(Integer.toString(spec.port())))
                    && (engine.isEmpty() || spec.engine().contains(engine) || engine.contains(spec.engine()))
                    && fields.containsKey("password");
        } finally {
            SecretJson.wipeAll(fields);
        }
    }

    /** A field that is no secret, as text; empty if absent. */
    private static String field(Map<String, char[]> fields, String name) {
        char[] value = fields.get(name);
        return value == null ? "" : new String(value);
    }

    /** The fields of the secret's current value, read with {@code GetSecretValue}; empty if it is no JSON object. */
    private Optional<Map<String, char[]>> value(AwsKeys keys, String region, String arn) {
        byte[] answer = aws.callJson(keys, SERVICE, region, "secretsmanager.GetSecretValue",
                "{\"SecretId\":" + quoted(arn) + "}");
        Map<String, char[]> outer = SecretJson.fields(answer).orElse(Map.of());
        Arrays.fill(answer, (byte) 0);
        try {
            char[] secretString = outer.get("SecretString");
            return secretString == null ? Optional.empty() : SecretJson.fields(secretString);
        } finally {
            SecretJson.wipeAll(outer);
        }
    }

    /** Every page of {@code ListSecrets} in the region: names, descriptions and tags, no values. */
    private List<JsonNode> list(AwsKeys keys, String region) {
        List<JsonNode> entries = new ArrayList<>();
        Optional<String> next = Optional.empty();
        do {
            String body = next.map(token -> "{\"MaxResults\":100,\"NextToken\":" + quoted(token) + "}")
                    .orElse("{\"MaxResults\":100}");
            Map<String, JsonNode> page = JsonNode.parser().parse(new String(aws.callJson(keys, SERVICE, region,
                    "secretsmanager.ListSecrets", body), StandardCharsets.UTF_8)).asObject();
            JsonNode list = page.get("SecretList");
            if (list != null && list.isArray()) {
                entries.addAll(list.asArray());
            }
            JsonNode token = page.get("NextToken");
            next = token == null || !token.isString() ? Optional.empty() : Optional.of(token.asString());
        } while (next.isPresent());
        return entries;
    }

    private static Map<String, String> tags(JsonNode entry) {
        Map<String, String> tags = new java.util.HashMap<>();
        JsonNode list = entry.asObject().get("Tags");
        if (list != null && list.isArray()) {
            for (JsonNode tag : list.asArray()) {
                tags.put(text(tag, "Key"), text(tag, "Value"));
            }
        }
        return tags;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.isObject() ? node.asObject().get(name) : null;
        return value == null || !value.isString() ? "" : value.asString();
    }

    private static StratusException noCredentials(String arn) {
        return new StratusException(Problem.INVALID_INPUT, "The secret " + arn + " holds no database credentials Stratus"
                + " can use: its value must be a JSON object with \"username\" and \"password\", as RDS and Secrets"
                + " Manager's database secrets are.");
    }

    /** A JSON string of the text, for the few requests built here. */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
