package io.stratus.core.store;

import java.util.function.Function;

/**
 * The instance's configuration database, in feature areas: {@linkplain IdentityReader identity and
 * roles} (the AWS account binding, the users known from their first sign-in, role grants, custom
 * roles, database limits, settings), {@linkplain SavedConnectionReader saved connections} and the
 * {@linkplain AuditReader audit trail}. Never a secret.
 * <p>
 * Every {@link #write} is one transaction over every area it touches: it commits completely or not
 * at all, so a crash in the middle of setup leaves the instance unconfigured, never bound without an
 * Administrator. A store that cannot be opened or read fails closed: its service is simply not there.
 * <p>
 * Transactions do not nest (the inner one would wait for the outer one's write lock: an
 * {@link IllegalStateException}), and the reader or writer a transaction gets, and the areas it hands
 * out, work only until {@code work} returns. Database failures surface as {@code StratusException}
 * with {@code Problem.UNAVAILABLE}.
 */
public interface ConfigStore {

    /** Runs {@code work} in a read-only transaction: every area it reads shows the same snapshot. */
    <T> T read(Function<StoreReader, T> work);

    /**
     * Runs {@code work} in a read-write transaction and commits it; if {@code work} throws, the
     * transaction is rolled back and the exception propagates unchanged.
     */
    <T> T write(Function<StoreWriter, T> work);
}
