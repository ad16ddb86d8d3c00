package io.stratus.core.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The AWS account an instance belongs to, and who bound it when (to the microsecond, as the store keeps it). */
public record InstanceBinding(String accountId, String partition, String boundByPrincipalId, Instant boundAt) {

    public InstanceBinding {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(boundByPrincipalId, "boundByPrincipalId");
        boundAt = Objects.requireNonNull(boundAt, "boundAt").truncatedTo(ChronoUnit.MICROS);
    }
}
