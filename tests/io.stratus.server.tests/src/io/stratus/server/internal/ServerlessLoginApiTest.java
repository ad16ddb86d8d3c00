package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.testing.LdapBinds;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opening a Redshift Serverless workgroup over the HTTP API with the credentials Redshift Serverless
 * issues for the person's IAM identity: the engine offers the login method, the explorer's workgroup
 * opens with it, the simulator checks the issued password at the login of a PostgreSQL standing in for
 * the workgroup (through LDAP), and no issued password is in an answer, a file or the log.
 */
class ServerlessLoginApiTest {

    private static final Pattern WORKGROUP = Pattern.compile("\"id\"\\s*:\\s*\"(arn:aws:redshift-serverless:[^\"]+)\"");

    private static final List<String> checked = new CopyOnWriteArrayList<>();
    private static LocalDatabaseInstance instance;
    private static LdapBinds ldap;
    private static String workgroupArn;

    @BeforeAll
    static void start() throws Exception {
        instance = LocalDatabaseInstance.start("serverless", List.of("CREATE ROLE \"IAM:alice\" LOGIN"), Map.of(),
                (account, region, postgres) -> region.redshiftWorkgroup("reporting", "postgres", "127.0.0.1",
                        postgres.port()));
        assertEquals(200, instance.alice.post("/api/explorer/refresh", Map.of()).statusCode());
        Matcher found = WORKGROUP.matcher(instance.alice.get("/api/explorer").body());
        assertTrue(found.find(), "the explorer lists the workgroup");
        workgroupArn = found.group(1);
        ldap = LdapBinds.start((name, password) -> {
            boolean issued = instance.simulator().verifyRedshiftCredentials(workgroupArn, "IAM:alice", password)
                    && name.equals("cn=IAM:alice,dc=rds");
            checked.add(issued + " " + password);
            return issued;
        });
        instance.postgres.authenticateByLdap("\"IAM:alice\"", ldap.port());
    }

    @AfterAll
    static void stop() throws Exception {
        ldap.close();
        instance.close();
    }

    @Test
    void theWorkgroupOpensWithCredentialsIssuedForThePersonsIdentity() throws Exception {
        JsonNode engines = ApiClient.json(instance.alice.get("/api/engines")).get("engines");
        JsonNode serverless = null;
        for (JsonNode engine : engines) {
            if (engine.get("id").asText().equals("redshift-serverless")) {
                serverless = engine;
            }
        }
        assertTrue(serverless != null && serverless.toString().contains("issuedForIdentity"), String.valueOf(serverless));

        HttpResponse<String> opened = instance.alice.post("/api/databases", Map.of("resourceId", workgroupArn,
                "login", "issuedForIdentity"));
        // PostgreSQL let the login in, then refuses the Redshift driver's own startup parameters.
        assertTrue(opened.body().contains("driver_version"), opened.statusCode() + " " + opened.body());
        assertEquals(1, checked.size(), checked.toString());
        assertTrue(checked.getFirst().startsWith("true "), "GetCredentials issued the password the login used");
        assertEquals(1, instance.simulator().calls().count("redshift-serverless:GetCredentials"));

        List<String> issued = instance.simulator().issuedSecrets();
        assertFalse(issued.isEmpty());
        Map<Path, String> written = WrittenFiles.of(instance.stratus.dataDirectory());
        String log = Files.readString(Path.of(System.getProperty("stratus.test.log")));
        for (String canary : issued) {
            assertFalse(opened.body().contains(canary), "an issued password is in the answer");
            written.forEach((file, text) -> assertFalse(text.contains(canary), "an issued password is in " + file));
            assertFalse(log.contains(canary), "an issued password is in the test log");
        }
        assertNotEquals(0, written.size());
    }
}
