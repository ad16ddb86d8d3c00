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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Brings a store's schema to the versions this code knows: first the store's layout, the tables
 * every area shares, then each {@link Area}'s own scripts. A store from before areas (layout 1 to
 * 3, one version for the whole store) is taken over in place: its tables are those of the area
 * versions it amounts to. Scripts hold portable SQL, one statement per semicolon at a line end,
 * comments on lines of their own.
 */
final class Migrations {

    /** The layout in which each area records its own versions; older layouts versioned the whole store. */
    static final int LAYOUT = 4;

    private static final String LAYOUT_SCRIPT = "db/store/layout.sql";
    private static final String AREA_VERSIONS_SCRIPT = "db/store/area_schema_version.sql";
    /** What the whole-store versions before areas (layouts 1 to 3) hold, as a version of each area. */
    private static final List<Map<Area, Integer>> BEFORE_AREAS = List.of(
            Map.of(Area.IDENTITY, 1, Area.CONNECTIONS, 0, Area.AUDIT, 1, Area.COUNTS, 0),
            Map.of(Area.IDENTITY, 1, Area.CONNECTIONS, 1, Area.AUDIT, 1, Area.COUNTS, 0),
            Map.of(Area.IDENTITY, 2, Area.CONNECTIONS, 1, Area.AUDIT, 1, Area.COUNTS, 0));
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (\\w+)", Pattern.CASE_INSENSITIVE);

    private Migrations() {
    }

    /**
     * Applies the missing scripts in one transaction, or refuses a store it cannot trust: one
     * written by a newer Stratus, one that should hold a schema but does not, one whose tables are
     * not those of the versions it records, or a database holding someone else's tables.
     */
    static void apply(Connection connection, Database database) {
        try {
            connection.setAutoCommit(false);
            database.lockMigrations(connection); // another process starting at once waits here, then finds the tables
            Set<String> tables = tablesOfCurrentSchema(connection);
            Map<Area, Integer> versions = tables.contains("schema_version") ? versionsOfExisting(connection, database, tables)
                    : createLayout(connection, database, tables);
            for (Area area : Area.values()) {
                for (int version = versions.get(area) + 1; version <= area.latest(); version++) {
                    run(connection, area.script(version));
                    record(connection, area, version);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollback(connection, e);
            throw database.failed("bring its schema up to date", e);
        } catch (RuntimeException e) {
            rollback(connection, e);
            throw e;
        }
    }

    /** Lays out a new store, whose areas are all still to be built. */
    private static Map<Area, Integer> createLayout(Connection connection, Database database, Set<String> tables)
            throws SQLException {
        if (database.mustHoldSchema()) {
            throw database.damaged("holds no Stratus schema: it is damaged or truncated", null);
        }
        if (!tables.isEmpty()) {
            throw new StratusException(Problem.UNAVAILABLE, "The database (" + database.describe()
                    + ") holds tables that are not a Stratus store: " + String.join(", ", tables)
                    + ". Point jdbcUrl at an empty database, so that Stratus never writes into another"
                    + " application's tables.");
        }
        run(connection, LAYOUT_SCRIPT);
        Map<Area, Integer> none = versionsOf(area -> 0);
        recordVersionsPerArea(connection, none);
        return none;
    }

    /** The versions an existing store holds, once it is sure that its tables are what they claim to be. */
    private static Map<Area, Integer> versionsOfExisting(Connection connection, Database database, Set<String> tables)
            throws SQLException {
        int layout = layoutOf(connection, database);
        if (layout > LAYOUT) {
            throw newer(database, "has schema version " + layout + ", but this Stratus knows versions up to " + LAYOUT);
        }
        if (layout < LAYOUT) {
            Map<Area, Integer> held = BEFORE_AREAS.get(layout - 1);
            Set<String> expected = tablesCreatedBy(List.of(LAYOUT_SCRIPT));
            Set<String> later = tablesCreatedBy(List.of(AREA_VERSIONS_SCRIPT));
            held.forEach((area, version) -> {
                expected.addAll(tablesOf(area, 1, version));
                later.addAll(tablesOf(area, version + 1, area.latest()));
            });
            checkTables(database, "records schema version " + layout, "schema_version", expected, later, tables);
            recordVersionsPerArea(connection, held);
            return held;
        }
        checkTables(database, "records schema version " + layout, "schema_version",
                tablesCreatedBy(List.of(LAYOUT_SCRIPT, AREA_VERSIONS_SCRIPT)), Set.of(), tables);
        Map<Area, Integer> recorded = areaVersionsOf(connection, database);
        for (Area area : Area.values()) {
            int version = recorded.get(area);
            checkTables(database, "records schema version " + version + " for " + area.description,
                    "area_schema_version", tablesOf(area, 1, version), tablesOf(area, version + 1, area.latest()), tables);
        }
        return recorded;
    }

    private static int layoutOf(Connection connection, Database database) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            result.next();
            int layout = result.getInt(1);
            if (result.wasNull() || layout < 1) {
                throw database.damaged("has lost its schema version", null);
            }
            return layout;
        }
    }

