package io.stratus.admin.internal;

import io.stratus.admin.AdminConfiguration;
import io.stratus.core.admin.AuditRecord;
import io.stratus.core.admin.UserAdministration;
import io.stratus.core.admin.UserView;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;
import io.stratus.core.identity.AwsIdentity;
import io.stratus.core.identity.PrincipalType;
import io.stratus.core.database.AccessMode;
import io.stratus.core.access.DatabaseAccess;
import io.stratus.core.session.Admission;
import io.stratus.core.session.AuditTrail;
import io.stratus.core.session.PermissionsListener;
import io.stratus.core.session.UserSession;
import io.stratus.core.store.AuditEntry;
import io.stratus.core.store.ConfigStore;
import io.stratus.core.store.IdentityReader;
import io.stratus.core.store.IdentityWriter;
import io.stratus.core.store.InstanceBinding;
import io.stratus.core.store.StoredUser;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the instance and what they may do: setup and account binding, admission of the
 * account's identities, roles and grants, and the audit trail. All state is in the store, read
 * afresh on every check, so a grant or revoke reaches live sessions at once.
 * <p>
 * Root sign-in is refused: AWS advises against access keys for the root user, and an instance
 * administered through them could not be handed over with IAM.
 */
@Component(service = {Admission.class, AuditTrail.class, UserAdministration.class, DatabaseAccess.class},
        configurationPid = AdminConfiguration.PID)
public final class InstanceAdministration implements Admission, AuditTrail, UserAdministration, DatabaseAccess {

    /** Enough patterns for any sensible rule; a bound, so a role stays readable. */
    static final int MAX_DATABASE_PATTERNS = 100;

    @interface Config {
        /** The role of new users until an Administrator chooses one (see {@link Role#CONFIGURABLE_DEFAULTS}). */
        String defaultRole() default "user";
    }

    private static final Logger LOG = LoggerFactory.getLogger(InstanceAdministration.class);

