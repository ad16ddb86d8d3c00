package io.stratus.aws.simulator.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An IAM Identity Center instance: its AWS access portal ({@code startUrl}) in its region, its
 * permission sets, and its users with their assignments (a permission set in an account). A
 * permission set assigned in an account is the IAM role {@code AWSReservedSSO_NAME_HEX} there, so
 * the role credentials of a sign-in belong to {@code
 * arn:aws:sts::ACCOUNT:assumed-role/AWSReservedSSO_NAME_HEX/USER}.
 *
 * <p>Omitted fields get AWS's defaults: device codes last 600 seconds, clients poll every second,
 * role credentials last an hour.
 */
public record IdentityCenterSeed(String startUrl, String region, Integer deviceCodeSeconds, Integer pollIntervalSeconds,
        List<PermissionSet> permissionSets, List<User> users) {

    private static final Pattern START_URL = Pattern.compile("https://[\\w.-]+(:\\d+)?/start/?(#.*)?");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    public IdentityCenterSeed {
        Seed.require(startUrl != null && START_URL.matcher(startUrl).matches(), "Identity Center start URL " + startUrl
                + " is not of the form https://HOST/start.");
        Seed.require(region != null && REGION.matcher(region).matches(), "Identity Center region " + region
                + " is not an AWS region name.");
        deviceCodeSeconds = deviceCodeSeconds != null ? deviceCodeSeconds : 600;
        pollIntervalSeconds = pollIntervalSeconds != null ? pollIntervalSeconds : 1;
        Seed.require(deviceCodeSeconds > 0 && pollIntervalSeconds > 0,
                "Identity Center deviceCodeSeconds and pollIntervalSeconds must be positive.");
        permissionSets = Seed.listOrEmpty(permissionSets);
        users = Seed.listOrEmpty(users);
        Seed.requireUnique(permissionSets.stream().map(PermissionSet::name), "permission set name");
        Seed.requireUnique(users.stream().map(User::name), "Identity Center user name");
        Set<String> names = permissionSets.stream().map(PermissionSet::name).collect(Collectors.toSet());
        for (User user : users) {
            for (Assignment assignment : user.assignments()) {
                Seed.require(names.contains(assignment.permissionSet()), "User " + user.name() + " is assigned "
                        + "the permission set " + assignment.permissionSet() + ", which the seed does not define.");
            }
        }
    }

    /** An instance with no permission sets and no users yet; add them with the {@code with} methods. */
    public static IdentityCenterSeed of(String startUrl, String region) {
        return new IdentityCenterSeed(startUrl, region, null, null, null, null);
    }

    public IdentityCenterSeed withPermissionSet(String name, List<String> allow, List<String> deny) {
        List<PermissionSet> more = new ArrayList<>(permissionSets);
        more.add(new PermissionSet(name, null, allow, deny, null));
        return new IdentityCenterSeed(startUrl, region, deviceCodeSeconds, pollIntervalSeconds, more, users);
    }

    /** A user assigned each of {@code assignments}, written {@code ACCOUNT:PERMISSION_SET}. */
    public IdentityCenterSeed withUser(String name, String... assignments) {
        List<User> more = new ArrayList<>(users);
        more.add(new User(name, null, List.of(assignments).stream().map(Assignment::parse).toList()));
        return new IdentityCenterSeed(startUrl, region, deviceCodeSeconds, pollIntervalSeconds, permissionSets, more);
    }

    public IdentityCenterSeed withDeviceCodeSeconds(int seconds) {
        return new IdentityCenterSeed(startUrl, region, seconds, pollIntervalSeconds, permissionSets, users);
    }

    /** The permission set with this name, if the instance has it. */
    public java.util.Optional<PermissionSet> permissionSet(String name) {
        return permissionSets.stream().filter(set -> set.name().equals(name)).findFirst();
    }

    /**
     * A permission set: what its role may do and how long its credentials last (1 to 12 hours).
     * {@code keysLastSeconds}, the simulator's own setting, makes its role credentials last less (a test's or
     * demo's keys that expire while one waits), as {@code keysLastSeconds} of a role does.
     */
    public record PermissionSet(String name, Integer sessionDurationSeconds, List<String> allow, List<String> deny,
            Integer keysLastSeconds) {
        public PermissionSet {
            Seed.require(name != null && name.matches("[\\w+=,.@-]{1,32}"), "Permission set name " + name
                    + " is not 1 to 32 letters, digits or +=,.@-_.");
            sessionDurationSeconds = sessionDurationSeconds != null ? sessionDurationSeconds : 3600;
            Seed.require(sessionDurationSeconds >= 3600 && sessionDurationSeconds <= 43200,
                    "Permission set " + name + ": sessionDurationSeconds must be between 3600 and 43200.");
            allow = Seed.listOrEmpty(allow);
            deny = Seed.listOrEmpty(deny);
            Seed.require(keysLastSeconds == null || keysLastSeconds > 0, "Permission set " + name
                    + ": keysLastSeconds must be positive.");
        }

        /** How long the role credentials it gives last. */
        public int credentialSeconds() {
            return keysLastSeconds != null ? keysLastSeconds : sessionDurationSeconds;
        }

        /**
         * The role Identity Center makes for the permission set in an account it is assigned in: it
         * trusts only Identity Center's SAML provider, so no key of the account can assume it.
         */
        public Seed.Role role(String accountId, String startUrl) {
            String roleName = "AWSReservedSSO_" + name + "_" + StableIds.of(StableIds.HEX, 16, startUrl + "/" + name);
            return new Seed.Role(roleName, "/aws-reserved/sso.amazonaws.com/",
                    "AROA" + StableIds.of(StableIds.BASE32, 17, accountId + "/" + roleName), List.of(), null, false,
                    sessionDurationSeconds, null, allow, deny);
        }
    }

    /** A person of the instance's identity store; {@code email} defaults to NAME@example.com. */
    public record User(String name, String email, List<Assignment> assignments) {
        public User {
            Seed.require(name != null && name.matches("[\\w+=,.@-]{2,64}"), "Identity Center user name " + name
                    + " is not 2 to 64 letters, digits or +=,.@-_.");
            email = email != null ? email : name + "@example.com";
            assignments = Seed.listOrEmpty(assignments);
        }
    }

    /** A permission set assigned to a user in an account. */
    public record Assignment(String account, String permissionSet) {
        public Assignment {
            Seed.require(account != null && account.matches("\\d{12}"), "Assignment account " + account
                    + " is not 12 digits.");
            Seed.require(permissionSet != null, "An assignment names a permission set.");
        }

        static Assignment parse(String accountColonSet) {
            String[] parts = accountColonSet.split(":", 2);
            Seed.require(parts.length == 2, "Assignment " + accountColonSet + " is not ACCOUNT:PERMISSION_SET.");
            return new Assignment(parts[0], parts[1]);
        }
    }
}
