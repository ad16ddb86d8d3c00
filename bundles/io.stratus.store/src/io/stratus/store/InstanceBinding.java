package io.stratus.store;

import java.time.Instant;
import java.util.Objects;

/** The AWS account an instance belongs to, and who bound it when. */
public record InstanceBinding(String accountId, String partition, String boundByPrincipalId, Instant boundAt) {

    public InstanceBinding {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(boundByPrincipalId, "boundByPrincipalId");
        Objects.requireNonNull(boundAt, "boundAt");
    }
}
