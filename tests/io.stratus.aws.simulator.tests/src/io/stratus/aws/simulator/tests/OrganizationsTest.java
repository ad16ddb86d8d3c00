package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.TestSeed.ACCOUNT;
import static io.stratus.aws.simulator.tests.TestSeed.ALICE;
import static io.stratus.aws.simulator.tests.TestSeed.CAROL;
import static io.stratus.aws.simulator.tests.TestSeed.DAVE;
import static io.stratus.aws.simulator.tests.TestSeed.DAVE_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.ORGANIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratus.aws.simulator.testing.Fault;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * Organizations over JSON 1.1, signed and sent by hand ({@link #callJson}).
 */
class OrganizationsTest extends SimulatorTestBase {

    @Test
    void describesTheOrganizationOfTheCallersAccount() {
        JsonAnswer answer = describeOrganization(ALICE);

        assertEquals(200, answer.status());
        JsonNode organization = answer.body().path("Organization");
        assertEquals(ORGANIZATION, organization.path("Id").asText());
        assertEquals("arn:aws:organizations::" + ACCOUNT + ":organization/" + ORGANIZATION, organization.path("Arn").asText());
        assertEquals(ACCOUNT, organization.path("MasterAccountId").asText());
        assertEquals("aws@stratus.example", organization.path("MasterAccountEmail").asText());
        assertEquals(1, aws.calls().count("organizations:DescribeOrganization"));
    }

    @Test
    void anAccountOutsideAnyOrganizationIsNotInUse() {
        JsonAnswer answer = describeOrganization(CAROL);

        assertEquals(400, answer.status());
        assertEquals("AWSOrganizationsNotInUseException", answer.errorType());
        assertEquals("Your account is not a member of an organization.", answer.body().path("message").asText());
    }

    @Test
    void aDeniedCallerGetsAccessDeniedException() {
        JsonAnswer answer = describeOrganization(DAVE);

        assertEquals(403, answer.status());
        assertEquals("AccessDeniedException", answer.errorType());
        assertEquals("User: " + DAVE_ARN + " is not authorized to perform: organizations:DescribeOrganization on resource: *"
                + " with an explicit deny in an identity-based policy", answer.body().path("message").asText());
    }

    @Test
    void jsonErrorsUseTheJsonProtocolsCodes() {
        AwsBasicCredentials unknown = AwsBasicCredentials.create("AKIAUNKNOWN123456789", ALICE.secretAccessKey());
        AwsBasicCredentials wrongSecret = AwsBasicCredentials.create(ALICE.accessKeyId(), CAROL.secretAccessKey());

        assertEquals("UnrecognizedClientException", describeOrganization(unknown).errorType());
        assertEquals("InvalidSignatureException", describeOrganization(wrongSecret).errorType());
        aws.faults().failNext(1, Fault.THROTTLING, "organizations:*");
        assertEquals("ThrottlingException", describeOrganization(ALICE).errorType());
    }

    private static JsonAnswer describeOrganization(AwsCredentials credentials) {
        return callJson(credentials, "organizations", Region.US_EAST_1, "AWSOrganizationsV20161128.DescribeOrganization",
                "{}");
    }
}
