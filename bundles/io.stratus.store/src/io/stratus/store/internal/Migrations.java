package io.stratus.store.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Brings a store's schema to the version this code knows. Version n is the n-th script of
 * {@link #SCRIPTS}, found in the bundle's {@code db/} folder; {@code schema_version} records the
 * versions applied. Adding a version means adding a script and its name here, never editing an
 * old one. Scripts hold portable SQL, one statement per semicolon at a line end, comments on
 * lines of their own.
 */
final class Migrations {

    static final List<String> SCRIPTS = List.of("V1__initial.sql", "V2__saved_connections.sql",
            "V3__role_database_limits.sql");
    static final int LATEST = SCRIPTS.size();

    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (\\w+)", Pattern.CASE_INSENSITIVE);

    private Migrations() {
    }

    /**
     * Applies the missing scripts in one transaction, or refuses a store it cannot trust: one
     * written by a newer Stratus, one that should hold a schema but does not, or a database
     * holding someone else's tables.
     */
    static void apply(Connection connection, Database database) {
        try {
            connection.setAutoCommit(false);
            Set<String> tables = tablesOfCurrentSchema(connection);
            int current = currentVersion(connection, database, tables);
            if (current > LATEST) {
                throw new StratusException(Problem.UNAVAILABLE, "The configuration store (" + database.describe()
                        + ") has schema version " + current + ", but this Stratus knows versions up to " + LATEST
                        + ": a newer Stratus has used it. Run that newer Stratus again, or restore a backup taken"
                        + " before the upgrade. The store was left as it is.");
            }
            checkTables(database, current, tables);
            for (int version = current + 1; version <= LATEST; version++) {
                run(connection, version);
            }
            connection.commit();
        } catch (SQLException e) {
            rollback(connection, e);
            throw database.failed("bring its schema to version " + LATEST, e);
        } catch (RuntimeException e) {
            rollback(connection, e);
            throw e;
        }
    }

    private static int currentVersion(Connection connection, Database database, Set<String> tables) throws SQLException {
        if (!tables.contains("schema_version")) {
            if (database.mustHoldSchema()) {
                throw database.damaged("holds no Stratus schema: it is damaged or truncated", null);
            }
            if (!tables.isEmpty()) {
                throw new StratusException(Problem.UNAVAILABLE, "The database (" + database.describe()
                        + ") holds tables that are not a Stratus store: " + String.join(", ", tables)
                        + ". Point jdbcUrl at an empty database, so that Stratus never writes into another"
                        + " application's tables.");
            }
            return 0;
        }
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            result.next();
            int version = result.getInt(1);
            if (result.wasNull()) {
                throw database.damaged("has lost its schema version", null);
            }
            return version;
        }
    }

    /**
     * Refuses a store whose tables are not those of the version it records: one that lacks a
     * table of its version lost it, and one that holds a table of a later version had its version
     * records changed; migrating either would build on a schema that is not what it claims.
     */
    private static void checkTables(Database database, int version, Set<String> tables) {
        Set<String> expected = tablesCreatedUpTo(version);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(tables);
        if (!missing.isEmpty()) {
            throw database.damaged("records schema version " + version + " but lacks its table(s) "
                    + String.join(", ", missing), null);
        }
        Set<String> later = new TreeSet<>(tablesCreatedUpTo(LATEST));
        later.removeAll(expected);
        later.retainAll(tables);
        if (!later.isEmpty()) {
            throw database.damaged("records schema version " + version + " but holds the table(s) "
                    + String.join(", ", later) + " of a later version: its schema_version rows were changed", null);
        }
    }

    /** The tables the scripts of versions 1 to {@code version} create, as the scripts name them. */
    private static Set<String> tablesCreatedUpTo(int version) {
        Set<String> tables = new TreeSet<>();
        for (String script : SCRIPTS.subList(0, version)) {
            for (String sql : statements(read(script))) {
                Matcher create = CREATE_TABLE.matcher(sql);
                if (create.lookingAt()) {
                    tables.add(create.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static Set<String> tablesOfCurrentSchema(Connection connection) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'")) {
            while (result.next()) {
                tables.add(result.getString(1).toLowerCase(Locale.ROOT)); // H2 folds names to upper case
            }
        }
        return tables;
    }

    private static void run(Connection connection, int version) throws SQLException {
        String script = SCRIPTS.get(version - 1);
        for (String sql : statements(read(script))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            insert.setInt(1, version);
            insert.setString(2, script.substring(script.indexOf("__") + 2, script.lastIndexOf('.')));
            insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private static List<String> statements(String script) {
        String code = script.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
        return Arrays.stream(code.split(";[ \\t]*(\\n|$)")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/" + script)) {
            if (in == null) {
                throw new IllegalStateException("The bundle lacks db/" + script + "; it was built without its db/ folder.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
