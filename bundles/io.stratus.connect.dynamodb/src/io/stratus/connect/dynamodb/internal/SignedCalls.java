package io.stratus.connect.dynamodb.internal;

import io.stratus.aws.AwsClients;
import io.stratus.core.identity.AwsKeys;

import java.util.function.BiFunction;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB requests of one region signed with one person's keys, lent from the vault for each
 * request. The client is asked for on each request too: the shared clients are rebuilt when the
 * AWS settings change.
 */
record SignedCalls(AwsClients aws, AwsKeys keys, String region) {

    /** Runs one request; a failure says what AWS answered, in words the person can act on. */
    <T> T call(String action, BiFunction<DynamoDbClient, AwsRequestOverrideConfiguration, T> request) {
        return keys.use(credentials -> {
            try {
                return request.apply(aws.dynamoDb(region), aws.as(credentials));
            } catch (SdkException e) {
                throw aws.explain(e, "dynamodb", action);
            }
        });
    }
}
