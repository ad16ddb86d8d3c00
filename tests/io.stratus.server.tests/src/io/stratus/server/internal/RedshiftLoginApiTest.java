package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.testing.TestAwsSimulator;
import io.stratus.testing.LdapBinds;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redshift IAM logins over the HTTP API: the engines say which login methods they take, a
 * provisioned cluster (a real PostgreSQL standing in, which asks the AWS simulator whether Redshift
 * issued the password it is given) opens with credentials issued for the person's IAM identity or
 * for a database user with groups, fresh for each physical connection; refusals name the IAM action
 * or the methods the engine takes; a saved connection keeps the method and never a password.
 */
class RedshiftLoginApiTest {

    private static final String ACCOUNT = HttpApiTest.ACCOUNT;
    private static final String WAREHOUSE = "arn:aws:redshift:eu-west-1:" + ACCOUNT + ":cluster:warehouse";
    private static final Map<String, String> NORA = HttpApiTest.keys("AKIANORA000000000009", "nora+secret+00000000000000000000000000009");

    private record CheckedLogin(String dbUser, String password, boolean issuedByRedshift) {
    }

    private static final List<CheckedLogin> checked = new CopyOnWriteArrayList<>();
    private static LocalDatabaseInstance instance;
    private static TestAwsSimulator aws;
    private static LdapBinds ldap;
    private static ApiClient alice;

    @BeforeAll
    static void start() throws Exception {
        instance = LocalDatabaseInstance.start("redshift", List.of("CREATE ROLE \"IAM:alice\" LOGIN",
                "CREATE ROLE \"IAM:analyst\" LOGIN"), Map.of(), (account, region, postgres) -> {
                    account.user("nora", u -> u.accessKey(NORA.get("accessKeyId"), NORA.get("secretAccessKey"))
                            .deny("redshift:GetClusterCredentials", "redshift:GetClusterCredentialsWithIAM"));
                    region.redshiftCluster("warehouse", cluster -> cluster.address("127.0.0.1").port(postgres.port())
                            .dbName("postgres"));
                });
        aws = instance.simulator();
        ldap = LdapBinds.start((name, password) -> {
            String dbUser = name.substring("cn=".length(), name.indexOf(",dc=rds"));
            boolean issued = aws.verifyRedshiftCredentials(WAREHOUSE, dbUser, password);
            checked.add(new CheckedLogin(dbUser, password, issued));
            return issued;
        });
        instance.postgres.authenticateByLdap("\"IAM:alice\"", ldap.port());
        instance.postgres.authenticateByLdap("\"IAM:analyst\"", ldap.port());
        alice = instance.alice;
    }

    @AfterAll
    static void stop() throws Exception {
        ldap.close();
        instance.close();
    }

    @Test
    void eachEngineSaysWhichLoginMethodsItTakes() throws Exception {
        JsonNode engines = ApiClient.json(alice.get("/api/engines")).get("engines");
        assertEquals(List.of("password", "secret", "issuedForIdentity", "issuedForUser"), logins(engines, "redshift"));
        assertEquals(List.of("iamToken"), logins(engines, "aurora-dsql"), "DSQL takes IAM tokens only: no password field");
        assertEquals(List.of("awsIdentity"), logins(engines, "dynamodb"), "DynamoDB has no database user");
        assertEquals(List.of("password", "iamToken", "secret"), logins(engines, "postgres"));
    }

    @Test
    void theIamIdentityOpensAClusterWithCredentialsIssuedForEachPhysicalConnection() throws Exception {
        int before = checked.size();
        for (int connection = 0; connection < 2; connection++) {
            assertPastTheLogin(alice.post("/api/databases", Map.of("resourceId", WAREHOUSE, "login", "issuedForIdentity",
                    "database", instance.database)));
        }
        List<CheckedLogin> logins = checked.subList(before, checked.size());
        assertEquals(2, logins.size());
        assertTrue(logins.stream().allMatch(l -> l.issuedByRedshift() && l.dbUser().equals("IAM:alice")), logins.toString());
        assertNotEquals(logins.get(0).password(), logins.get(1).password(), "fresh credentials for each connection");
        String trail = ApiClient.json(alice.get("/api/audit?limit=20")).toString();
        assertTrue(trail.contains(WAREHOUSE + " as arn:aws:iam::" + ACCOUNT + ":user/alice (credentials from AWS)"), trail);
    }

