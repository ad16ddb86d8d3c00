package io.stratus.aws.simulator.internal;

import io.stratus.aws.simulator.seed.Seed;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The seed's principals and keys, plus the temporary keys STS has issued since the start. */
final class Identities {

    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final Seed seed;
    private final Map<String, Credential> credentials = new ConcurrentHashMap<>();
    /** Per MFA device serial, the 30-second step of the last code accepted. */
    private final Map<String, Long> lastAcceptedStep = new ConcurrentHashMap<>();
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
                    key.status() == Seed.AccessKey.Status.Active, null, null, false));
        }
    }

    Optional<Credential> credential(String accessKeyId) {
        return Optional.ofNullable(credentials.get(accessKeyId));
    }

    /**
     * Issues temporary credentials ({@code ASIA...}, secret, session token) valid until {@code expiration},
     * with MFA present if their sign-in gave a valid code.
     */
    Credential issueTemporary(Principal principal, Instant expiration, boolean mfaPresent) {
        StringBuilder keyId = new StringBuilder("ASIA");
        for (int i = 0; i < 16; i++) {
            keyId.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
        }
        Credential credential = new Credential(keyId.toString(), randomBase64(30), principal, true, randomBase64(300),
                expiration, mfaPresent);
        credentials.put(credential.accessKeyId(), credential);
        return credential;
    }

    /** The temporary keys issued so far. */
    Stream<Credential> issued() {
        return credentials.values().stream().filter(Credential::temporary);
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

    /**
     * Checks an MFA code as STS does: the serial must name a device of the caller (else "unable to
     * validate"), and the code must be that of the current 30-second step or one next to it (a clock
     * that drifts a little) and later than the last code accepted from the device, so that no code
     * works twice.
     */
    void verifyMfa(Principal caller, String serial, String code, Instant now) {
        Seed.MfaDevice device = caller instanceof Principal.User user ? user.user().mfaDevices().stream()
                .filter(candidate -> user.account().mfaSerial(candidate).equals(serial))
                .findFirst().orElse(null) : null;
        if (device == null) {
            throw new AwsError(AwsError.Kind.ACCESS_DENIED, "MultiFactorAuthentication failed, unable to validate MFA "
                    + "code. Please verify your MFA serial number is valid and associated with this user.");
        }
        for (int steps = -1; steps <= 1; steps++) {
            Instant at = now.plus(Seed.MfaDevice.STEP.multipliedBy(steps));
            if (device.codeAt(at).equals(code) && accept(serial, Seed.MfaDevice.stepAt(at))) {
                return;
            }
        }
        throw new AwsError(AwsError.Kind.ACCESS_DENIED, "MultiFactorAuthentication failed with invalid MFA one time "
                + "pass code. ");
    }

    /** Records the step as used, unless it or a later one was used before. */
    private boolean accept(String serial, long step) {
        boolean[] fresh = {false};
        lastAcceptedStep.compute(serial, (s, last) -> {
            fresh[0] = last == null || step > last;
            return fresh[0] ? step : last;
        });
        return fresh[0];
    }

    Optional<Seed.Account> account(String accountId) {
        return seed.accounts().stream().filter(account -> account.id().equals(accountId)).findFirst();
    }

    Optional<Seed.Organization> organization(Seed.Account account) {
        return seed.organizations().stream().filter(o -> o.id().equals(account.organization())).findFirst();
    }
}
