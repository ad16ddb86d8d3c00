package io.stratus.ui.explorer.internal.catalog;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.database.CatalogEntry;
import io.stratus.core.database.CatalogPage;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.session.UserSession;
import io.stratus.ui.explorer.CatalogItem;
import io.stratus.ui.explorer.CatalogMore;
import io.stratus.ui.explorer.CatalogNode;
import io.stratus.ui.explorer.CatalogNotice;
import io.stratus.ui.explorer.OpenDatabaseItem;
import io.stratus.ui.explorer.internal.ExplorerContent;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignedIn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.ICommonContentExtensionSite;

/**
 * The catalog of each open database, under the database the explorer found: the connection, then
 * schemas (or databases, or a DynamoDB table), tables and views, columns. Each level is read when
 * first expanded, a page at a time, in a Job ({@link #JOB_FAMILY}); meanwhile it shows "Loading…",
 * a failure shows as a node with the database's reason, and a level with more entries ends in a
 * {@link CatalogMore} that reads the next page. What was read is kept until the node is refreshed
 * or its connection closes.
 */
public final class CatalogContentProvider extends ExplorerContent {

    /** The navigatorContent's id in plugin.xml. */
    public static final String CONTENT_ID = "io.stratus.ui.explorer.catalog";
    /** The family of the Jobs that read catalogs. */
    public static final Object JOB_FAMILY = CONTENT_ID + ".jobs";
    /** Entries read at a time. */
    public static final int PAGE = 200;
    private static final Object[] NONE = {};

    /** A level read so far: its entries, whether more follow, and whether a page is being read or failed. */
    private record Level(List<CatalogEntry> entries, boolean more, Optional<CatalogNotice.Kind> notice, String text) {

        /** A new instance each time: a Job's page goes only to the level it was read for, not to one begun since. */
        static Level first() {
            return new Level(List.of(), false, Optional.of(CatalogNotice.Kind.LOADING), "Loading\u2026");
        }

        Level reading() {
            return new Level(entries, more, Optional.of(CatalogNotice.Kind.LOADING), "Loading\u2026");
        }

        Level read(CatalogPage page) {
            List<CatalogEntry> all = new ArrayList<>(entries);
            all.addAll(page.items());
            return new Level(List.copyOf(all), page.more(), Optional.empty(), "");
        }

        Level failed(String why) {
            return new Level(entries, more, Optional.of(CatalogNotice.Kind.FAILED), why);
        }
    }

    private CurrentSession session;
    private OpenDatabases open;
    /** The databases shown, by resource id, so that a change of their connections refreshes them. */
    private final Map<String, CloudResource> resources = new ConcurrentHashMap<>();
    /** What was read below each connection and entry. */
    private final Map<CatalogNode, Level> levels = new ConcurrentHashMap<>();

    /** The provider of an explorer view, for its commands. */
    public static Optional<CatalogContentProvider> of(CommonNavigator view) {
        return of(view, CONTENT_ID, CatalogContentProvider.class);
    }

    @Override
    public void init(ICommonContentExtensionSite site) {
        // Created by the navigator from plugin.xml: the workbench's context finds the OSGi services,
        // which in an IDE may start after the view.
        session = PlatformUI.getWorkbench().getService(CurrentSession.class);
        open = new OpenDatabases(session, CatalogContentProvider::databases, this::connectionsChanged);
        publish(site);
        open.start();
    }

    private static DatabaseService databases() {
        return PlatformUI.getWorkbench().getService(DatabaseService.class);
    }

    @Override
    public Object[] getChildren(Object parent) {
        return switch (parent) {
            case CloudResource resource -> {
                resources.put(resource.id(), resource);
                yield open.of(resource.id()).stream().map(OpenDatabaseItem::new).toArray();
            }
            case OpenDatabaseItem connection -> entries(connection);
            case CatalogItem item when item.hasEntries() -> entries(item);
            default -> NONE;
        };
    }

    @Override
    public boolean hasChildren(Object element) {
        return switch (element) {
            case CloudResource resource -> {
                resources.put(resource.id(), resource);
                yield !open.of(resource.id()).isEmpty();
            }
            case OpenDatabaseItem connection -> true;
            case CatalogItem item -> item.hasEntries() && (!levels.containsKey(item) || entries(item).length > 0);
            default -> false;
        };
    }

    @Override
    public Object getParent(Object element) {
        return switch (element) {
            case CatalogNotice notice -> notice.parent();
            case CatalogMore more -> more.parent();
            default -> null; // the viewer keeps track of the others
        };
    }

