package io.stratus.core;

import java.util.Objects;

/**
 * Registered as an OSGi service by a service that cannot start on the configuration it was
 * given (a store that cannot be opened, a schema that does not match): the front door that
 * started Stratus stops start-up and shows the message, instead of running without the service.
 *
 * @param service the configuration PID of the service that failed
 * @param message for the operator: what happened and what to do; never a secret
 */
public record StartupFailure(String service, String message) {

    public StartupFailure {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(message, "message");
    }
}
