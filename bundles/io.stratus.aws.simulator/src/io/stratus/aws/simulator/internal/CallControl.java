package io.stratus.aws.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A say in every call besides the simulator's own, for a test fixture: delay calls, answer some in
 * the simulator's place, move its clock, record what was asked. Demo mode runs with {@link #NONE}.
 */
public interface CallControl {

    /** The simulator answers every call itself, by its own clock. */
    CallControl NONE = (call, simulator) -> simulator.get();

    /**
     * One call as it arrives, before authentication, as at AWS's front door. {@code action} is
     * IAM-style ({@code sts:GetCallerIdentity}) and {@code operation} its name on the wire;
     * {@code region} is empty and {@code accessKeyId} null for an unsigned call;
     * {@code principalArn} owns the access key, null if the key is unknown.
     */
    record Call(Instant time, String requestId, Api api, String action, String operation, String region,
            String accessKeyId, String principalArn) {
    }

    /** Answers the call; {@code simulator} gives the simulator's own answer (authenticated and run). */
    Dispatcher.Answer answer(Call call, Supplier<Dispatcher.Answer> simulator);

    /** How far the simulator's clock is ahead of the clock it was given. */
    default Duration clockOffset() {
        return Duration.ZERO;
    }
}
