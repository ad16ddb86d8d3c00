package io.stratus.core.explorer;

import java.util.List;
import java.util.Objects;

/**
 * How the scan of one service in one region ended, or that it has not answered yet. Access
 * denied names the IAM actions that are missing ({@code missingActions}), so a person knows what
 * to ask for; other failures carry AWS's own error in {@code detail}.
 */
public record ScanStatus(Outcome outcome, String detail, List<String> missingActions) {

    public enum Outcome {
        /** Still scanning: only trees handed out while a discovery runs hold it. */
        PENDING, OK, ACCESS_DENIED, FAILED, TIMED_OUT
    }

    public static final ScanStatus OK = new ScanStatus(Outcome.OK, "", List.of());
    public static final ScanStatus PENDING = new ScanStatus(Outcome.PENDING, "Scanning\u2026", List.of());

    public ScanStatus {
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
        missingActions = List.copyOf(missingActions);
    }

    /** A failure or timeout, with AWS's reason or ours. */
    public ScanStatus(Outcome outcome, String detail) {
        this(outcome, detail, List.of());
    }

    /** @param missingActions IAM actions such as {@code rds:DescribeDBInstances} */
    public static ScanStatus accessDenied(List<String> missingActions) {
        return new ScanStatus(Outcome.ACCESS_DENIED, "No permission: your IAM policies do not allow "
                + String.join(" and ", missingActions) + ".", missingActions);
    }
}
