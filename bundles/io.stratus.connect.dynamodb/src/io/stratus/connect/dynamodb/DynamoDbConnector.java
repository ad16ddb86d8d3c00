package io.stratus.connect.dynamodb;

import io.stratus.aws.AwsClients;
import io.stratus.connect.dynamodb.internal.DynamoDbLink;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.database.AccessMode;
import io.stratus.core.connector.DatabaseConnector;
import io.stratus.core.connector.DatabaseLogin;
import io.stratus.core.connector.DatabaseLink;

import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * DynamoDB tables, with the AWS SDK. DynamoDB has no database users: the person's own AWS
 * identity signs every request, so IAM decides what they may read and write, and Stratus's role
 * decides on top whether writes are sent at all. A connection opens one table (the resource the
 * explorer found), over the AWS client settings of the server (HTTPS, endpoint, timeouts).
 */
@Component(service = DatabaseConnector.class)
public final class DynamoDbConnector implements DatabaseConnector {

    private final AwsClients aws;

    @Activate
    public DynamoDbConnector(@Reference AwsClients aws) {
        this.aws = aws;
    }

    @Override
    public Set<String> engines() {
        return DynamoDbEngines.ENGINES.stream().map(DatabaseEngine::id).collect(Collectors.toSet());
    }

    @Override
    public DatabaseLink open(ConnectionSpec spec, DatabaseLogin login, AccessMode mode) {
        if (!engines().contains(spec.engine())) {
            throw new StratusException(Problem.INVALID_INPUT, "The DynamoDB connector does not serve " + spec.engine() + ".");
        }
        // The table is the resource itself: the Administrator's limits and the access mode were decided for it.
        String table = spec.resourceId().substring(spec.resourceId().indexOf(":table/") + ":table/".length());
        if (!spec.resourceId().contains(":table/") || spec.database().filter(name -> !name.equals(table)).isPresent()) {
            throw new StratusException(Problem.INVALID_INPUT, "A DynamoDB connection opens the table the explorer found ("
                    + table + "): leave the database empty, and open another table from the explorer.");
        }
        return DynamoDbLink.open(spec.region(), aws, login.awsKeys(), mode, table);
    }
}
