package io.stratus.aws.simulator.internal;

import io.stratus.aws.simulator.seed.Seed;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The seed's principals and keys, plus the temporary keys STS has issued since the start. */
final class Identities {

    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final Seed seed;
    private final Map<String, Credential> credentials = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    Identities(Seed seed) {
        this.seed = seed;
        for (Seed.Account account : seed.accounts()) {
            addLongTerm(account.root().accessKeys(), new Principal.Root(account));
            for (Seed.User user : account.users()) {
                addLongTerm(user.accessKeys(), new Principal.User(account, user));
            }
        }
    }

    private void addLongTerm(Iterable<Seed.AccessKey> keys, Principal owner) {
        for (Seed.AccessKey key : keys) {
            credentials.put(key.id(), new Credential(key.id(), key.secret(), owner,
                    key.status() == Seed.AccessKey.Status.Active, null, null));
        }
    }

    Optional<Credential> credential(String accessKeyId) {
        return Optional.ofNullable(credentials.get(accessKeyId));
    }

    /** Issues temporary credentials ({@code ASIA...}, secret, session token) valid until {@code expiration}. */
    Credential issueTemporary(Principal principal, Instant expiration) {
        StringBuilder keyId = new StringBuilder("ASIA");
        for (int i = 0; i < 16; i++) {
            keyId.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
        }
        Credential credential = new Credential(keyId.toString(), randomBase64(30), principal, true, randomBase64(300),
                expiration);
        credentials.put(credential.accessKeyId(), credential);
        return credential;
    }

    private String randomBase64(int bytes) {
        byte[] data = new byte[bytes];
        random.nextBytes(data);
        return Base64.getEncoder().encodeToString(data);
    }

    /** A session of the role with this ARN, if the seed has the role. */
    Optional<Principal.RoleSession> roleSession(String roleArn, String sessionName) {
        for (Seed.Account account : seed.accounts()) {
            for (Seed.Role role : account.roles()) {
                if (role.arn(account.id()).equals(roleArn)) {
                    return Optional.of(new Principal.RoleSession(account, role, sessionName));
                }
            }
        }
        return Optional.empty();
    }

    Optional<Seed.Organization> organization(Seed.Account account) {
        return seed.organizations().stream().filter(o -> o.id().equals(account.organization())).findFirst();
    }
}
