package io.stratus.ui.explorer.internal.catalog;

import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.database.OpenDatabasesListener;
import io.stratus.core.session.UserSession;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SessionChange;
import io.stratus.ui.session.SessionChangeListener;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The databases the signed-in person has open, followed as they open and close: the database
 * service tells (this registers as its {@link OpenDatabasesListener} while it lives), a sign-in or a
 * change of roles reads them afresh in a Job (the explorer may show after databases opened; the
 * roles may have closed some), and the session's end forgets them.
 */
final class OpenDatabases implements OpenDatabasesListener, SessionChangeListener {

    /** Told the databases (by resource id) whose open connections changed, on any thread. */
    interface Changes {
        void changed(Set<String> resourceIds, boolean opened);
    }

    private final CurrentSession session;
    private final Supplier<DatabaseService> databases;
    private final Changes changes;
    /** The open connections of {@link #sessionId}'s session, by connection id. */
    private final Map<String, OpenDatabase> open = new ConcurrentHashMap<>();
    private volatile String sessionId = "";
    private ServiceRegistration<OpenDatabasesListener> registration;

    OpenDatabases(CurrentSession session, Supplier<DatabaseService> databases, Changes changes) {
        this.session = session;
        this.databases = databases;
        this.changes = changes;
    }

    void start() {
        registration = FrameworkUtil.getBundle(OpenDatabases.class).getBundleContext()
                .registerService(OpenDatabasesListener.class, this, null);
        session.addListener(this);
        session.signedIn().ifPresent(who -> follow(who.session()));
    }

    void stop() {
        session.removeListener(this);
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping, which unregisters its services itself
        }
    }

    /** The open connections to one database, oldest first. */
    List<OpenDatabase> of(String resourceId) {
        return open.values().stream().filter(database -> database.resourceId().equals(resourceId))
                .sorted(Comparator.comparing(OpenDatabase::openedAt)).toList();
    }

    boolean isOpen(String connectionId) {
        return open.containsKey(connectionId);
    }

    @Override
    public void changed(SessionChange change) {
        switch (change) {
            case SessionChange.SignedInNow now -> follow(now.who().session());
            case SessionChange.RolesChanged roles -> follow(roles.who().session());
            case SessionChange.Ended ended -> forget("");
            case SessionChange.KeysChanged keys -> {
                // the same session: its databases stay open
            }
        }
    }

    @Override
    public void opened(String ofSession, OpenDatabase database) {
        if (ofSession.equals(sessionId)) {
            open.put(database.id(), database);
            changes.changed(Set.of(database.resourceId()), true);
        }
    }

    @Override
    public void closed(String ofSession, String connectionId) {
        OpenDatabase closed = ofSession.equals(sessionId) ? open.remove(connectionId) : null;
        if (closed != null) {
            changes.changed(Set.of(closed.resourceId()), false);
        }
    }

    /**
     * Reads the session's open databases (a new session's afresh; at a change of roles, which may have
     * closed some, what is shown stays while it is read), in a Job.
     */
    private void follow(UserSession by) {
        if (!by.id().equals(sessionId)) {
            forget(by.id());
        }
        if (!by.may(Action.USE_OPEN_DATABASES)) {
            forget(by.id());
            return;
        }
        Job read = Job.create("Reading your open databases", monitor -> {
            DatabaseService service = databases.get();
            if (service == null) {
                return Status.OK_STATUS; // the services are not running yet: nothing can be open
            }
            try {
                Instant asked = Instant.now();
                List<OpenDatabase> listed = service.list(by); // closes those the roles no longer allow
                if (by.id().equals(sessionId)) {
                    shown(listed, asked);
                }
                return Status.OK_STATUS;
            } catch (StratusException e) {
                return Status.warning("Stratus could not list your open databases: " + e.getMessage());
            }
        });
        read.setSystem(true);
        read.schedule();
    }

    /** Shows what the service listed; one opened since it was asked stays, as its news came meanwhile. */
    private void shown(List<OpenDatabase> listed, Instant asked) {
        Set<String> listedIds = listed.stream().map(OpenDatabase::id).collect(Collectors.toSet());
        Set<String> changed = new HashSet<>();
        open.values().removeIf(database -> {
            boolean gone = !listedIds.contains(database.id()) && database.openedAt().isBefore(asked);
            if (gone) {
                changed.add(database.resourceId());
            }
            return gone;
        });
        listed.forEach(database -> {
            if (open.putIfAbsent(database.id(), database) == null) {
                changed.add(database.resourceId());
            }
        });
        if (!changed.isEmpty()) {
            changes.changed(changed, false);
        }
    }

    private void forget(String nextSession) {
        Set<String> shown = new HashSet<>();
        open.values().forEach(database -> shown.add(database.resourceId()));
        sessionId = nextSession;
        open.clear();
        if (!shown.isEmpty()) {
            changes.changed(shown, false);
        }
    }
}
