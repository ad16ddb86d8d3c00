package io.stratus.core.connector;

import io.stratus.core.cloud.ConnectionSpec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What an IAM database authentication token of an engine is: a GET request to the database's
 * endpoint, presigned with SigV4 for {@code signingName} in the database's region with the
 * person's keys, whose URL without its scheme is the password of one login. Engines differ in the
 * service they sign for and the query they sign; the AWS gateway signs them all alike.
 *
 * @param port the port the token names, empty where the engine's tokens name the host alone
 * @param query the request's parameters, in the order they are sent
 */
public record IamTokenRequest(String signingName, String host, OptionalInt port, Map<String, String> query) {

    public IamTokenRequest {
        Objects.requireNonNull(signingName, "signingName");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** RDS and Aurora: a "connect" of the database user at the endpoint's host and port, for {@code rds-db}. */
    public static IamTokenRequest rds(ConnectionSpec spec, String username) {
        return rds(spec.host(), spec.port(), username);
    }

    public static IamTokenRequest rds(String host, int port, String username) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("Action", "connect");
        query.put("DBUser", username);
        return new IamTokenRequest("rds-db", host, OptionalInt.of(port), query);
    }
}
