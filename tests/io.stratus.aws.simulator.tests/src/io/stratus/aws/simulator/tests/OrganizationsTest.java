package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.TestSeed.ACCOUNT;
import static io.stratus.aws.simulator.tests.TestSeed.ALICE;
import static io.stratus.aws.simulator.tests.TestSeed.CAROL;
import static io.stratus.aws.simulator.tests.TestSeed.DAVE;
import static io.stratus.aws.simulator.tests.TestSeed.DAVE_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.ORGANIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stratus.aws.simulator.testing.Fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Organizations over JSON 1.1. Its SDK client is not on Maven Central for this SDK version, so
 * the request is signed with the SDK's own SigV4 signer and sent by hand, as Stratus will.
 */
class OrganizationsTest extends SimulatorTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode body) {
        String errorType() {
            return body.path("__type").asText();
        }
    }

    @Test
    void describesTheOrganizationOfTheCallersAccount() {
        Answer answer = describeOrganization(ALICE);

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
        Answer answer = describeOrganization(CAROL);

        assertEquals(400, answer.status());
        assertEquals("AWSOrganizationsNotInUseException", answer.errorType());
        assertEquals("Your account is not a member of an organization.", answer.body().path("message").asText());
    }

    @Test
    void aDeniedCallerGetsAccessDeniedException() {
        Answer answer = describeOrganization(DAVE);

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

    private static Answer describeOrganization(AwsCredentials credentials) {
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(aws.endpoint())
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AWSOrganizationsV20161128.DescribeOrganization")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials)
                .request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String("{}"))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "organizations")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        try (SdkHttpClient http = UrlConnectionHttpClient.builder().build()) {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElseThrow())
                    .build()).call();
            try (InputStream body = response.responseBody().orElseThrow()) {
                return new Answer(response.httpResponse().statusCode(), JSON.readTree(body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
