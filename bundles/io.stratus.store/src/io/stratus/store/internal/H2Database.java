package io.stratus.store.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

/** The embedded store: one H2 file, {@code <dataDirectory>/store/config.mv.db}. */
final class H2Database implements Database {

    private static final String NAME = "config";
    private static final String NAME_WHILE_CREATED = "config-new";
    private static final String FILE_SUFFIX = ".mv.db";
    /*
     * WRITE_DELAY=0: by default H2 keeps commits in memory for up to half a second, and a process
     * killed in that window loses them; a lost setup would let the next person become Administrator.
     * LOCK_TIMEOUT: how long a write waits for the write lock. DB_CLOSE_ON_EXIT=FALSE: the component
     * closes the store, not an H2 shutdown hook racing with transactions still running.
     */
    private static final String OPTIONS = ";WRITE_DELAY=0;LOCK_TIMEOUT=" + LOCK_WAIT.toMillis() + ";DB_CLOSE_ON_EXIT=FALSE";

    private final Path file;
    private final boolean mustHoldSchema;
    private final JdbcDataSource source = new JdbcDataSource();

    private H2Database(Path file, boolean existing) {
        this.file = file;
        this.mustHoldSchema = existing;
        String name = file.toString().substring(0, file.toString().length() - FILE_SUFFIX.length());
        // IFEXISTS: an existing store whose file vanished must fail, not come back empty.
        source.setURL("jdbc:h2:file:" + name + OPTIONS + (existing ? ";IFEXISTS=TRUE" : ""));
    }

    static H2Database open(Path storeDirectory) {
        Path file = storeDirectory.resolve(NAME + FILE_SUFFIX);
        if (!Files.exists(file)) {
            create(storeDirectory, file);
        }
        keepToOwner(storeDirectory, "rwx------");
        keepToOwner(file, "rw-------");
        return new H2Database(file, true);
    }

    /** The store holds the instance's users and grants: only the user Stratus runs as may read it. */
    private static void keepToOwner(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no POSIX permissions (Windows): its own access control applies
        } catch (IOException e) {
            throw new StratusException(Problem.UNAVAILABLE, "Stratus could not make " + path + " readable by its"
                    + " owner only: " + e + ". Check that the user Stratus runs as owns it.", e);
        }
    }

    /**
     * Builds a new store under another name and moves it into place once its schema is complete.
     * H2 commits each DDL statement on its own, so this is what makes creation all or nothing: a
     * store file in place always has a whole schema, and one without a schema is damaged.
     */
    private static void create(Path storeDirectory, Path file) {
        Path unfinished = storeDirectory.resolve(NAME_WHILE_CREATED + FILE_SUFFIX);
        try {
            Files.createDirectories(storeDirectory);
            keepToOwner(storeDirectory, "rwx------"); // before the first file of the store is written into it
            Files.deleteIfExists(unfinished); // left by a start that was killed while creating the store
            H2Database fresh = new H2Database(unfinished, false);
            try (Connection connection = fresh.connect()) {
                Migrations.apply(connection, fresh);
            } catch (SQLException e) {
                throw fresh.cannotOpen(e);
            }
            Files.move(unfinished, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StratusException(Problem.UNAVAILABLE, "Stratus could not create its configuration store in "
                    + storeDirectory + ": " + e + ". Check that the user Stratus runs as may write there.", e);
        }
    }

    @Override
    public Connection connect() throws SQLException {
        return source.getConnection();
    }

    @Override
    public String describe() {
        return "H2 file " + file;
    }

    @Override
    public int snapshotIsolation() {
        // H2's REPEATABLE READ still shows rows committed into tables the transaction has not read yet.
        return Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public String countBelowLimit() {
        // MERGE takes the row lock, then checks its conditions against the row as locked.
        return "SELECT attempts, window_ends FROM FINAL TABLE (MERGE INTO shared_counts c USING (VALUES"
                + " (CAST(? AS VARCHAR(300)), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS INTEGER)))"
                + " AS a (counted, now_ms, ends_ms, max_attempts) ON c.counted = a.counted"
                + " WHEN MATCHED AND (c.window_ends <= a.now_ms OR c.attempts = 0)"
                + " THEN UPDATE SET attempts = 1, window_ends = a.ends_ms"
                + " WHEN MATCHED AND c.attempts < a.max_attempts THEN UPDATE SET attempts = c.attempts + 1"
                + " WHEN NOT MATCHED THEN INSERT (counted, attempts, window_ends) VALUES (a.counted, 1, a.ends_ms))";
    }

    @Override
    public boolean mustHoldSchema() {
        return mustHoldSchema;
    }

    @Override
    public String restoreAdvice() {
        return "Restore " + file + " from a backup. Only if this instance is meant to be set up again from scratch,"
                + " move the file away and restart Stratus.";
    }

    @Override
    public StoreException cannotOpen(SQLException e) {
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> unreachable("The configuration store (" + describe()
                    + ") is in use by another process; is another Stratus running with the same data"
                    + " directory? Stop it, or give this Stratus a dataDirectory of its own.", e);
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.IO_EXCEPTION_1,
                    ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1 ->
                damaged("cannot be read (" + e.getMessage().strip() + ")", e);
            default -> failed("be opened", e);
        };
    }
}