    private final ConfigStore store;
    private final String configuredDefaultRole;
    private final Clock clock = Clock.systemUTC();
    /** Service objects, so that telling a listener never activates it from inside this component's work. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<ComponentServiceObjects<PermissionsListener>> permissionsListeners;

    @Activate
    public InstanceAdministration(@Reference ConfigStore store, Config config) {
        if (Role.CONFIGURABLE_DEFAULTS.stream().noneMatch(role -> role.id().equals(config.defaultRole()))) {
            throw new StratusException(Problem.INVALID_INPUT, "Setting defaultRole of io.stratus.admin: '"
                    + config.defaultRole() + "' is neither user nor viewer.");
        }
        this.store = store;
        this.configuredDefaultRole = config.defaultRole();
    }

    // --- Admission -----------------------------------------------------------------------------

    @Override
    public String admit(AwsIdentity identity) {
        refuseRoot(identity);
        InstanceBinding binding = store.read(tx -> tx.identity().binding()).orElseThrow(() -> new StratusException(
                Problem.CONFLICT, "This Stratus instance is not configured yet. The first person to use it "
                        + "configures it with setup, which makes them its Administrator."));
        if (!bindsTo(binding, identity.partition(), identity.accountId())) {
            // Say nothing about either account: the stranger learns nothing and nothing is stored.
            throw new StratusException(Problem.FORBIDDEN, "These AWS keys belong to another AWS account than "
                    + "the one this Stratus instance is bound to. Sign in with keys of the instance's account.");
        }
        return store.write(tx -> {
            IdentityWriter access = tx.identity();
            Instant now = clock.instant();
            Optional<StoredUser> known = access.user(identity.principalId());
            access.saveUser(userOf(identity, known.map(StoredUser::firstSignIn).orElse(now), now));
            if (known.isEmpty()) {
                access.grant(identity.principalId(), defaultRoleIn(access));
            }
            return identity.principalId();
        });
    }

    @Override
    public String setUp(AwsIdentity identity) {
        refuseRoot(identity);
        return store.write(tx -> {
            IdentityWriter access = tx.identity();
            Instant now = clock.instant();
            access.bind(new InstanceBinding(identity.accountId(), identity.partition(), identity.principalId(), now));
            access.saveUser(userOf(identity, now, now));
            access.grant(identity.principalId(), Role.ADMINISTRATOR.id());
            return identity.principalId();
        });
    }

    @Override
    public boolean refusesAccount(String partition, String accountId) {
        return store.read(tx -> tx.identity().binding())
                .map(binding -> !bindsTo(binding, partition, accountId))
                .orElse(false);
    }

    private static boolean bindsTo(InstanceBinding binding, String partition, String accountId) {
        return binding.accountId().equals(accountId) && binding.partition().equals(partition);
    }

    @Override
    public boolean configured() {
        return store.read(tx -> tx.identity().binding()).isPresent();
    }

    @Override
    public Set<Permission> permissionsOf(String principalId) {
        return store.read(tx -> {
            Map<String, Role> roles = rolesById(tx.identity());
            EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
            tx.identity().grantsOf(principalId).stream().map(roles::get).filter(r -> r != null)
                    .forEach(r -> all.addAll(r.permissions()));
            return all;
        });
    }

    // --- AuditTrail ----------------------------------------------------------------------------

    @Override
    public void record(String actor, String action, String outcome, String detail) {
        store.write(tx -> {
            tx.audit().append(new AuditEntry(clock.instant(), actor, action, outcome, detail));
            return null;
        });
    }

    // --- UserAdministration --------------------------------------------------------------------

    @Override
    public List<UserView> users(UserSession actor) {
        actor.require(Action.LIST_USERS);
        return store.read(tx -> {
            IdentityReader identity = tx.identity();
            return identity.users().stream().map(u -> viewOf(u, identity.grantsOf(u.principalId()))).toList();
        });
    }

    @Override
    public UserView self(UserSession actor) {
        return store.read(tx -> tx.identity().user(actor.principalId())
                .map(u -> viewOf(u, tx.identity().grantsOf(u.principalId())))
                .orElseThrow(() -> new StratusException(Problem.NOT_SIGNED_IN,
                        "Your Stratus user no longer exists. Sign in again.")));
    }

    @Override
    public UserView setRoles(UserSession actor, String principalId, Set<String> roleIds) {
        actor.require(Action.GRANT_ROLES);
        return after(store.write(tx -> {
            IdentityWriter identity = tx.identity();
            StoredUser user = identity.user(principalId).orElseThrow(() -> new StratusException(Problem.NOT_FOUND,
                    "No user with id " + principalId + " has signed in to this instance. Users appear here after "
                            + "their first sign-in."));
            Map<String, Role> roles = rolesById(identity);
            List<String> unknown = roleIds.stream().filter(id -> !roles.containsKey(id)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new StratusException(Problem.INVALID_INPUT, "Unknown role " + String.join(", ", unknown)
                        + ". Roles of this instance: " + String.join(", ", new TreeSet<>(roles.keySet())) + ".");
            }
            Set<String> before = identity.grantsOf(principalId);
            String admin = Role.ADMINISTRATOR.id();
            if (before.contains(admin) && !roleIds.contains(admin) && identity.holdersOf(admin) <= 1) {
                throw new StratusException(Problem.CONFLICT, user.displayName() + " is the only Administrator. "
                        + "Grant the Administrator role to another user first.");
            }
            for (String added : difference(roleIds, before)) {
                identity.grant(principalId, added);
                tx.audit().append(entry(actor, "grant", added + " to " + describe(user)));
            }
            for (String removed : difference(before, roleIds)) {
                identity.revoke(principalId, removed);
                tx.audit().append(entry(actor, "revoke", removed + " from " + describe(user)));
            }
            return viewOf(user, identity.grantsOf(principalId));
        }), this::tellPermissionsChanged);
    }

    @Override
    public List<Role> roles(UserSession actor) {
        actor.require(Action.LIST_ROLES);
        return store.read(tx -> Stream.concat(builtInRoles(), tx.identity().customRoles().stream()).toList());
    }

    @Override
    public Role createCustomRole(UserSession actor, Role role) {
        return saveCustomRole(actor, role, true);
    }

    @Override
    public Role changeCustomRole(UserSession actor, Role role) {
        return saveCustomRole(actor, role, false);
    }

    /** Whether the role exists is read in the same transaction that saves it, so two creations cannot both win. */
    private Role saveCustomRole(UserSession actor, Role role, boolean create) {
        actor.require(Action.EDIT_ROLES);
        if (Role.BUILT_IN.stream().anyMatch(r -> r.id().equals(role.id()))) {
            throw new StratusException(Problem.CONFLICT, "'" + role.id() + "' is a built-in role and cannot be "
                    + "changed. Create a custom role with another id.");
        }
        Role custom = Role.custom(role.id(), role.name(), role.permissions());
        return after(store.write(tx -> {
            boolean exists = tx.identity().customRoles().stream().anyMatch(r -> r.id().equals(custom.id()));
            if (create && exists) {
                throw new StratusException(Problem.CONFLICT, "A role with id '" + custom.id() + "' exists already. "
                        + "Choose another id, or change that role.");
            }
            if (!create && !exists) {
                throw new StratusException(Problem.NOT_FOUND, "There is no role '" + custom.id() + "'. Create it first.");
            }
            tx.identity().saveCustomRole(custom);
            tx.audit().append(entry(actor, "save-role", custom.id() + " = " + custom.permissions().stream()
                    .map(Permission::id).sorted().collect(Collectors.joining(","))));
            return custom;
        }), this::tellPermissionsChanged);
    }

