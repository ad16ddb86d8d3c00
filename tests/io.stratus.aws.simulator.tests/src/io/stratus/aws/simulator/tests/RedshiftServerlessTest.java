package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.TestSeed.ACCOUNT;
import static io.stratus.aws.simulator.tests.TestSeed.ALICE;
import static io.stratus.aws.simulator.tests.TestSeed.BOB;
import static io.stratus.aws.simulator.tests.TestSeed.BOB_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.DATABASES;
import static io.stratus.aws.simulator.tests.TestSeed.MANY_DATABASES;
import static io.stratus.aws.simulator.tests.TestSeed.MANY_WORKGROUPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * Redshift Serverless over JSON 1.1, signed for {@code redshift-serverless} and sent by hand as
 * Stratus sends it (the SDK has no client for it at this version).
 */
class RedshiftServerlessTest extends SimulatorTestBase {

    @Test
    void listsWorkgroupsWithTheirEndpointAndNamespacesWithTheirDatabase() {
        JsonAnswer workgroups = call(ALICE, DATABASES, "ListWorkgroups", "{}");
        assertEquals(200, workgroups.status());
        assertEquals(1, workgroups.body().path("workgroups").size());
        JsonNode reporting = workgroups.body().path("workgroups").get(0);
        assertEquals("reporting", reporting.path("workgroupName").asText());
        assertEquals("reporting", reporting.path("namespaceName").asText());
        assertEquals("AVAILABLE", reporting.path("status").asText());
        assertEquals("reporting." + ACCOUNT + ".eu-west-1.redshift-serverless.amazonaws.com",
                reporting.path("endpoint").path("address").asText());
        assertEquals(5439, reporting.path("endpoint").path("port").asInt());
        assertTrue(reporting.path("workgroupArn").asText().matches("arn:aws:redshift-serverless:eu-west-1:" + ACCOUNT
                + ":workgroup/[0-9a-f-]{36}"), reporting.path("workgroupArn").asText());
        assertTrue(reporting.path("workgroupArn").asText().endsWith(reporting.path("workgroupId").asText()));
        assertFalse(workgroups.body().has("nextToken"));

        JsonNode namespace = call(ALICE, DATABASES, "ListNamespaces", "{}").body().path("namespaces").get(0);
        assertEquals("reporting", namespace.path("namespaceName").asText());
        assertEquals("reports", namespace.path("dbName").asText());
        assertEquals("admin", namespace.path("adminUsername").asText());

        JsonNode one = call(ALICE, DATABASES, "GetWorkgroup", "{\"workgroupName\": \"reporting\"}").body().path("workgroup");
        assertEquals(reporting, one);
        assertEquals("ResourceNotFoundException", call(ALICE, DATABASES, "GetWorkgroup",
                "{\"workgroupName\": \"gone\"}").errorType());
        assertEquals(0, call(ALICE, Region.US_EAST_1, "ListWorkgroups", "{}").body().path("workgroups").size(),
                "a region without workgroups has none");
    }

    @Test
    void followsPagesToTheEnd() {
        for (String action : List.of("ListWorkgroups", "ListNamespaces")) {
            String list = action.equals("ListWorkgroups") ? "workgroups" : "namespaces";
            String name = action.equals("ListWorkgroups") ? "workgroupName" : "namespaceName";
            List<String> names = new ArrayList<>();
            String body = "{}";
            int pages = 0;
            do {
                JsonNode page = call(ALICE, MANY_DATABASES, action, body).body();
                page.path(list).forEach(entry -> names.add(entry.path(name).asText()));
                body = page.has("nextToken") ? "{\"nextToken\": \"" + page.path("nextToken").asText() + "\"}" : null;
                pages++;
            } while (body != null);
            assertEquals(3, pages, action);
            assertEquals(MANY_WORKGROUPS, names.size(), action);
            assertEquals("wg-001", names.getFirst());
            assertEquals("wg-%03d".formatted(MANY_WORKGROUPS), names.getLast());
        }
        assertEquals(2, call(ALICE, MANY_DATABASES, "ListWorkgroups", "{\"maxResults\": 2}").body().path("workgroups").size());
        assertEquals("ValidationException", call(ALICE, MANY_DATABASES, "ListWorkgroups", "{\"maxResults\": 101}").errorType());
        assertEquals("ValidationException", call(ALICE, MANY_DATABASES, "ListWorkgroups", "{\"nextToken\": \"x\"}").errorType());
    }

