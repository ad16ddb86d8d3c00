package io.stratus.core.database;

import io.stratus.core.access.DatabaseAccess;
import io.stratus.core.session.UserSession;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The databases a signed-in person has open, and the statements they run in them. A connection
 * belongs to the sign-in session that opened it: nobody else can use, see or close it, and it
 * closes when that session ends. Every method needs the connect permission; whether a connection
 * may write is decided once, when it opens (see {@link DatabaseAccess}).
 */
public interface DatabaseService {

    /**
     * Opens a database the person's explorer found, logging in as they chose: the engine must take
     * that {@link io.stratus.core.cloud.LoginMethod} (see {@link io.stratus.core.cloud.DatabaseEngine.ConnectionDefaults#logins()}),
     * and an IAM token only where the database enables IAM database authentication. Whatever AWS
     * issues or holds for a login (tokens, a secret's value, temporary credentials) is asked for
     * with the person's own keys for every new physical connection, used for that login only and
     * wiped; a password serves this opening only.
     *
     * @param database the database to use instead of the resource's default, if any
     * @throws io.stratus.core.StratusException INVALID_INPUT for a login the engine does not take;
     *         FORBIDDEN naming the IAM action AWS refused ({@code secretsmanager:GetSecretValue},
     *         {@code redshift:GetClusterCredentials}, ...)
     */
    OpenDatabase open(UserSession session, String resourceId, Login login, Optional<String> database);

    /**
     * The secrets in the database's region that the person may read and that look like its
     * credentials: RDS's master user secret of the database, and secrets whose host (and port and
     * engine, where they say) are the database's. Each candidate is read to be judged and wiped.
     *
     * @throws io.stratus.core.StratusException FORBIDDEN naming {@code secretsmanager:ListSecrets}
     */
    List<DatabaseSecret> secrets(UserSession session, String resourceId);

    List<OpenDatabase> list(UserSession session);

    /** The engines an installed connector opens; needs no permission. */
    Set<String> engines();

    /** A round trip to the database; throws with its reason when it fails. */
    void test(UserSession session, String connectionId);

    /**
     * One level of the catalog (at {@code []} the schemas or databases, below a schema its tables,
     * below a table its columns), {@code limit} items from {@code offset} on; the path holds names, never patterns.
     */
    CatalogPage browse(UserSession session, String connectionId, List<String> path, int offset, int limit);

    /** The largest page of rows one call returns (the database service's {@code maxPageRows} setting). */
    int largestPage();

    /**
     * Runs a statement and returns its first page of at most {@code pageSize} rows; the rest is
     * read with {@link #nextPage}. A connection runs one statement at a time, and running one
     * drops what is left of the previous one.
     */
    ResultPage execute(UserSession session, String connectionId, String statement, int pageSize);

    /**
     * The next rows of the statement numbered {@code statement} (see {@link ResultPage#statement()});
     * an empty last page once all are read. CONFLICT if another statement ran since.
     */
    ResultPage nextPage(UserSession session, String connectionId, long statement, int pageSize);

    /**
     * Whether each statement's changes are kept as it finishes (on, as every connection opens), or
     * gathered in a transaction that {@link #commit} or {@link #rollback} ends. Turning it back on
     * commits that transaction, as JDBC does.
     *
     * @throws io.stratus.core.StratusException FORBIDDEN for a read-only connection, INVALID_INPUT
     *         for an engine without transactions
     */
    void autoCommit(UserSession session, String connectionId, boolean on);

    /** Keeps what the open transaction changed; the same refusals as {@link #autoCommit}. */
    void commit(UserSession session, String connectionId);

    /** Drops what the open transaction changed; the same refusals as {@link #autoCommit}. */
    void rollback(UserSession session, String connectionId);

    /** Stops the statement running on the connection, from any thread. */
    void cancel(UserSession session, String connectionId);

    void close(UserSession session, String connectionId);
}
