package io.stratus.core.access;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** A named set of permissions. Three are built in; administrators may define more. */
public record Role(String id, String name, Set<Permission> permissions, boolean builtIn) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public static final Role ADMINISTRATOR = new Role("administrator", "Administrator",
            EnumSet.allOf(Permission.class), true);
    public static final Role USER = new Role("user", "User",
            EnumSet.of(Permission.EXPLORE, Permission.CONNECT, Permission.WRITE_DATA), true);
    public static final Role VIEWER = new Role("viewer", "Viewer",
            EnumSet.of(Permission.EXPLORE, Permission.CONNECT), true);

    public static final Set<Role> BUILT_IN = Set.of(ADMINISTRATOR, USER, VIEWER);
    /**
     * The roles an instance's configuration may give new users; an Administrator may choose any
     * role, but a setting file cannot make strangers Administrators.
     */
    public static final Set<Role> CONFIGURABLE_DEFAULTS = Set.of(USER, VIEWER);

    public Role {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (!ID.matcher(id).matches()) {
            throw new StratusException(Problem.INVALID_INPUT, "Role id '" + id
                    + "' is not valid: use 2 to 40 lowercase letters, digits and dashes, starting with a letter.");
        }
        if (name.isBlank()) {
            throw new StratusException(Problem.INVALID_INPUT, "Role '" + id + "' needs a name.");
        }
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /** A custom role: never built in. */
    public static Role custom(String id, String name, Set<Permission> permissions) {
        return new Role(id, name, permissions, false);
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    /** Everything the given roles allow together. */
    public static Set<Permission> union(Collection<Role> roles) {
        EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
        roles.forEach(r -> all.addAll(r.permissions()));
        return all;
    }
}
