package io.stratus.aws.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a database does with an IAM authentication token at login: the token is a GET request
 * presigned with SigV4 for the database's service ({@code rds-db} for RDS, {@code dsql} for Aurora
 * DSQL); it must name this endpoint and carry the parameters the login asks for, be signed by a
 * current key of the account and be used within its lifetime (at most 15 minutes).
 */
final class DatabaseAuthTokens {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Duration LONGEST_LIFETIME = Duration.ofMinutes(15);

    private final Identities identities;

    DatabaseAuthTokens(Identities identities) {
        this.identities = identities;
    }

    /** RDS's: a "connect" of {@code dbUser} at {@code host:port}. */
    String verifyRds(String token, String host, int port, String region, String dbUser, Instant now) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Action", "connect");
        expected.put("DBUser", dbUser);
        return verify(token, host + ":" + port, "rds-db", region, expected, now);
    }

    /** Aurora DSQL's: {@code DbConnectAdmin} for the role {@code admin}, {@code DbConnect} for any other, at the host. */
    String verifyDsql(String token, String host, String region, String role, Instant now) {
        return verify(token, host, "dsql", region, Map.of("Action", "admin".equals(role) ? "DbConnectAdmin" : "DbConnect"),
                now);
    }

    /** The ARN of the identity whose keys signed the token; an IllegalArgumentException says why a login fails. */
    private String verify(String token, String endpoint, String signingName, String region, Map<String, String> expected,
            Instant now) {
        if (!token.startsWith(endpoint + "/?")) {
            throw refused("the token is for another endpoint than " + endpoint);
        }
        String rawQuery = token.substring(endpoint.length() + 2);
        Map<String, String> query = parameters(rawQuery);
        expected.forEach((name, value) -> require(query, name, value));
        require(query, "X-Amz-Algorithm", SigV4.ALGORITHM);
        require(query, "X-Amz-SignedHeaders", "host");
        String[] scope = query.getOrDefault("X-Amz-Credential", "").split("/");
        if (scope.length != 5 || !scope[2].equals(region) || !scope[3].equals(signingName)
                || !scope[4].equals("aws4_request")) {
            throw refused("the token is not signed for " + signingName + " in " + region);
        }
        Instant signedAt;
        Duration lifetime;
        try {
            signedAt = LocalDateTime.parse(query.getOrDefault("X-Amz-Date", ""), AMZ_DATE).toInstant(ZoneOffset.UTC);
            lifetime = Duration.ofSeconds(Long.parseLong(query.getOrDefault("X-Amz-Expires", "")));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw refused("the token's X-Amz-Date or X-Amz-Expires is malformed");
        }
        if (lifetime.compareTo(LONGEST_LIFETIME) > 0 || !now.isBefore(signedAt.plus(lifetime))) {
            throw refused("the token has expired");
        }
        Credential credential = identities.credential(scope[0]).filter(Credential::active)
                .orElseThrow(() -> refused("the token is signed with an unknown or inactive access key"));
        if (!Objects.equals(query.get("X-Amz-Security-Token"), credential.sessionToken())) {
            throw refused("the token's session token does not belong to its access key");
        }
        String unsigned = List.of(rawQuery.split("&")).stream().filter(pair -> !pair.startsWith("X-Amz-Signature="))
                .collect(Collectors.joining("&"));
        HttpCall connect = new HttpCall("GET", "/", unsigned, Map.of("host", List.of(endpoint)), new byte[0]);
        SigV4.Authorization authorization = new SigV4.Authorization(scope[0], scope[1], scope[2], scope[3], List.of("host"),
                query.getOrDefault("X-Amz-Signature", ""));
        if (!SigV4.verify(connect, authorization, query.get("X-Amz-Date"), credential.secret())) {
            throw refused("the token's signature does not match");
        }
        return credential.principal().arn();
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(SigV4.decode(nameValue[0]), nameValue.length == 2 ? SigV4.decode(nameValue[1]) : "");
        }
        return parameters;
    }

    private static void require(Map<String, String> query, String name, String expected) {
        if (!expected.equals(query.get(name))) {
            throw refused("the token's " + name + " is '" + query.get(name) + "', not '" + expected + "'");
        }
    }

    private static IllegalArgumentException refused(String reason) {
        return new IllegalArgumentException("PAM authentication failed: " + reason);
    }
}
