package io.stratus.store.internal;

import java.util.List;

/**
 * A feature area of the store: the tables it owns and the ordered scripts that build them, in the
 * bundle's {@code db/<id>/} folder. Version n of an area is its n-th script; {@code
 * area_schema_version} records the versions applied. Adding a version means adding a script and its
 * name here, never editing an old one. Areas are migrated in this order, so an area may refer to the
 * tables of one before it.
 */
enum Area {

    IDENTITY("identity", "identity and roles", "V1__users_and_roles.sql", "V2__role_database_limits.sql"),
    /** After identity: a saved connection belongs to a user. */
    CONNECTIONS("connections", "saved connections", "V1__saved_connections.sql", "V2__saved_connection_secrets.sql",
            "V3__saved_connection_logins.sql"),
    AUDIT("audit", "the audit trail", "V1__audit_log.sql"),
    COUNTS("counts", "shared counts", "V1__shared_counts.sql");

    /** As recorded in the store; never changes. */
    final String id;
    /** For people: "has schema version 3 for identity and roles". */
    final String description;
    private final List<String> scripts;

    Area(String id, String description, String... scripts) {
        this.id = id;
        this.description = description;
        this.scripts = List.of(scripts);
    }

    int latest() {
        return scripts.size();
    }

    /** The script of a version, 1 to {@link #latest()}, as a path in the bundle. */
    String script(int version) {
        return "db/" + id + "/" + scripts.get(version - 1);
    }
}
