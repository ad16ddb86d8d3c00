package io.stratus.aws.simulator.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything the simulator knows: organizations and accounts with their root, IAM users and IAM
 * roles, and per region their databases ({@link RegionSeed}); optionally an IAM Identity Center
 * instance ({@link IdentityCenterSeed}). Build one with {@link #builder()} or load a JSON seed file with {@link #fromJson(Path)};
 * the JSON mirrors these records field by field (see {@code seeds/example.json} in this bundle).
 *
 * <p>Omitted fields get AWS-like defaults: path {@code /}, unique ids derived from the account and
 * name ({@code AIDA...}, {@code AROA...}), access keys {@code Active}, a role session limit of one
 * hour, and no allow/deny lists (everything allowed).
 */
public record Seed(List<Organization> organizations, List<Account> accounts, IdentityCenterSeed identityCenter) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ORGANIZATION_ID = Pattern.compile("o-[a-z0-9]{10,32}");

    public Seed {
        organizations = listOrEmpty(organizations);
        accounts = listOrEmpty(accounts);
        requireUnique(accounts.stream().map(Account::id), "account id");
        requireUnique(organizations.stream().map(Organization::id), "organization id");
        requireUnique(accounts.stream().flatMap(Account::accessKeys).map(AccessKey::id), "access key id");
        Set<String> organizationIds = new HashSet<>(organizations.stream().map(Organization::id).toList());
        for (Account account : accounts) {
            if (account.organization() != null && !organizationIds.contains(account.organization())) {
                throw new IllegalArgumentException("Account " + account.id() + " names organization "
                        + account.organization() + ", which the seed does not define.");
            }
        }
        Set<String> accountIds = new HashSet<>(accounts.stream().map(Account::id).toList());
        if (identityCenter != null) {
            identityCenter.users().stream().flatMap(user -> user.assignments().stream())
                    .filter(assignment -> !accountIds.contains(assignment.account())).findFirst()
                    .ifPresent(assignment -> {
                        throw new IllegalArgumentException("An Identity Center assignment names account "
                                + assignment.account() + ", which the seed does not define.");
                    });
        }
    }

    /** The seed's IAM Identity Center instance, if it has one. */
    public Optional<IdentityCenterSeed> identityCenterInstance() {
        return Optional.ofNullable(identityCenter);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads a JSON seed file; unknown fields are errors, so a typo does not silently drop a user. */
    public static Seed fromJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(in);
        }
    }

    public static Seed fromJson(InputStream json) throws IOException {
        try {
            return new ObjectMapper().readValue(json, Seed.class);
        } catch (ValueInstantiationException e) {
            // The records' own validation message says what is wrong; Jackson's wrapping only adds noise.
            throw new IllegalArgumentException("Invalid seed: " + e.getCause().getMessage(), e);
        }
    }

    /** The allow and deny lists of a principal: action patterns such as {@code sts:*} or {@code iam:List*}. */
    public sealed interface Permissions permits Root, User, Role {
        /** If not empty, only matching actions are allowed. */
        List<String> allow();

        /** Matching actions are denied, whatever {@link #allow()} says. */
        List<String> deny();
    }

    /** An AWS Organization; its ARN defaults to the one AWS derives from the master account and id. */
    public record Organization(String id, String arn, String masterAccountId, String masterAccountEmail) {
        public Organization {
            require(id != null && ORGANIZATION_ID.matcher(id).matches(), "Organization id " + id
                    + " is not of the form o-[a-z0-9]{10,32}.");
            requireAccountId(masterAccountId, "Master account id of organization " + id);
            require(masterAccountEmail != null, "Organization " + id + " needs a masterAccountEmail.");
            arn = arn != null ? arn : "arn:aws:organizations::" + masterAccountId + ":organization/" + id;
        }

        public String masterAccountArn() {
            return "arn:aws:organizations::" + masterAccountId + ":account/" + id + "/" + masterAccountId;
        }
    }

    /**
     * An AWS account. {@code organization} is the id of the organization it belongs to, or null when
     * Organizations is not in use for it. {@code regions} hold its databases, region by region.
     */
    public record Account(String id, String alias, String organization, Root root, List<User> users, List<Role> roles,
            List<RegionSeed> regions) {
        public Account {
            requireAccountId(id, "Account id");
            root = root != null ? root : new Root(null, null, null);
            users = listOrEmpty(users).stream().map(u -> u.id() != null ? u
                    : new User(u.name(), u.path(), uniqueId("AIDA", id, u.name()), u.accessKeys(), u.mfaDevices(),
                            u.allow(), u.deny(), u.denyWithoutMfa()))
                    .toList();
            roles = listOrEmpty(roles).stream().map(r -> r.id() != null ? r
                    : new Role(r.name(), r.path(), uniqueId("AROA", id, r.name()), r.trustedBy(), r.externalId(),
                            r.mfaRequired(), r.maxSessionDurationSeconds(), r.keysLastSeconds(), r.allow(), r.deny()))
                    .toList();
            requireUnique(users.stream().map(User::name), "user name in account " + id);
            requireUnique(users.stream().flatMap(u -> u.mfaDevices().stream()).map(MfaDevice::name),
                    "MFA device name in account " + id);
            requireUnique(roles.stream().map(Role::name), "role name in account " + id);
            regions = listOrEmpty(regions).stream().map(region -> region.inAccount(id)).toList();
            requireUnique(regions.stream().map(RegionSeed::name), "region in account " + id);
            for (Role role : roles) {
                for (String entry : role.trustedBy()) {
                    trustedArn(id, users, role, entry); // fails for a user name the account does not have
                }
            }
        }

        public String rootArn() {
            return rootArn(id);
        }

        /** The serial number of an MFA device of this account: its ARN, {@code arn:aws:iam::ID:mfa/NAME}. */
        public String mfaSerial(MfaDevice device) {
            return "arn:aws:iam::" + id + ":mfa/" + device.name();
        }

        /** What the account holds in a region; empty for a region the seed does not name. */
        public RegionSeed region(String name) {
            return regions.stream().filter(region -> region.name().equals(name)).findFirst()
                    .orElseGet(() -> RegionSeed.empty(name));
        }

        /** Who may assume the role, as ARNs; an account's root ARN stands for all its users and roles. */
        public List<String> trustedArns(Role role) {
            return role.trustedBy().stream().map(entry -> trustedArn(id, users, role, entry)).toList();
        }

        private static String trustedArn(String accountId, List<User> users, Role role, String entry) {
            if (entry.startsWith("arn:")) {
                return entry;
            }
            if (ACCOUNT_ID.matcher(entry).matches()) {
                return rootArn(entry);
            }
            return users.stream().filter(user -> user.name().equals(entry)).findFirst()
                    .map(user -> user.arn(accountId))
                    .orElseThrow(() -> new IllegalArgumentException("Role " + role.name() + " in account " + accountId
                            + " trusts " + entry + ", which is neither a user of this account, an ARN nor an account id."));
        }

        private static String rootArn(String accountId) {
            return "arn:aws:iam::" + accountId + ":root";
        }

        /** Every access key of the account: the root's and its users'. */
        Stream<AccessKey> accessKeys() {
            return Stream.concat(root.accessKeys().stream(), users.stream().flatMap(u -> u.accessKeys().stream()));
        }
    }

    /** The account root user; AWS lets it have access keys of its own (discouraged, but seen). */
    public record Root(List<AccessKey> accessKeys, List<String> allow, List<String> deny) implements Permissions {
        public Root {
            accessKeys = listOrEmpty(accessKeys);
            allow = listOrEmpty(allow);
            deny = listOrEmpty(deny);
        }
    }

    /**
     * An IAM user. {@code denyWithoutMfa} lists action patterns that a policy conditioned on {@code
     * aws:MultiFactorAuthPresent} denies unless the request is signed with keys of an MFA sign-in.
     */
    public record User(String name, String path, String id, List<AccessKey> accessKeys, List<MfaDevice> mfaDevices,
            List<String> allow, List<String> deny, List<String> denyWithoutMfa) implements Permissions {
        public User {
            require(name != null && !name.isBlank(), "A user needs a name.");
            path = normalizePath(path);
            accessKeys = listOrEmpty(accessKeys);
            mfaDevices = listOrEmpty(mfaDevices);
            allow = listOrEmpty(allow);
            deny = listOrEmpty(deny);
            denyWithoutMfa = listOrEmpty(denyWithoutMfa);
        }

        public String arn(String accountId) {
            return "arn:aws:iam::" + accountId + ":user" + path + name;
        }
    }

    /**
     * A virtual MFA device assigned to a user: its name (the serial number is the ARN {@code
     * arn:aws:iam::ACCOUNT:mfa/NAME}) and the base32 secret an authenticator app is given.
     */
    public record MfaDevice(String name, String secret) {
        /** How long a code lasts. */
        public static final Duration STEP = Duration.ofSeconds(Totp.STEP_SECONDS);

        public MfaDevice {
            require(name != null && name.matches("[\\w+=,.@-]{1,128}"), "MFA device name " + name
                    + " is not 1 to 128 letters, digits or +=,.@-_.");
            require(secret != null && !secret.isBlank(), "MFA device " + name + " needs a base32 secret.");
            require(Totp.base32(secret).length >= 10, "The secret of MFA device " + name
                    + " is shorter than 80 bits.");
        }

        /** The six-digit code the device shows at that time (RFC 6238, 30-second steps). */
        public String codeAt(Instant at) {
            return Totp.code(Totp.base32(secret), Totp.step(at));
        }

        /** The 30-second step a time falls in, counted from the epoch. */
        public static long stepAt(Instant at) {
            return Totp.step(at);
        }

        @Override
        public String toString() { // the secret makes every code
            return "MfaDevice[" + name + "]";
        }
    }

    /**
     * An IAM role. {@code trustedBy} lists who may assume it: a user name of the same account, the
     * ARN of a user or role (of any account), or an account id / {@code arn:aws:iam::ID:root} for
     * every user and role of that account. Its trust policy may also demand an external ID ({@code
     * sts:ExternalId}) and MFA ({@code aws:MultiFactorAuthPresent}). {@code keysLastSeconds}, the simulator's own
     * and no IAM setting, makes the keys STS issues for the role last that long whatever was asked, so that tests
     * and demos see keys expire sooner than AWS's shortest (15 minutes); null: as asked.
     */
    public record Role(String name, String path, String id, List<String> trustedBy, String externalId,
            Boolean mfaRequired, Integer maxSessionDurationSeconds, Integer keysLastSeconds, List<String> allow,
            List<String> deny)
            implements Permissions {
        public Role {
            require(name != null && !name.isBlank(), "A role needs a name.");
            path = normalizePath(path);
            trustedBy = listOrEmpty(trustedBy);
            mfaRequired = mfaRequired != null && mfaRequired;
            maxSessionDurationSeconds = maxSessionDurationSeconds != null ? maxSessionDurationSeconds : 3600;
            require(maxSessionDurationSeconds >= 3600 && maxSessionDurationSeconds <= 43200,
                    "Role " + name + ": maxSessionDurationSeconds must be between 3600 and 43200, as in IAM.");
            require(keysLastSeconds == null || keysLastSeconds > 0, "Role " + name + ": keysLastSeconds must be positive.");
            allow = listOrEmpty(allow);
            deny = listOrEmpty(deny);
        }

        public String arn(String accountId) {
            return "arn:aws:iam::" + accountId + ":role" + path + name;
        }
    }

    /** A long-term access key. */
    public record AccessKey(String id, String secret, Status status) {
        /** Spelled as IAM spells it, so a seed file reads like IAM's own output. */
        public enum Status { Active, Inactive }

        public AccessKey {
            require(id != null && id.length() >= 16, "Access key id " + id + " is shorter than 16 characters.");
            require(secret != null && !secret.isEmpty(), "Access key " + id + " needs a secret.");
            status = status != null ? status : Status.Active;
        }
    }

    /** Builds a seed in Java; every method mirrors a field of the JSON format. */
    public static final class Builder {
        private final List<Organization> organizations = new ArrayList<>();
        private final List<Account> accounts = new ArrayList<>();
        private IdentityCenterSeed identityCenter;

        private Builder() {
        }

        /** The IAM Identity Center instance whose users sign in to the seed's accounts. */
        public Builder identityCenter(IdentityCenterSeed instance) {
            this.identityCenter = instance;
            return this;
        }

        public Builder organization(String id, String masterAccountId, String masterAccountEmail) {
            organizations.add(new Organization(id, null, masterAccountId, masterAccountEmail));
            return this;
        }

        public Builder account(String id, Consumer<AccountBuilder> definition) {
            AccountBuilder account = new AccountBuilder(id);
            definition.accept(account);
            accounts.add(account.build());
            return this;
        }

        public Seed build() {
            return new Seed(organizations, accounts, identityCenter);
        }
    }

    public static final class AccountBuilder {
        private final String id;
        private String alias;
        private String organization;
        private final RootBuilder root = new RootBuilder();
        private final List<User> users = new ArrayList<>();
        private final List<Role> roles = new ArrayList<>();
        private final List<RegionSeed> regions = new ArrayList<>();

        private AccountBuilder(String id) {
            this.id = id;
        }

        public AccountBuilder alias(String alias) {
            this.alias = alias;
            return this;
        }

        /** Puts the account in an organization defined with {@link Builder#organization}. */
        public AccountBuilder organization(String organizationId) {
            this.organization = organizationId;
            return this;
        }

        public AccountBuilder root(Consumer<RootBuilder> definition) {
            definition.accept(root);
            return this;
        }

        public AccountBuilder user(String name, Consumer<UserBuilder> definition) {
            UserBuilder user = new UserBuilder();
            definition.accept(user);
            users.add(new User(name, user.path, user.id, user.accessKeys, user.mfaDevices, user.allow, user.deny,
                    user.denyWithoutMfa));
            return this;
        }

        public AccountBuilder role(String name, Consumer<RoleBuilder> definition) {
            RoleBuilder role = new RoleBuilder();
            definition.accept(role);
            roles.add(new Role(name, role.path, role.id, role.trustedBy, role.externalId, role.mfaRequired,
                    role.maxSessionDurationSeconds, role.keysLastSeconds, role.allow, role.deny));
            return this;
        }

        /** The account's databases in one region, e.g. {@code "eu-west-1"}. */
        public AccountBuilder region(String name, Consumer<RegionBuilder> definition) {
            RegionBuilder region = new RegionBuilder(name);
            definition.accept(region);
            regions.add(region.build());
            return this;
        }

        private Account build() {
            return new Account(id, alias, organization, new Root(root.accessKeys, root.allow, root.deny), users, roles,
                    regions);
        }
    }

    /** Allow and deny lists, which the root, users and roles all have. */
    public abstract static sealed class PermissionsBuilder<B extends PermissionsBuilder<B>>
            permits AccessKeysBuilder, RoleBuilder {
        final List<String> allow = new ArrayList<>();
        final List<String> deny = new ArrayList<>();

        /** Only actions matching one of these patterns (e.g. {@code sts:*}) are allowed. */
        public B allow(String... actionPatterns) {
            allow.addAll(List.of(actionPatterns));
            return self();
        }

        /** Actions matching one of these patterns are denied, whatever is allowed. */
        public B deny(String... actionPatterns) {
            deny.addAll(List.of(actionPatterns));
            return self();
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }
    }

    /** Long-term access keys, which the root and users have and roles do not. */
    public abstract static sealed class AccessKeysBuilder<B extends AccessKeysBuilder<B>> extends PermissionsBuilder<B>
            permits RootBuilder, UserBuilder {
        final List<AccessKey> accessKeys = new ArrayList<>();

        public B accessKey(String id, String secret) {
            return accessKey(id, secret, AccessKey.Status.Active);
        }

        public B accessKey(String id, String secret, AccessKey.Status status) {
            accessKeys.add(new AccessKey(id, secret, status));
            return self();
        }
    }

    public static final class RootBuilder extends AccessKeysBuilder<RootBuilder> {
        private RootBuilder() {
        }
    }

    public static final class UserBuilder extends AccessKeysBuilder<UserBuilder> {
        private String path;
        private String id;
        private final List<MfaDevice> mfaDevices = new ArrayList<>();
        private final List<String> denyWithoutMfa = new ArrayList<>();

        private UserBuilder() {
        }

        public UserBuilder path(String path) {
            this.path = path;
            return this;
        }

        /** The user's unique id ({@code AIDA...}); derived from account and name if not given. */
        public UserBuilder id(String id) {
            this.id = id;
            return this;
        }

        /** A virtual MFA device with this base32 secret. */
        public UserBuilder mfaDevice(String name, String base32Secret) {
            mfaDevices.add(new MfaDevice(name, base32Secret));
            return this;
        }

        /** Actions denied unless the request's keys come from an MFA sign-in ({@code aws:MultiFactorAuthPresent}). */
        public UserBuilder denyWithoutMfa(String... actionPatterns) {
            denyWithoutMfa.addAll(List.of(actionPatterns));
            return this;
        }
    }

    public static final class RoleBuilder extends PermissionsBuilder<RoleBuilder> {
        private String path;
        private String id;
        private final List<String> trustedBy = new ArrayList<>();
        private String externalId;
        private Boolean mfaRequired;
        private Integer maxSessionDurationSeconds;
        private Integer keysLastSeconds;

        private RoleBuilder() {
        }

        public RoleBuilder path(String path) {
            this.path = path;
            return this;
        }

        /** The role's unique id ({@code AROA...}); derived from account and name if not given. */
        public RoleBuilder id(String id) {
            this.id = id;
            return this;
        }

        /** User names of this account, user/role ARNs or account ids that may assume the role. */
        public RoleBuilder trustedBy(String... principals) {
            trustedBy.addAll(List.of(principals));
            return this;
        }

        /** The trust policy asks for this external ID ({@code sts:ExternalId}). */
        public RoleBuilder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /** The trust policy asks for MFA ({@code aws:MultiFactorAuthPresent}). */
        public RoleBuilder mfaRequired() {
            this.mfaRequired = true;
            return this;
        }

        public RoleBuilder maxSessionDuration(Duration duration) {
            maxSessionDurationSeconds = Math.toIntExact(duration.toSeconds());
            return this;
        }

        /** The simulator's own: keys issued for the role last this long, whatever was asked (see {@link Role}). */
        public RoleBuilder keysLast(Duration duration) {
            keysLastSeconds = Math.toIntExact(duration.toSeconds());
            return this;
        }
    }

    private static String normalizePath(String path) {
        if (path == null) {
            return "/";
        }
        require(path.startsWith("/") && path.endsWith("/"), "IAM path " + path + " must begin and end with /.");
        return path;
    }

    /** A stable id in AWS's shape (prefix + 17 characters of [A-Z2-7]) so repeated runs see the same ids. */
    private static String uniqueId(String prefix, String accountId, String name) {
        return prefix + StableIds.of(StableIds.BASE32, 17, accountId + "/" + name);
    }

    private static void requireAccountId(String id, String what) {
        require(id != null && ACCOUNT_ID.matcher(id).matches(), what + " " + id + " is not 12 digits.");
    }

    static void requireUnique(Stream<String> values, String what) {
        Set<String> seen = new HashSet<>();
        values.filter(v -> !seen.add(v)).findFirst().ifPresent(v -> {
            throw new IllegalArgumentException("Duplicate " + what + ": " + v);
        });
    }

    static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