    /** The level below a node as read so far; the first look starts reading it. */
    private Object[] entries(CatalogNode parent) {
        Level level = levels.get(parent);
        if (level == null) {
            Level first = Level.first();
            level = Optional.ofNullable(levels.putIfAbsent(parent, first)).orElse(first);
            if (level == first) {
                read(parent, 0, first);
            }
        }
        OpenDatabase database = database(parent);
        List<String> path = path(parent);
        List<Object> children = new ArrayList<>(level.entries().size() + 1);
        for (CatalogEntry entry : level.entries()) {
            List<String> below = new ArrayList<>(path);
            below.add(entry.name());
            children.add(new CatalogItem(database, below, entry));
        }
        Level shown = level;
        level.notice().ifPresentOrElse(kind -> children.add(new CatalogNotice(parent, kind, shown.text())), () -> {
            if (shown.more()) {
                children.add(new CatalogMore(parent, shown.entries().size()));
            }
        });
        return children.toArray();
    }

    /** Reads the page after those shown below the "More…" node's parent. */
    public void readMore(CatalogMore more) {
        Level level = levels.get(more.parent());
        if (level == null || level.notice().isPresent() || !level.more()) {
            return; // read already, or being read
        }
        Level reading = level.reading();
        if (levels.replace(more.parent(), level, reading)) {
            refreshInViewer(more.parent());
            read(more.parent(), level.entries().size(), reading);
        }
    }

    /** Reads the node's level again (for a notice or a "More…" line, its parent's), and what is below it when expanded. */
    public void refresh(CatalogNode node) {
        CatalogNode target = switch (node) {
            case CatalogNotice notice -> notice.parent();
            case CatalogMore more -> more.parent();
            default -> node;
        };
        String connection = database(target).id();
        List<String> path = path(target);
        levels.keySet().removeIf(key -> database(key).id().equals(connection) && startsWith(path(key), path));
        refreshInViewer(target);
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    /** Reads a page from {@code offset} on into {@code level}, unless the node was refreshed meanwhile. */
    private void read(CatalogNode parent, int offset, Level level) {
        Optional<SignedIn> who = session.signedIn();
        if (who.isEmpty()) {
            levels.replace(parent, level, level.failed("Sign in to read the catalog."));
            return;
        }
        UserSession by = who.get().session();
        OpenDatabase database = database(parent);
        List<String> path = path(parent);
        String name = "Reading the catalog of " + (path.isEmpty() ? database.database().orElse(database.resourceId())
                : String.join(".", path));
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(name, IProgressMonitor.UNKNOWN);
                try {
                    DatabaseService service = databases();
                    if (service == null) {
                        throw new StratusException(Problem.UNAVAILABLE, "Stratus's database services are not running. "
                                + "Refresh in a moment; if this lasts, see the error log.");
                    }
                    CatalogPage page = service.browse(by, database.id(), path, offset, PAGE);
                    levels.computeIfPresent(parent, (key, now) -> now != level ? now : monitor.isCanceled()
                            ? level.failed("Reading was cancelled. Refresh to read again.") : level.read(page));
                } catch (StratusException e) {
                    levels.computeIfPresent(parent, (key, now) -> now != level ? now : level.failed(e.getMessage()));
                }
                refreshInViewer(parent);
                return Status.OK_STATUS; // the explorer shows a failure in place of the entries
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.schedule();
    }

    private static OpenDatabase database(CatalogNode node) {
        return switch (node) {
            case OpenDatabaseItem connection -> connection.database();
            case CatalogItem item -> item.database();
            case CatalogNotice notice -> database(notice.parent());
            case CatalogMore more -> database(more.parent());
        };
    }

    private static List<String> path(CatalogNode node) {
        return switch (node) {
            case OpenDatabaseItem connection -> List.of();
            case CatalogItem item -> item.path();
            case CatalogNotice notice -> path(notice.parent());
            case CatalogMore more -> path(more.parent());
        };
    }

    /** A database's connections opened or closed: what closed is forgotten, an opened one shows at once. */
    private void connectionsChanged(Set<String> resourceIds, boolean opened) {
        levels.keySet().removeIf(key -> !open.isOpen(database(key).id()));
        inViewer(tree -> {
            for (String id : resourceIds) {
                CloudResource resource = resources.get(id);
                if (resource != null) {
                    tree.refresh(resource);
                    if (opened) {
                        tree.setExpandedState(resource, true); // as a person who just connected expects
                    }
                }
            }
        });
    }

    private void refreshInViewer(Object element) {
        inViewer(tree -> tree.refresh(element));
    }

    @Override
    public void dispose() {
        if (open != null) {
            open.stop();
        }
        levels.clear();
        resources.clear();
    }
}
