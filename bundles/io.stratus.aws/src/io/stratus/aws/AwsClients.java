package io.stratus.aws;

import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;

import java.time.Instant;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one way into AWS. Clients are shared and carry no credentials of their own: every request
 * names the person whose keys sign it ({@link #as}), so a call can never run with somebody
 * else's keys, nor with keys found in the environment of the process.
 */
public interface AwsClients {

    AwsSettings settings();

    StsClient sts();

    IamClient iam();

    /** The RDS client of a region (also serves DocumentDB, which shares RDS's API). */
    RdsClient rds(String region);

    RedshiftClient redshift(String region);

    DynamoDbClient dynamoDb(String region);

    /** Request configuration that signs with these keys; add it to every request. */
    AwsRequestOverrideConfiguration as(AwsCredentials credentials);

    /**
     * Calls an AWS JSON 1.1 API that has no SDK client in Stratus (Organizations):
     * signs {@code body} with SigV4 and posts it with {@code X-Amz-Target: target}.
     *
     * @return the response body of a 2xx answer
     * @throws StratusException mapped like every other AWS failure
     */
    String callJson(AwsCredentials credentials, String service, String target, String body);

    /**
     * An RDS IAM database authentication token: a "connect" request for {@code username} at
     * {@code host:port}, presigned with SigV4 for service {@code rds-db} of {@code region} with
     * these keys at {@code signedAt}, valid for 15 minutes. It is the password of one login.
     */
    Secret rdsAuthToken(AwsCredentials credentials, String region, String host, int port, String username,
            Instant signedAt);

    /**
     * Refuses to go on when an AWS answer shows that this machine's clock is off by more than
     * AWS allows. The SDK quietly corrects its own signatures after a skew error, but what
     * Stratus signs by itself later (RDS IAM tokens) would fail, so the operator must know.
     *
     * @throws StratusException UNAVAILABLE, saying to synchronise the clock
     */
    void checkClock(SdkHttpResponse answer);

    /** Turns an SDK failure of {@code service:action} into a message a person can act on. */
    StratusException explain(SdkException failure, String service, String action);
}
