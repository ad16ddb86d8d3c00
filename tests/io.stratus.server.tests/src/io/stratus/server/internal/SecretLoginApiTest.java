package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.testing.PostgresServer;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opening a database with the user name and password of a Secrets Manager secret, over the HTTP API,
 * against a real PostgreSQL: the secrets offered for a database, the login, a rotation that the next
 * physical connection follows, the denials that name the IAM action, and no value anywhere.
 */
class SecretLoginApiTest {

    private static final String ACCOUNT = HttpApiTest.ACCOUNT;
    private static final String RESOURCE = LocalDatabaseInstance.RESOURCE;
    private static final String APP_PASSWORD = "Secret+Canary+app+0001";
    private static final String ROTATED_PASSWORD = "Secret+Canary+app+0002";
    /** The value of a secret no test opens, and that no listing may read into a file or answer either. */
    private static final String CUSTOMER_KEY = "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/0000aaaa-11bb-22cc-33dd-444455556666";
    private static final Map<String, String> ERIN = HttpApiTest.keys("AKIAERIN000000000007", "erin+secret+00000000000000000000000000007");
    private static final Map<String, String> FRED = HttpApiTest.keys("AKIAFRED000000000008", "fred+secret+00000000000000000000000000008");

    private static LocalDatabaseInstance instance;
    private static TestAwsSimulator aws;
    private static ApiClient alice;
    private static final List<String> secretArns = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        instance = LocalDatabaseInstance.start("secrets", List.of("CREATE TABLE notes (n int)", "INSERT INTO notes VALUES (7)",
                "CREATE ROLE app LOGIN PASSWORD '" + APP_PASSWORD + "'", "GRANT SELECT ON notes TO app"), Map.of(),
                (account, region, postgres) -> {
                    account.user("erin", u -> u.accessKey(ERIN.get("accessKeyId"), ERIN.get("secretAccessKey"))
                            .deny("kms:Decrypt"));
                    account.user("fred", u -> u.accessKey(FRED.get("accessKeyId"), FRED.get("secretAccessKey"))
                            .deny("secretsmanager:GetSecretValue"));
                    region.secret("rds!db-orders", credentials("stratus", postgres.password(), null),
                                    secret -> secret.owningService("rds").tag("aws:rds:primaryDBInstanceArn", RESOURCE))
                            .secret("app/orders", credentials("app", APP_PASSWORD, postgres), secret -> secret
                                    .description("the shop's reader").kmsKeyId(CUSTOMER_KEY))
                            .secret("rds!db-other", "{\"username\":\"x\",\"password\":\"Secret+Canary+other\"}",
                                    secret -> secret.owningService("rds")
                                            .tag("aws:rds:primaryDBInstanceArn", RESOURCE.replace("orders", "other")))
                            .secret("app/elsewhere", "{\"engine\":\"postgres\",\"host\":\"db.elsewhere.example\","
                                    + "\"port\":5432,\"username\":\"x\",\"password\":\"Secret+Canary+elsewhere\"}", s -> {
                                    })
                            .secret("api/token", "Secret+Canary+not+json", s -> {
                            });
                });
        aws = instance.simulator();
        alice = instance.alice;
    }

    @AfterAll
    static void stop() throws Exception {
        instance.close();
    }

    /** The JSON of database credentials, with engine, host and port where the database is given. */
    private static String credentials(String user, String password, PostgresServer host) {
        return "{\"username\":\"" + user + "\",\"password\":\"" + password + "\""
                + (host == null ? "" : ",\"engine\":\"postgres\",\"host\":\"127.0.0.1\",\"port\":" + host.port()) + "}";
    }

    @Test
    void theSecretsOfferedAreTheDatabasesOwnNeverTheirValues() throws Exception {
        HttpResponse<String> answer = alice.get("/api/secrets?resource=" + URLEncoder.encode(RESOURCE, StandardCharsets.UTF_8));
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode secrets = ApiClient.json(answer).get("secrets");
        assertEquals(2, secrets.size(), answer.body());
        assertEquals("rds!db-orders", secrets.get(0).get("name").asText(), "RDS's master user secret first");
        assertTrue(secrets.get(0).get("managedByRds").asBoolean());
        assertEquals("app/orders", secrets.get(1).get("name").asText(), "its host and port are the database's");
        assertEquals("the shop's reader", secrets.get(1).get("description").asText());
        assertTrue(secrets.get(1).get("arn").asText().startsWith("arn:aws:secretsmanager:eu-west-1:" + ACCOUNT
                + ":secret:app/orders-"));
        assertFalse(answer.body().contains("Secret+Canary") || answer.body().contains("password"), answer.body());
        secrets.forEach(secret -> secretArns.add(secret.get("arn").asText()));

        ApiClient fred = signedIn(FRED);
        JsonNode unreadable = ApiClient.json(fred.get("/api/secrets?resource=" + URLEncoder.encode(RESOURCE, StandardCharsets.UTF_8)));
        assertEquals(List.of("rds!db-orders"), names(unreadable.get("secrets")),
                "a secret judged by its value is offered only to who may read it");
    }

    @Test
    void aSecretLogsInAndARotatedOneIsReadAgainForTheNextConnection() throws Exception {
        String arn = arnOf("app/orders");
        HttpResponse<String> opened = alice.post("/api/databases", Map.of("resourceId", RESOURCE, "secretArn", arn));
        assertEquals(201, opened.statusCode(), opened.body());
        assertEquals(arn, ApiClient.json(opened).get("username").asText(), "the login is named by the secret");
        String first = ApiClient.json(opened).get("id").asText();
        assertEquals(7, ApiClient.json(alice.post("/api/databases/" + first + "/statements",
                Map.of("statement", "SELECT n FROM notes"))).at("/rows/0/0").asInt());

        // Rotation as Secrets Manager's rotation function does it: the database first, then the secret.
        try (Connection admin = instance.postgres.connect(instance.database); Statement sql = admin.createStatement()) {
            sql.execute("ALTER ROLE app PASSWORD '" + ROTATED_PASSWORD + "'");
        }
        aws.rotateSecret(ACCOUNT, "eu-west-1", "app/orders", credentials("app", ROTATED_PASSWORD, instance.postgres));
        HttpResponse<String> second = alice.post("/api/databases", Map.of("resourceId", RESOURCE, "secretArn", arn,
                "database", instance.database));
        assertEquals(201, second.statusCode(), "a new physical connection reads the new value: " + second.body());
        assertEquals(204, alice.send("DELETE", "/api/databases/" + first, null).statusCode());
        assertEquals(204, alice.send("DELETE", "/api/databases/" + ApiClient.json(second).get("id").asText(), null)
                .statusCode());

        String trail = alice.get("/api/audit?limit=50").body();
        assertTrue(trail.contains(RESOURCE + " as " + arn + " (credentials from AWS)"), trail);
    }

    @Test
    void missingPermissionsAreNamedAndWrongSecretsExplained() throws Exception {
        HttpResponse<String> kms = signedIn(ERIN).post("/api/databases", Map.of("resourceId", RESOURCE, "secretArn",
                arnOf("app/orders")));
        ApiClient.assertError(kms, 403, "forbidden");
        assertTrue(ApiClient.json(kms).at("/error/message").asText().contains("kms:Decrypt"), kms.body());

        HttpResponse<String> denied = signedIn(FRED).post("/api/databases", Map.of("resourceId", RESOURCE, "secretArn",
                arnOf("rds!db-orders")));
        ApiClient.assertError(denied, 403, "forbidden");
        assertTrue(ApiClient.json(denied).at("/error/message").asText().contains("secretsmanager:GetSecretValue"),
                denied.body());

        HttpResponse<String> notCredentials = alice.post("/api/databases", Map.of("resourceId", RESOURCE, "secretArn",
                "arn:aws:secretsmanager:eu-west-1:" + ACCOUNT + ":secret:api/token"));
        ApiClient.assertError(notCredentials, 400, "bad_request");
        assertTrue(ApiClient.json(notCredentials).at("/error/message").asText().contains("\"username\" and \"password\""),
                notCredentials.body());
        ApiClient.assertError(alice.post("/api/databases", Map.of("resourceId", RESOURCE, "secretArn", "app/orders")), 400,
                "bad_request");
        ApiClient.assertError(alice.post("/api/databases", Map.of("resourceId", RESOURCE, "secretArn", arnOf("app/orders"),
                "password", "x")), 400, "bad_request");
        assertFalse((kms.body() + denied.body() + notCredentials.body()).contains("Secret+Canary"));
    }

    @Test
    void aSavedConnectionNamesTheSecretByItsArn() throws Exception {
        String arn = arnOf("app/orders");
        HttpResponse<String> saved = alice.post("/api/connections", Map.of("name", "orders by secret", "resourceId", RESOURCE,
                "secretArn", arn));
        assertEquals(201, saved.statusCode(), saved.body());
        JsonNode listed = ApiClient.json(alice.get("/api/connections")).get("connections").get(0);
        assertEquals(arn, listed.get("secretArn").asText());
        assertEquals("secret", listed.get("login").asText());
        assertFalse(listed.has("username"), "the secret holds the user name");
        ApiClient.assertError(alice.post("/api/connections", Map.of("name", "both", "resourceId", RESOURCE,
                "secretArn", arn, "username", "app")), 400, "bad_request");
        assertEquals(204, alice.send("DELETE", "/api/connections/" + listed.get("id").asText(), null).statusCode());
    }

    @Test
    void noSecretValueIsInAnyFileOrLog() throws Exception {
        theSecretsOfferedAreTheDatabasesOwnNeverTheirValues();
        alice.post("/api/databases", Map.of("resourceId", RESOURCE, "secretArn", arnOf("rds!db-orders")));
        alice.get("/api/audit?limit=100");
        Map<Path, String> written = WrittenFiles.of(instance.stratus.dataDirectory());
        for (String canary : List.of("Secret+Canary", instance.postgres.password())) {
            written.forEach((file, text) -> assertFalse(text.contains(canary), "a secret's value is in " + file));
            assertFalse(Files.readString(Path.of(System.getProperty("stratus.test.log"))).contains(canary),
                    "a secret's value is in the test log");
        }
        assertTrue(written.size() >= 2, "searched " + written.keySet());
    }

    private static String arnOf(String name) throws Exception {
        JsonNode all = ApiClient.json(alice.get("/api/secrets?resource=" + URLEncoder.encode(RESOURCE, StandardCharsets.UTF_8)))
                .get("secrets");
        for (JsonNode secret : all) {
            if (secret.get("name").asText().equals(name)) {
                return secret.get("arn").asText();
            }
        }
        throw new AssertionError("no secret " + name + " offered: " + all);
    }

    private static List<String> names(JsonNode secrets) {
        List<String> names = new ArrayList<>();
        secrets.forEach(secret -> names.add(secret.get("name").asText()));
        return names;
    }

    private static ApiClient signedIn(Map<String, String> keys) throws Exception {
        ApiClient person = new ApiClient(instance.port());
        assertEquals(201, person.post("/api/session", keys).statusCode());
        return person;
    }
}
