package io.stratus.core.explorer;

import java.util.Objects;

/**
 * How the scan of one service in one region ended. Access denied names the IAM action that is
 * missing, so a person knows what to ask for; other failures carry AWS's own error.
 */
public record ScanStatus(Outcome outcome, String detail) {

    public enum Outcome {
        OK, ACCESS_DENIED, FAILED, TIMED_OUT
    }

    public static final ScanStatus OK = new ScanStatus(Outcome.OK, "");

    public ScanStatus {
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    public static ScanStatus accessDenied(String missingAction) {
        return new ScanStatus(Outcome.ACCESS_DENIED, "No permission: your IAM policies do not allow " + missingAction + ".");
    }
}
