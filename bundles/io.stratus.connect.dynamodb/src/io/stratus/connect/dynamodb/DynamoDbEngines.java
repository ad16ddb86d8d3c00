package io.stratus.connect.dynamodb;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.cloud.DatabaseEngine.ConnectionDefaults;
import io.stratus.core.cloud.EngineContribution;
import io.stratus.core.cloud.LoginMethod;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

/** Amazon DynamoDB. */
@Component
public final class DynamoDbEngines implements EngineContribution {

    /**
     * HTTPS to the regional endpoint; a connection opens the table the explorer names. Requests are
     * signed with the person's AWS keys, which is not IAM database authentication.
     */
    static final List<DatabaseEngine> ENGINES = List.of(new DatabaseEngine("dynamodb", "DynamoDB", "dynamodb",
            Optional.empty(), new ConnectionDefaults(443, Optional.empty(), true,
                    Set.of(LoginMethod.AWS_IDENTITY))));

    @Override
    public List<DatabaseEngine> engines() {
        return ENGINES;
    }
}
