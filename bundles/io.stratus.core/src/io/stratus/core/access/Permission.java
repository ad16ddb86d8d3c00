package io.stratus.core.access;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a role may do in Stratus. AWS's own IAM policies still apply on top of these. */
public enum Permission {
    EXPLORE("explore", "See the account's databases in the explorer"),
    CONNECT("connect", "Open databases and read their data"),
    WRITE_DATA("write-data", "Change data in the databases"),
    MANAGE_USERS("manage-users", "Grant and revoke roles of users"),
    MANAGE_ROLES("manage-roles", "Create, change and delete custom roles"),
    MANAGE_INSTANCE("manage-instance", "Change the instance's settings"),
    READ_AUDIT("read-audit", "Read the audit trail");

    private final String id;
    private final String description;

    Permission(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The stable name used in the API and the store. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static Permission fromId(String id) {
        for (Permission p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new StratusException(Problem.INVALID_INPUT, "Unknown permission '" + id + "'. Use one of: "
                + Arrays.stream(values()).map(Permission::id).collect(Collectors.joining(", ")) + ".");
    }
}
