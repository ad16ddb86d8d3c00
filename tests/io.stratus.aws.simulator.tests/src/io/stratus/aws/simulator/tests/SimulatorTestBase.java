package io.stratus.aws.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stratus.aws.simulator.testing.TestAwsSimulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.function.Executable;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * One simulator per test class, seeded with {@link TestSeed}, and real SDK clients pointed at it
 * the way Stratus builds them.
 */
abstract class SimulatorTestBase {

    static TestAwsSimulator aws;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<SdkClient> clients = new ArrayList<>();

    @BeforeAll
    static void startSimulator() {
        aws = TestAwsSimulator.start(TestSeed.SEED);
    }

    @AfterAll
    static void stopSimulator() {
        aws.close();
    }

    @AfterEach
    void forgetFaultsCallsAndClients() {
        aws.faults().clear();
        aws.calls().clear();
        clients.forEach(SdkClient::close);
        clients.clear();
    }

    /** A client that does not retry, so every error answer reaches the test as it was sent. */
    static StsClient sts(AwsCredentials credentials) {
        return sts(aws, credentials);
    }

    static StsClient sts(TestAwsSimulator simulator, AwsCredentials credentials) {
        return configure(StsClient.builder(), simulator, Region.US_EAST_1, credentials, AwsRetryStrategy.doNotRetry());
    }

    /** The simulator serves every region at its one endpoint. */
    static StsClient sts(Region region, AwsCredentials credentials) {
        return configure(StsClient.builder(), aws, region, credentials, AwsRetryStrategy.doNotRetry());
    }

    /** A client with the SDK's default retries and clock-skew correction, as an application has. */
    static StsClient stsWithRetries(AwsCredentials credentials) {
        return configure(StsClient.builder(), aws, Region.US_EAST_1, credentials, AwsRetryStrategy.defaultRetryStrategy());
    }

    static IamClient iam(AwsCredentials credentials) {
        return iam(aws, credentials);
    }

    static IamClient iam(TestAwsSimulator simulator, AwsCredentials credentials) {
        return configure(IamClient.builder(), simulator, Region.US_EAST_1, credentials, AwsRetryStrategy.doNotRetry());
    }

    /** RDS (and DocumentDB) in one region: the region decides whose databases are described. */
    static RdsClient rds(Region region, AwsCredentials credentials) {
        return configure(RdsClient.builder(), aws, region, credentials, AwsRetryStrategy.doNotRetry());
    }

    static RedshiftClient redshift(Region region, AwsCredentials credentials) {
        return configure(RedshiftClient.builder(), aws, region, credentials, AwsRetryStrategy.doNotRetry());
    }

    static SecretsManagerClient secretsManager(Region region, AwsCredentials credentials) {
        return configure(SecretsManagerClient.builder(), aws, region, credentials, AwsRetryStrategy.doNotRetry());
    }

    static DynamoDbClient dynamoDb(Region region, AwsCredentials credentials) {
        return dynamoDb(aws, region, credentials);
    }

    static DynamoDbClient dynamoDb(TestAwsSimulator simulator, Region region, AwsCredentials credentials) {
        return configure(DynamoDbClient.builder(), simulator, region, credentials, AwsRetryStrategy.doNotRetry());
    }

    /**
     * The HTTP client is given explicitly: the SDK finds one with ServiceLoader otherwise, which
     * does not work across OSGi bundles.
     */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C configure(B builder,
            TestAwsSimulator simulator, Region region, AwsCredentials credentials, RetryStrategy retries) {
        C client = builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(simulator.endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(o -> o.retryStrategy(retries))
                .build();
        clients.add(client);
        return client;
    }

    /** The temporary credentials STS issued, as a client signs with them. */
    static AwsSessionCredentials sessionCredentials(Credentials credentials) {
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
    }

    /** Asserts the call fails with this AWS error code and HTTP status; returns the error for more checks. */
    static AwsServiceException assertAwsError(String errorCode, int status, Executable call) {
        AwsServiceException error = assertThrows(AwsServiceException.class, call);
        assertEquals(errorCode, error.awsErrorDetails().errorCode(), error::getMessage);
        assertEquals(status, error.statusCode(), error::getMessage);
        return error;
    }

    /** The answer to a call of an AWS JSON 1.1 API: its HTTP status and body. */
    record JsonAnswer(int status, JsonNode body) {
        String errorType() {
            return body.path("__type").asText();
        }
    }

    /**
     * A call of an AWS JSON 1.1 API whose SDK client is not on Maven Central for this SDK version
     * (Organizations, Redshift Serverless): the request is signed with the SDK's own SigV4 signer for
     * {@code service} in {@code region} and sent by hand, as Stratus sends it.
     */
    static JsonAnswer callJson(AwsCredentials credentials, String service, Region region, String target, String body) {
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(aws.endpoint())
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", target)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials)
                .request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        try (SdkHttpClient http = UrlConnectionHttpClient.builder().build()) {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElseThrow())
                    .build()).call();
            try (InputStream answer = response.responseBody().orElseThrow()) {
                return new JsonAnswer(response.httpResponse().statusCode(), JSON.readTree(answer));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
