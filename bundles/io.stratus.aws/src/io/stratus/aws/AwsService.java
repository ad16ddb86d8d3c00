package io.stratus.aws;

import java.util.Objects;
import java.util.Optional;

import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An AWS service Stratus calls, where, and the SDK client that speaks it: what {@link
 * AwsClients#call} is told to reach. Its {@link #name()} is the prefix of the service's IAM actions
 * ({@code rds} in {@code rds:DescribeDBInstances}) and its key among the endpoint settings.
 */
public final class AwsService<C extends SdkClient> {

    private final String name;
    private final Class<C> clientType;
    private final String region;

    private AwsService(String name, Class<C> clientType, String region) {
        this.name = name;
        this.clientType = clientType;
        this.region = region;
    }

    /** STS in the region of the settings, where sign-in checks keys. */
    public static AwsService<StsClient> sts() {
        return new AwsService<>("sts", StsClient.class, null);
    }

    /** IAM, global in its partition. */
    public static AwsService<IamClient> iam() {
        return new AwsService<>("iam", IamClient.class, null);
    }

    /** The RDS API of a region, which also serves DocumentDB. */
    public static AwsService<RdsClient> rds(String region) {
        return new AwsService<>("rds", RdsClient.class, Objects.requireNonNull(region, "region"));
    }

    public static AwsService<RedshiftClient> redshift(String region) {
        return new AwsService<>("redshift", RedshiftClient.class, Objects.requireNonNull(region, "region"));
    }

    public static AwsService<DynamoDbClient> dynamoDb(String region) {
        return new AwsService<>("dynamodb", DynamoDbClient.class, Objects.requireNonNull(region, "region"));
    }

    /** The prefix of the service's IAM actions, e.g. {@code rds}. */
    public String name() {
        return name;
    }

    public Class<C> clientType() {
        return clientType;
    }

    /** The region called; empty for a service the settings place (STS) or a global one (IAM). */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AwsService<?> that && name.equals(that.name) && Objects.equals(region, that.region);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, region);
    }

    @Override
    public String toString() {
        return region == null ? name : name + "@" + region;
    }
}