    @Override
    public void deleteCustomRole(UserSession actor, String roleId) {
        actor.require(Action.EDIT_ROLES);
        after(store.write(tx -> {
            IdentityWriter identity = tx.identity();
            if (identity.customRoles().stream().noneMatch(r -> r.id().equals(roleId))) {
                throw new StratusException(Problem.NOT_FOUND, "There is no custom role '" + roleId + "'.");
            }
            identity.deleteCustomRole(roleId);
            if (roleId.equals(defaultRoleIn(identity))) {
                identity.putSetting(DEFAULT_ROLE_SETTING, configuredDefaultRole);
            }
            tx.audit().append(entry(actor, "delete-role", roleId));
            return null;
        }), this::tellPermissionsChanged);
    }

    /** The result of a stored change, once {@code then} has run. */
    private static <T> T after(T stored, Runnable then) {
        then.run();
        return stored;
    }

    private void tellPermissionsChanged() {
        for (ComponentServiceObjects<PermissionsListener> objects : permissionsListeners) {
            PermissionsListener listener = objects.getService();
            if (listener == null) {
                continue; // it is going away
            }
            try {
                listener.permissionsChanged();
            } catch (RuntimeException e) {
                LOG.warn("{} failed to follow a change of permissions", listener.getClass().getName(), e);
            } finally {
                objects.ungetService(listener);
            }
        }
    }

    @Override
    public String defaultRole(UserSession actor) {
        actor.require(Action.READ_DEFAULT_ROLE);
        return store.read(tx -> defaultRoleIn(tx.identity()));
    }

    @Override
    public void setDefaultRole(UserSession actor, String roleId) {
        actor.require(Action.CHOOSE_DEFAULT_ROLE);
        store.write(tx -> {
            if (!rolesById(tx.identity()).containsKey(roleId)) {
                throw new StratusException(Problem.INVALID_INPUT, "Unknown role '" + roleId + "'.");
            }
            tx.identity().putSetting(DEFAULT_ROLE_SETTING, roleId);
            tx.audit().append(entry(actor, "default-role", roleId));
            return null;
        });
    }

    @Override
    public Map<String, List<String>> databaseLimits(UserSession actor) {
        actor.require(Action.LIST_ROLES);
        return store.read(tx -> tx.identity().databaseLimits());
    }

    @Override
    public void setDatabaseLimits(UserSession actor, String roleId, List<String> patterns) {
        actor.require(Action.LIMIT_DATABASES);
        if (roleId.equals(Role.ADMINISTRATOR.id())) {
            throw new StratusException(Problem.CONFLICT, "Administrators open every database; limit the other roles.");
        }
        if (patterns.size() > MAX_DATABASE_PATTERNS) {
            throw new StratusException(Problem.INVALID_INPUT, "A role takes at most " + MAX_DATABASE_PATTERNS
                    + " database patterns; use '*' to cover many databases with one.");
        }
        for (String pattern : patterns) {
            if (pattern == null || pattern.isBlank() || pattern.length() > 2048) {
                throw new StratusException(Problem.INVALID_INPUT, "A database pattern is a resource id from the explorer"
                        + " (up to 2048 characters), '*' matching any characters, such as arn:aws:rds:*:*:db:reporting-*.");
            }
        }
        store.write(tx -> {
            if (!rolesById(tx.identity()).containsKey(roleId)) {
                throw new StratusException(Problem.NOT_FOUND, "There is no role '" + roleId + "'.");
            }
            tx.identity().setDatabaseLimits(roleId, patterns.stream().map(String::strip).toList());
            tx.audit().append(entry(actor, "limit-databases",
                    roleId + " = " + (patterns.isEmpty() ? "(all)" : String.join(",", patterns))));
            return null;
        });
    }

