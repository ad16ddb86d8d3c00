package io.stratus.store.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.store.ConfigStore;
import io.stratus.core.store.SharedCounts;
import io.stratus.core.store.StoreReader;
import io.stratus.core.store.StoreWriter;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration store over JDBC: embedded H2 or PostgreSQL, as {@link StoreSettings} says.
 * Opening it applies the schema migrations, or throws for a store it cannot trust. Plain Java,
 * so a test can also run it in a JVM without OSGi; {@link ConfigStoreComponent} runs it in Stratus.
 */
public final class JdbcConfigStore implements ConfigStore, AutoCloseable {

    /** Writes run one at a time anyway; a few more connections let reads go on meanwhile. */
    private static final int CONNECTIONS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcConfigStore.class);

    private final Database database;
    private final ConnectionPool pool;
    private final SharedCounts counts;
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

    public JdbcConfigStore(Map<String, ?> properties) {
        try {
            database = Database.open(StoreSettings.from(properties));
            pool = new ConnectionPool(database, CONNECTIONS);
            migrate();
            counts = new JdbcSharedCounts(database, pool, Clock.systemUTC());
        } catch (StoreException e) {
            // Read by the operator who starts Stratus, so it says which store and why.
            throw new StratusException(Problem.UNAVAILABLE, e.details(), e.getCause());
        }
    }

    private void migrate() {
        Connection connection = null;
        boolean migrated = false;
        try {
            connection = pool.borrow();
            Migrations.apply(connection, database);
            migrated = true;
        } finally {
            if (connection != null) {
                pool.release(connection, migrated);
            }
            if (!migrated) {
                close();
            }
        }
    }

    /** The counts every node on this store shares, on the store's connections. */
    public SharedCounts sharedCounts() {
        return counts;
    }

    /** Closes the idle connections now and the others when their transactions end. */
    @Override
    public void close() {
        pool.close();
        database.close();
    }

    @Override
    public <T> T read(Function<StoreReader, T> work) {
        return transaction(false, JdbcStoreReader::of, work);
    }

    @Override
    public <T> T write(Function<StoreWriter, T> work) {
        return transaction(true, JdbcStoreWriter::of, work);
    }

    /**
     * One transaction on one pooled connection, seen through {@code areas}: commits when {@code work}
     * returns, rolls back when it throws.
     */
    private <A, T> T transaction(boolean writing, Function<JdbcTransaction, A> areas, Function<? super A, T> work) {
        if (inTransaction.get()) {
            // The inner transaction would wait for the write lock the outer one holds.
            throw new IllegalStateException(
                    "ConfigStore transactions do not nest: use the StoreReader or StoreWriter you were given.");
        }
        inTransaction.set(true);
        try {
            return transactionOnConnection(writing, areas, work);
        } catch (StoreException e) {
            LOG.error(e.details(), e.getCause()); // the person who asked gets the message without the details
            throw e;
        } finally {
            inTransaction.remove();
        }
    }

    private <A, T> T transactionOnConnection(boolean writing, Function<JdbcTransaction, A> areas,
            Function<? super A, T> work) {
        Connection connection = pool.borrow();
        boolean reusable = false;
        try {
            JdbcTransaction transaction = new JdbcTransaction(connection, database, writing);
            T result;
            try {
                transaction.begin();
                result = work.apply(areas.apply(transaction));
            } finally {
                transaction.end();
            }
            commit(connection);
            reusable = true;
            return result;
        } catch (RuntimeException | Error e) {
            reusable = rollback(connection, e);
            throw e;
        } finally {
            pool.release(connection, reusable);
        }
    }

    private void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw database.failed("save the change", e);
        }
    }

    /** Rolls back after {@code failure}; false when the connection could not even do that. */
    private static boolean rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return false;
        }
    }
}
