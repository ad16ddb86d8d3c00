package io.stratus.core.access;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a person can ask Stratus to do, each with the one permission it needs: the single table that
 * the services enforce (see {@link io.stratus.core.session.UserSession#require(Action)}), the HTTP API
 * publishes and front ends read to show or hide their commands.
 */
public enum Action {
    EXPLORE("explore", "see the account's databases in the explorer", Permission.EXPLORE),
    READ_CONNECTION_SETTINGS("read-connection-settings", "read the connection settings of a discovered database",
            Permission.EXPLORE),
    /** Needs connect only: the database is looked up in the person's discovered databases without needing explore. */
    OPEN_DATABASE("open-database", "open a database", Permission.CONNECT),
    USE_OPEN_DATABASES("use-open-databases", "list, query and close the databases you opened", Permission.CONNECT),
    SAVE_CONNECTIONS("save-connections", "keep your own saved connections", Permission.CONNECT),
    /** Enforced when a database is opened: a connection of a role without it is read-only. */
    WRITE_DATA("write-data", "change data in the databases you open", Permission.WRITE_DATA),
    LIST_USERS("list-users", "list users and their roles", Permission.MANAGE_USERS),
    GRANT_ROLES("grant-roles", "grant and revoke roles of users", Permission.MANAGE_USERS),
    LIST_ROLES("list-roles", "list roles and their database limits", Permission.MANAGE_USERS),
    EDIT_ROLES("edit-roles", "create, change and delete custom roles", Permission.MANAGE_ROLES),
    LIMIT_DATABASES("limit-databases", "limit the databases a role may open", Permission.MANAGE_ROLES),
    READ_DEFAULT_ROLE("read-default-role", "read the role new users get", Permission.MANAGE_INSTANCE),
    CHOOSE_DEFAULT_ROLE("choose-default-role", "choose the role new users get", Permission.MANAGE_INSTANCE),
    READ_AUDIT("read-audit", "read the audit trail", Permission.READ_AUDIT);

    private final String id;
    private final String description;
    private final Permission permission;

    Action(String id, String description, Permission permission) {
        this.id = id;
        this.description = description;
        this.permission = permission;
    }

    /** The stable name used in the API. */
    public String id() {
        return id;
    }

    /** Lower case, to follow "may": {@code "open a database"}. */
    public String description() {
        return description;
    }

    /** The permission a person's roles must give for this action. */
    public Permission permission() {
        return permission;
    }

    public static Action fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst()
                .orElseThrow(() -> new StratusException(Problem.INVALID_INPUT, "Unknown action '" + id + "'. Use one of: "
                        + Arrays.stream(values()).map(Action::id).collect(Collectors.joining(", ")) + "."));
    }
}
