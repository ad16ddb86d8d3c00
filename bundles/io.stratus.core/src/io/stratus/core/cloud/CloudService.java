package io.stratus.core.cloud;

import java.util.List;

/** The AWS database services Stratus discovers, with the IAM actions discovery needs. */
public enum CloudService {
    RDS("RDS and Aurora", List.of("rds:DescribeDBInstances", "rds:DescribeDBClusters")),
    REDSHIFT("Redshift", List.of("redshift:DescribeClusters")),
    DOCUMENTDB("DocumentDB", List.of("rds:DescribeDBClusters", "rds:DescribeDBInstances")),
    DYNAMODB("DynamoDB", List.of("dynamodb:ListTables", "dynamodb:DescribeTable"));

    private final String displayName;
    private final List<String> iamActions;

    CloudService(String displayName, List<String> iamActions) {
        this.displayName = displayName;
        this.iamActions = iamActions;
    }

    public String displayName() {
        return displayName;
    }

    /** What an IAM policy must allow for discovery of this service. */
    public List<String> iamActions() {
        return iamActions;
    }
}