    @Test
    void credentialsAreIssuedForTheCallersOwnIdentityAndCheckedAtLogin() {
        String arn = call(ALICE, DATABASES, "ListWorkgroups", "{}").body().path("workgroups").get(0).path("workgroupArn")
                .asText();
        JsonAnswer issued = call(ALICE, DATABASES, "GetCredentials",
                "{\"workgroupName\": \"reporting\", \"dbName\": \"reports\", \"durationSeconds\": 1800}");
        assertEquals(200, issued.status());
        assertEquals("IAM:alice", issued.body().path("dbUser").asText());
        String password = issued.body().path("dbPassword").asText();
        Instant expiration = Instant.ofEpochSecond(issued.body().path("expiration").asLong());
        assertTrue(Duration.between(aws.now(), expiration).toSeconds() > 1700, expiration.toString());
        assertTrue(aws.verifyRedshiftCredentials(arn, "IAM:alice", password));
        assertFalse(aws.verifyRedshiftCredentials(arn, "IAM:bob", password), "for that user only");
        assertFalse(aws.verifyRedshiftCredentials("arn:aws:redshift:eu-west-1:" + ACCOUNT + ":cluster:warehouse",
                "IAM:alice", password), "for that workgroup only");
        assertTrue(aws.issuedSecrets().contains(password), "tests can search for it");

        String again = call(ALICE, DATABASES, "GetCredentials", "{\"workgroupName\": \"reporting\"}").body()
                .path("dbPassword").asText();
        assertNotEquals(password, again, "fresh for every call");
        assertEquals("ValidationException", call(ALICE, DATABASES, "GetCredentials",
                "{\"workgroupName\": \"reporting\", \"durationSeconds\": 60}").errorType());
        assertEquals("ResourceNotFoundException", call(ALICE, DATABASES, "GetCredentials",
                "{\"workgroupName\": \"gone\"}").errorType());
    }

    @Test
    void aCallerIamDoesNotAllowIsDeniedNamingTheAction() {
        for (String action : List.of("ListWorkgroups", "ListNamespaces", "GetCredentials")) {
            JsonAnswer denied = call(BOB, DATABASES, action, "{\"workgroupName\": \"reporting\"}");
            assertEquals(403, denied.status(), action);
            assertEquals("AccessDeniedException", denied.errorType());
            assertTrue(denied.body().path("message").asText().startsWith("User: " + BOB_ARN
                    + " is not authorized to perform: redshift-serverless:" + action + " on resource: arn:aws:"
                    + "redshift-serverless:eu-west-1:" + ACCOUNT + ":"), denied.body().toString());
        }
        assertEquals(1, aws.calls().count("redshift-serverless:GetCredentials"));
    }

    @Test
    void getCredentialsIsAuthorizedOnTheWorkgroupWhicheverDatabaseItNames() {
        // AWS's authorization reference gives GetCredentials the workgroup as its one resource, and Redshift
        // Serverless no dbname resource: the database named changes nothing about who may call it.
        String arn = call(ALICE, DATABASES, "ListWorkgroups", "{}").body().path("workgroups").get(0).path("workgroupArn")
                .asText();
        for (String database : List.of("reports", "dev")) {
            String body = "{\"workgroupName\": \"reporting\", \"dbName\": \"" + database + "\"}";
            assertEquals("IAM:alice", call(ALICE, DATABASES, "GetCredentials", body).body().path("dbUser").asText(),
                    database);
            JsonAnswer denied = call(BOB, DATABASES, "GetCredentials", body);
            assertEquals(403, denied.status(), database);
            assertEquals("User: " + BOB_ARN + " is not authorized to perform: redshift-serverless:GetCredentials on"
                    + " resource: " + arn + " because no identity-based policy allows the"
                    + " redshift-serverless:GetCredentials action", denied.body().path("message").asText());
        }
    }

    private static JsonAnswer call(AwsCredentials credentials, Region region, String action, String body) {
        return callJson(credentials, "redshift-serverless", region, "RedshiftServerless." + action, body);
    }
}
