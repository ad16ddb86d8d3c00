package io.stratus.store.internal;

import io.stratus.core.access.Permission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A store as Stratus wrote it before the store had areas: one schema version for the whole store
 * (1 to 3), built by that Stratus's own scripts (kept unchanged in {@code legacy-schema/}) the way
 * its migrations ran them, and filled with rows as its writers wrote them.
 */
final class StoreBeforeAreas {

    static final List<String> SCRIPTS = List.of("V1__initial.sql", "V2__saved_connections.sql",
            "V3__role_database_limits.sql");

    static final String ALICE = "AIDAALICE";
    static final String BOB = "AIDABOB";
    static final Instant LATER = FirstSetup.AT.plus(Duration.ofHours(1));

    private StoreBeforeAreas() {
    }

    /** Builds the schema of {@code version} in an empty database and fills in what that version can hold. */
    static void create(Connection connection, int version) throws SQLException {
        for (int applied = 1; applied <= version; applied++) {
            String script = SCRIPTS.get(applied - 1);
            try (Statement statement = connection.createStatement()) {
                for (String sql : Migrations.statements(read(script))) {
                    statement.execute(sql);
                }
            }
            insert(connection, "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)", applied,
                    script.substring(script.indexOf("__") + 2, script.lastIndexOf('.')), FirstSetup.AT);
        }
        insert(connection, "INSERT INTO instance_binding (id, account_id, aws_partition, bound_by, bound_at)"
                + " VALUES (1, ?, ?, ?, ?)", FirstSetup.ACCOUNT, "aws", ALICE, FirstSetup.AT);
        for (String user : List.of(ALICE, BOB)) {
            insert(connection, "INSERT INTO users (principal_id, arn, display_name, principal_type, first_sign_in,"
                    + " last_sign_in) VALUES (?, ?, ?, ?, ?, ?)", user, FirstSetup.user(user).arn(),
                    FirstSetup.user(user).displayName(), "IAM_USER", FirstSetup.AT, FirstSetup.AT);
        }
        insert(connection, "INSERT INTO custom_roles (role_id, name) VALUES (?, ?)", "auditor", "Auditor");
        for (Permission permission : List.of(Permission.READ_AUDIT, Permission.EXPLORE)) {
            insert(connection, "INSERT INTO custom_role_permissions (role_id, permission) VALUES (?, ?)", "auditor",
                    permission.id());
        }
        insert(connection, "INSERT INTO role_grants (principal_id, role_id) VALUES (?, ?)", ALICE, "administrator");
        insert(connection, "INSERT INTO role_grants (principal_id, role_id) VALUES (?, ?)", BOB, "auditor");
        insert(connection, "INSERT INTO role_grants (principal_id, role_id) VALUES (?, ?)", BOB, "viewer");
        insert(connection, "INSERT INTO settings (setting_key, setting_value) VALUES (?, ?)", ConfigStoreContract.SETTING,
                "Welcome");
        insert(connection, "INSERT INTO audit_log (occurred_at, actor, action, outcome, detail) VALUES (?, ?, ?, ?, ?)",
                FirstSetup.AT, null, "sign-in", "refused", "");
        insert(connection, "INSERT INTO audit_log (occurred_at, actor, action, outcome, detail) VALUES (?, ?, ?, ?, ?)",
                LATER, ALICE, "grant", "success", "auditor to bob (AIDABOB)");
        if (version >= 2) {
            insert(connection, "INSERT INTO saved_connections (connection_id, principal_id, name, resource_id, username,"
                    + " database_name, iam_auth) VALUES (?, ?, ?, ?, ?, ?, ?)", "c-1", BOB, "Orders",
                    "arn:aws:rds:eu-west-1:123456789012:db:orders", "reporting", "orders", true);
        }
        if (version >= 3) {
            insert(connection, "INSERT INTO role_database_limits (role_id, resource_pattern) VALUES (?, ?)", "auditor",
                    "arn:aws:rds:*:*:db:reporting-*");
        }
    }

    private static void insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    insert.setNull(i + 1, Types.VARCHAR);
                } else {
                    insert.setObject(i + 1, values[i] instanceof Instant at ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC)
                            : values[i]);
                }
            }
            insert.executeUpdate();
        }
    }

    private static String read(String script) {
        try (InputStream in = StoreBeforeAreas.class.getResourceAsStream("/legacy-schema/" + script)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
