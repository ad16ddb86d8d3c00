package io.stratus.connect.dynamodb.internal;

import io.stratus.aws.AwsClients;
import io.stratus.core.connect.AwsKeys;

import java.util.function.Function;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;

/** DynamoDB requests signed with one person's keys, lent from the vault for each request. */
record SignedCalls(AwsClients aws, AwsKeys keys) {

    /** Runs one request; a failure says what AWS answered, in words the person can act on. */
    <T> T call(String action, Function<AwsRequestOverrideConfiguration, T> request) {
        return keys.use(credentials -> {
            try {
                return request.apply(aws.as(credentials));
            } catch (SdkException e) {
                throw aws.explain(e, "dynamodb", action);
            }
        });
    }
}