    @Override
    public AccessMode modeFor(UserSession session, String resourceId) {
        return store.read(tx -> {
            IdentityReader identity = tx.identity();
            Map<String, Role> roles = rolesById(identity);
            Map<String, List<String>> limits = identity.databaseLimits();
            List<Role> connecting = identity.grantsOf(session.principalId()).stream().map(roles::get)
                    .filter(role -> role != null && role.allows(Action.OPEN_DATABASE.permission()))
                    .sorted(Comparator.comparing(Role::id)).toList();
            List<Role> opening = connecting.stream().filter(role -> role.equals(Role.ADMINISTRATOR)
                    || !limits.containsKey(role.id()) || limits.get(role.id()).stream().anyMatch(p -> matches(p, resourceId)))
                    .toList();
            if (opening.isEmpty()) {
                throw new StratusException(Problem.FORBIDDEN, "Your Stratus roles (" + connecting.stream().map(Role::id)
                        .collect(Collectors.joining(", ")) + ") may not open " + resourceId
                        + ". Ask a Stratus Administrator to let one of them open it.");
            }
            // A write permission counts only through a role that may open this database.
            return opening.stream().anyMatch(role -> role.allows(Action.WRITE_DATA.permission())) ? AccessMode.READ_WRITE
                    : AccessMode.READ_ONLY;
        });
    }

    /** A pattern's '*' matches any characters; everything else matches itself. */
    static boolean matches(String pattern, String resourceId) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.matches(regex.toString(), resourceId);
    }

    @Override
    public List<AuditRecord> audit(UserSession actor, int limit) {
        actor.require(Action.READ_AUDIT);
        if (limit < 1 || limit > MAX_AUDIT_ENTRIES) {
            throw new StratusException(Problem.INVALID_INPUT, "Ask for 1 to " + MAX_AUDIT_ENTRIES + " audit entries, not "
                    + limit + ".");
        }
        return store.read(tx -> tx.audit().newest(limit).stream()
                .map(e -> new AuditRecord(e.at(), e.actor(), e.action(), e.outcome(), e.detail())).toList());
    }

    // --- helpers -------------------------------------------------------------------------------

    private static void refuseRoot(AwsIdentity identity) {
        if (identity.type() == PrincipalType.ROOT) {
            throw new StratusException(Problem.FORBIDDEN, "Stratus does not accept the root user's access keys: "
                    + "AWS advises against using them. Sign in with an IAM user's keys or with temporary keys of a role.");
        }
    }

    /** An Administrator's choice, else the instance's configuration. */
    private String defaultRoleIn(IdentityReader identity) {
        return identity.setting(DEFAULT_ROLE_SETTING).orElse(configuredDefaultRole);
    }

    private static Map<String, Role> rolesById(IdentityReader identity) {
        return Stream.concat(builtInRoles(), identity.customRoles().stream())
                .collect(Collectors.toMap(Role::id, Function.identity()));
    }

    private static Stream<Role> builtInRoles() {
        return Stream.of(Role.ADMINISTRATOR, Role.USER, Role.VIEWER);
    }

    private static StoredUser userOf(AwsIdentity identity, Instant firstSignIn, Instant lastSignIn) {
        return new StoredUser(identity.principalId(), identity.arn(), identity.displayName(), identity.type(),
                firstSignIn, lastSignIn);
    }

    private static UserView viewOf(StoredUser user, Set<String> roleIds) {
        return new UserView(user.principalId(), user.arn(), user.displayName(), user.type(), roleIds,
                user.firstSignIn(), user.lastSignIn());
    }

    private AuditEntry entry(UserSession actor, String action, String detail) {
        return new AuditEntry(clock.instant(), actor.principalId(), action, "success", detail);
    }

    private static String describe(StoredUser user) {
        return user.displayName() + " (" + user.principalId() + ")";
    }

    private static List<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.removeAll(b);
        return new ArrayList<>(new TreeSet<>(result));
    }
}
