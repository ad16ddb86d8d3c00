package io.stratus.aws.simulator.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary database passwords Redshift issues, for provisioned clusters and Serverless
 * workgroups alike, which the database's login checks ({@link #verify}).
 */
final class RedshiftPasswords {

    private static final Duration SHORTEST = Duration.ofMinutes(15);
    private static final Duration LONGEST = Duration.ofHours(1);
    static final long DEFAULT_SECONDS = SHORTEST.toSeconds();

    /** Credentials issued: for which cluster or workgroup (its ARN) and database user, until when. */
    private record Issued(String resourceArn, String dbUser, Instant expiration) {
    }

    private final SecureRandom random = new SecureRandom();
    /** By password: the passwords are random and unique. */
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    /** A new password for {@code dbUser} on the cluster or workgroup {@code resourceArn}. */
    String issue(String resourceArn, String dbUser, Instant expiration) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String password = Base64.getEncoder().encodeToString(bytes);
        issued.put(password, new Issued(resourceArn, dbUser, expiration));
        return password;
    }

    /** Whether the cluster or workgroup would let {@code dbUser} in with {@code password}: issued for it, not expired. */
    boolean verify(String resourceArn, String dbUser, String password, Instant now) {
        Issued found = issued.get(password);
        return found != null && found.resourceArn().equals(resourceArn) && found.dbUser().equals(dbUser)
                && now.isBefore(found.expiration());
    }

    /** The passwords issued so far, for tests that search for leaks. */
    List<String> issuedPasswords() {
        return new ArrayList<>(issued.keySet());
    }

    /** How long issued credentials last: 900 to 3600 seconds, as Redshift allows; otherwise {@code refusal}. */
    static Duration lifetime(long seconds, AwsError.Kind refusal) {
        Duration lifetime = Duration.ofSeconds(seconds);
        if (lifetime.compareTo(SHORTEST) < 0 || lifetime.compareTo(LONGEST) > 0) {
            throw new AwsError(refusal, "The duration must be between 900 and 3600 seconds.");
        }
        return lifetime;
    }

    /** The database user of the caller's own IAM identity: {@code IAM:user} or {@code IAMR:role}. */
    static String iamDbUser(Principal caller) {
        return switch (caller) {
            case Principal.User user -> "IAM:" + user.user().name();
            case Principal.RoleSession session -> "IAMR:" + session.role().name();
            case Principal.Root root -> throw new AwsError(AwsError.Kind.INVALID_PARAMETER_VALUE,
                    "The account root cannot get database credentials with IAM.");
        };
    }
}