    @Test
    void aNamedDatabaseUserOpensWithItsGroupsAndIsSavedWithThemButNoPassword() throws Exception {
        Map<String, Object> analyst = Map.of("resourceId", WAREHOUSE, "login", "issuedForUser", "username", "analyst",
                "groups", List.of("readers", "bi"), "autoCreate", true);
        int before = checked.size();
        assertPastTheLogin(alice.post("/api/databases", analyst));
        assertEquals("IAM:analyst", checked.get(before).dbUser());
        assertTrue(checked.get(before).issuedByRedshift());

        Map<String, Object> named = new java.util.HashMap<>(analyst);
        named.put("name", "warehouse as analyst");
        HttpResponse<String> saved = alice.post("/api/connections", named);
        assertEquals(201, saved.statusCode(), saved.body());
        JsonNode listed = ApiClient.json(alice.get("/api/connections")).get("connections").get(0);
        assertEquals("issuedForUser", listed.get("login").asText());
        assertEquals("analyst", listed.get("username").asText());
        assertEquals("[\"readers\",\"bi\"]", listed.get("groups").toString());
        assertTrue(listed.get("autoCreate").asBoolean());
        assertEquals(204, alice.send("DELETE", "/api/connections/" + listed.get("id").asText(), null).statusCode());
    }

    @Test
    void aPersonWhoMayNotGetClusterCredentialsIsToldWhichActionIsMissing() throws Exception {
        ApiClient nora = new ApiClient(instance.port());
        assertEquals(201, nora.post("/api/session", NORA).statusCode());
        HttpResponse<String> identity = nora.post("/api/databases", Map.of("resourceId", WAREHOUSE, "login", "issuedForIdentity"));
        ApiClient.assertError(identity, 403, "forbidden");
        assertTrue(identity.body().contains("redshift:GetClusterCredentialsWithIAM"), identity.body());
        HttpResponse<String> user = nora.post("/api/databases", Map.of("resourceId", WAREHOUSE, "login", "issuedForUser",
                "username", "analyst"));
        ApiClient.assertError(user, 403, "forbidden");
        assertTrue(user.body().contains("redshift:GetClusterCredentials "), user.body());
    }

    @Test
    void aLoginTheEngineDoesNotTakeIsRefusedBeforeAnythingIsAsked() throws Exception {
        int before = checked.size();
        HttpResponse<String> token = alice.post("/api/databases", Map.of("resourceId", WAREHOUSE, "username", "analyst"));
        ApiClient.assertError(token, 400, "bad_request"); // a user alone asks for an IAM token, as clients before login methods sent it
        assertTrue(token.body().contains("Redshift databases are not opened with IAM database authentication"), token.body());
        HttpResponse<String> both = alice.post("/api/databases", Map.of("resourceId", WAREHOUSE, "login", "issuedForIdentity",
                "password", "Canary+not+wanted"));
        ApiClient.assertError(both, 400, "bad_request");
        assertFalse(both.body().contains("Canary+not+wanted"));
        ApiClient.assertError(alice.post("/api/databases", Map.of("resourceId", WAREHOUSE, "login", "issuedForUser",
                "username", "analyst", "groups", List.of("no spaces"))), 400, "bad_request");
        ApiClient.assertError(alice.post("/api/databases", Map.of("resourceId", LocalDatabaseInstance.CARTS, "login",
                "password", "username", "u", "password", "p")), 400, "bad_request");
        assertEquals(before, checked.size(), "no login reached the database");
    }

    @Test
    void noIssuedPasswordIsInAnyFileOrLog() throws Exception {
        theIamIdentityOpensAClusterWithCredentialsIssuedForEachPhysicalConnection();
        alice.get("/api/audit?limit=100");
        List<String> issued = new ArrayList<>(aws.issuedSecrets());
        assertFalse(issued.isEmpty());
        Map<Path, String> written = WrittenFiles.of(instance.stratus.dataDirectory());
        String log = Files.readString(Path.of(System.getProperty("stratus.test.log")));
        for (String canary : issued) {
            written.forEach((file, text) -> assertFalse(text.contains(canary), "an issued password is in " + file));
            assertFalse(log.contains(canary), "an issued password is in the test log");
        }
        assertTrue(written.size() >= 2, "searched " + written.keySet());
    }

    /** PostgreSQL let the login in, then refused the Redshift driver's own startup parameter. */
    private static void assertPastTheLogin(HttpResponse<String> answer) {
        assertTrue(answer.body().contains("driver_version"), answer.statusCode() + " " + answer.body());
    }

    private static List<String> logins(JsonNode engines, String id) {
        for (JsonNode engine : engines) {
            if (engine.get("id").asText().equals(id)) {
                List<String> ids = new ArrayList<>();
                engine.at("/defaults/logins").forEach(login -> ids.add(login.get("id").asText()));
                return ids;
            }
        }
        throw new AssertionError("no engine " + id + " in " + engines);
    }
}
