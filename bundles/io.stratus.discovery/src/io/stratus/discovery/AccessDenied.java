package io.stratus.discovery;

/** The person's IAM policies do not allow {@link #action()}, e.g. {@code rds:DescribeDBInstances}. */
public final class AccessDenied extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String action;

    public AccessDenied(String action, Throwable cause) {
        super(action, cause, false, false);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
