package io.stratus.ui.sql.internal;

import io.stratus.core.StratusException;
import io.stratus.core.database.CatalogEntry;
import io.stratus.core.database.CatalogPage;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.session.UserSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * The catalog of an editor's open database, as far as completion has needed it: each level
 * (schemas, a schema's tables, a table's columns) is read once, when first asked for, in a Job,
 * and kept for the editor's life. A level that cannot be read (a statement runs, the session
 * ended) is asked for again next time.
 */
final class CatalogCache {

    /** Items one catalog call returns; a level is read page by page. */
    private static final int PAGE = 500;
    /** Most items kept of one level: completion offers names, not a full listing of a huge schema. */
    private static final int MOST = 5_000;

    private final DatabaseService databases;
    private final UserSession session;
    private final String connectionId;
    private final String databaseName;
    private final Map<List<String>, List<CatalogEntry>> levels = new ConcurrentHashMap<>();
    private final Map<List<String>, Job> reading = new ConcurrentHashMap<>();

    CatalogCache(DatabaseService databases, UserSession session, String connectionId, String databaseName) {
        this.databases = databases;
        this.session = session;
        this.connectionId = connectionId;
        this.databaseName = databaseName;
    }

    /**
     * The level at {@code path} if it has been read; else empty, and it is read in a Job, after
     * which {@code loaded} hears of it (on the Job's thread).
     */
    Optional<List<CatalogEntry>> level(List<String> path, Consumer<List<String>> loaded) {
        List<CatalogEntry> known = levels.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        reading.computeIfAbsent(List.copyOf(path), key -> {
            Job job = Job.create("Reading the catalog of " + databaseName + (key.isEmpty() ? "" : ": " + String.join(".", key)),
                    (IProgressMonitor monitor) -> {
                        try {
                            levels.put(key, read(key, monitor));
                            loaded.accept(key);
                        } catch (StratusException e) {
                            // a statement runs or the connection closed: completion asks again next time
                        } finally {
                            reading.remove(key);
                        }
                        return Status.OK_STATUS;
                    });
            job.setSystem(true);
            job.schedule();
            return job;
        });
        return Optional.empty();
    }

    private List<CatalogEntry> read(List<String> path, IProgressMonitor monitor) {
        List<CatalogEntry> items = new ArrayList<>();
        CatalogPage page;
        do {
            page = databases.browse(session, connectionId, path, items.size(), PAGE);
            items.addAll(page.items());
        } while (page.more() && items.size() < MOST && !monitor.isCanceled());
        return List.copyOf(items);
    }
}
