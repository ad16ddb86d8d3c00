package io.stratus.ui.admin;

/** The ids of the administration's commands and parts, and the data keys tests find its controls by. */
public final class AdminCommands {

    /** Opens the Users and Roles editor (needs {@code list-users}). */
    public static final String OPEN_USERS_AND_ROLES = "io.stratus.ui.admin.openUsersAndRoles";
    /** Shows the Audit Trail view (needs {@code read-audit}). */
    public static final String SHOW_AUDIT = "io.stratus.ui.admin.showAudit";
    /** Writes the audit entries the Audit Trail view shows to a CSV file: the one named by {@link #EXPORT_FILE}, or one the person picks. */
    public static final String EXPORT_AUDIT = "io.stratus.ui.admin.exportAudit";
    /** Optional parameter of {@link #EXPORT_AUDIT}: the file's path. */
    public static final String EXPORT_FILE = "io.stratus.ui.admin.exportAudit.file";

    public static final String USERS_AND_ROLES_EDITOR = "io.stratus.ui.admin.usersAndRoles";
    public static final String AUDIT_VIEW = "io.stratus.ui.admin.audit";

    /* Data keys (Control.getData) of the controls a person works with, for tests. */
    public static final String EDITOR_TABS = "io.stratus.ui.admin.editorTabs";
    public static final String USERS_TABLE = "io.stratus.ui.admin.users";
    public static final String USER_ROLES_LIST = "io.stratus.ui.admin.userRoles";
    public static final String ROLES_TABLE = "io.stratus.ui.admin.roles";
    public static final String ROLE_ID_FIELD = "io.stratus.ui.admin.roleId";
    public static final String ROLE_NAME_FIELD = "io.stratus.ui.admin.roleName";
    public static final String ROLE_PERMISSIONS_LIST = "io.stratus.ui.admin.rolePermissions";
    public static final String DATABASE_LIMITS_FIELD = "io.stratus.ui.admin.databaseLimits";
    public static final String DEFAULT_ROLE_CHOICE = "io.stratus.ui.admin.defaultRole";
    public static final String AUDIT_TABLE = "io.stratus.ui.admin.auditTable";
    public static final String AUDIT_WHO_FIELD = "io.stratus.ui.admin.auditWho";
    public static final String AUDIT_WHAT_CHOICE = "io.stratus.ui.admin.auditWhat";
    public static final String AUDIT_WHEN_CHOICE = "io.stratus.ui.admin.auditWhen";
    public static final String STATUS_LINE = "io.stratus.ui.admin.statusLine";

    private AdminCommands() {
    }
}