    /** Each area's version as recorded, 0 for an area not begun; refuses versions and areas this code does not know. */
    private static Map<Area, Integer> areaVersionsOf(Connection connection, Database database) throws SQLException {
        Map<String, Integer> recorded = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT area, MAX(version) FROM area_schema_version GROUP BY area")) {
            while (result.next()) {
                recorded.put(result.getString(1), result.getInt(2));
            }
        }
        Map<Area, Integer> versions = versionsOf(area -> {
            int version = recorded.getOrDefault(area.id, 0);
            if (version > area.latest()) {
                throw newer(database, "has schema version " + version + " for " + area.description
                        + ", but this Stratus knows versions up to " + area.latest());
            }
            return version;
        });
        Arrays.stream(Area.values()).forEach(area -> recorded.remove(area.id));
        if (!recorded.isEmpty()) {
            throw newer(database, "has schema versions for " + String.join(", ", new TreeSet<>(recorded.keySet()))
                    + ", which this Stratus does not know");
        }
        return versions;
    }

    private static Map<Area, Integer> versionsOf(ToIntFunction<Area> version) {
        Map<Area, Integer> versions = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            versions.put(area, version.applyAsInt(area));
        }
        return versions;
    }

    private static StratusException newer(Database database, String what) {
        return new StratusException(Problem.UNAVAILABLE, "The configuration store (" + database.describe() + ") " + what
                + ": a newer Stratus has used it. Run that newer Stratus again, or restore a backup taken before the"
                + " upgrade. The store was left as it is.");
    }

    /**
     * Refuses a store whose tables are not those of the versions it records: one that lacks a
     * table of its version lost it, and one that holds a table of a later version had its version
     * records changed; migrating either would build on a schema that is not what it claims.
     */
    private static void checkTables(Database database, String records, String versionTable, Set<String> expected,
            Set<String> later, Set<String> tables) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(tables);
        if (!missing.isEmpty()) {
            throw database.damaged(records + " but lacks its table(s) " + String.join(", ", missing), null);
        }
        Set<String> present = new TreeSet<>(later);
        present.retainAll(tables);
        if (!present.isEmpty()) {
            throw database.damaged(records + " but holds the table(s) " + String.join(", ", present)
                    + " of a later version: its " + versionTable + " rows were changed", null);
        }
    }

    /** The tables an area's scripts of versions {@code from} to {@code to} create. */
    private static Set<String> tablesOf(Area area, int from, int to) {
        return tablesCreatedBy(IntStream.rangeClosed(from, to).mapToObj(area::script).toList());
    }

    /** The tables the scripts create, as the scripts name them. */
    private static Set<String> tablesCreatedBy(List<String> scripts) {
        Set<String> tables = new TreeSet<>();
        for (String script : scripts) {
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

    /** Moves the store to {@link #LAYOUT}, recording the area versions it holds already. */
    private static void recordVersionsPerArea(Connection connection, Map<Area, Integer> held) throws SQLException {
        run(connection, AREA_VERSIONS_SCRIPT);
        for (Map.Entry<Area, Integer> area : held.entrySet()) {
            for (int version = 1; version <= area.getValue(); version++) {
                record(connection, area.getKey(), version);
            }
        }
        insert(connection, "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)", LAYOUT,
                "versions per area");
    }

    private static void record(Connection connection, Area area, int version) throws SQLException {
        String script = area.script(version);
        insert(connection, "INSERT INTO area_schema_version (area, version, description, applied_at) VALUES (?, ?, ?, ?)",
                area.id, version, script.substring(script.indexOf("__") + 2, script.lastIndexOf('.')));
    }

    /** Inserts a version record: the values given, then the time it is applied. */
    private static void insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.setObject(values.length + 1, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private static void run(Connection connection, String script) throws SQLException {
        for (String sql : statements(read(script))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    /** The statements of a script, as its migration runs them. */
    static List<String> statements(String script) {
        String code = script.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
        return Arrays.stream(code.split(";[ \\t]*(\\n|$)")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("/" + script)) {
            if (in == null) {
                throw new IllegalStateException("The bundle lacks " + script + "; it was built without its db/ folder.");
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
