package io.stratus.core.cloud;

import java.util.List;
import java.util.Objects;

/**
 * An AWS database service as the explorer shows it, contributed with its discovery: {@code id}
 * names it in the API ({@code RDS}, {@code DYNAMODB}), {@code position} orders the explorer's
 * services (lower first), and {@code iamActions} are what an IAM policy must allow for its
 * discovery.
 */
public record CloudService(String id, String displayName, List<String> iamActions, int position) {

    public CloudService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        iamActions = List.copyOf(iamActions);
    }
}
