package io.stratus.ui.explorer.internal.saved;

import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.database.SavedConnection;
import io.stratus.core.database.SavedConnections;
import io.stratus.core.session.UserSession;
import io.stratus.ui.explorer.SavedConnectionItem;
import io.stratus.ui.explorer.SavedConnectionsFolder;
import io.stratus.ui.explorer.internal.ExplorerContent;
import io.stratus.ui.explorer.internal.ExplorerModel;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SessionChange;
import io.stratus.ui.session.SessionChangeListener;
import io.stratus.ui.session.SignedIn;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.ICommonContentExtensionSite;

/**
 * The explorer's "Saved Connections" node, beside the AWS account, with the signed-in person's own
 * saved connections by name, as a DBeaver user finds their connections: by the names they gave them,
 * wherever the databases are. Shown to people who may save connections; read in a Job at sign-in and
 * again after each change made here.
 */
public final class SavedConnectionsContentProvider extends ExplorerContent implements SessionChangeListener {

    /** The navigatorContent's id in plugin.xml. */
    public static final String CONTENT_ID = "io.stratus.ui.explorer.savedConnections";
    /** The family of the Jobs that read and change saved connections. */
    public static final Object JOB_FAMILY = CONTENT_ID + ".jobs";
    static final SavedConnectionsFolder FOLDER = new SavedConnectionsFolder();
    private static final Object[] NONE = {};

    private CurrentSession session;
    /** The person's saved connections by name; empty while nobody who may save connections is signed in. */
    private volatile Optional<List<SavedConnection>> saved = Optional.empty();

    /** The provider of an explorer view, for its commands. */
    static Optional<SavedConnectionsContentProvider> of(CommonNavigator view) {
        return of(view, CONTENT_ID, SavedConnectionsContentProvider.class);
    }

    @Override
    public void init(ICommonContentExtensionSite site) {
        session = PlatformUI.getWorkbench().getService(CurrentSession.class);
        publish(site);
        session.addListener(this);
        reload();
    }

    @Override
    public void changed(SessionChange change) {
        switch (change) {
            case SessionChange.SignedInNow now -> reload();
            case SessionChange.RolesChanged roles -> reload();
            case SessionChange.Ended ended -> show(Optional.empty());
            case SessionChange.KeysChanged keys -> {
                // saved connections live in Stratus's store: nothing changed
            }
        }
    }

    /** Reads the person's saved connections again, in a Job. */
    void reload() {
        Optional<UserSession> by = session.signedIn().map(SignedIn::session).filter(s -> s.may(Action.SAVE_CONNECTIONS));
        if (by.isEmpty()) {
            show(Optional.empty());
            return;
        }
        Job read = new Job("Reading your saved connections") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SavedConnections connections = PlatformUI.getWorkbench().getService(SavedConnections.class);
                if (connections == null) {
                    return Status.OK_STATUS; // the services are not running yet; a sign-in reads them
                }
                try {
                    show(Optional.of(connections.list(by.get()).stream()
                            .sorted(Comparator.comparing(SavedConnection::name, String.CASE_INSENSITIVE_ORDER)).toList()));
                    return Status.OK_STATUS;
                } catch (StratusException e) {
                    return Status.warning("Stratus could not read your saved connections: " + e.getMessage());
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        read.schedule();
    }

    private void show(Optional<List<SavedConnection>> next) {
        saved = next;
        inViewer(tree -> tree.refresh()); // the folder itself may come or go
    }

    @Override
    public Object[] getChildren(Object parent) {
        return switch (parent) {
            case ExplorerModel model when saved.isPresent() && session.signedIn().isPresent() -> new Object[] {FOLDER};
            case SavedConnectionsFolder folder -> saved.orElse(List.of()).stream().map(SavedConnectionItem::new).toArray();
            default -> NONE;
        };
    }

    @Override
    public boolean hasChildren(Object element) {
        return element instanceof SavedConnectionsFolder && !saved.orElse(List.of()).isEmpty();
    }

    @Override
    public Object getParent(Object element) {
        return element instanceof SavedConnectionItem ? FOLDER : null;
    }

    /** How many are saved, for the folder's label. */
    int count() {
        return saved.orElse(List.of()).size();
    }

    @Override
    public void dispose() {
        if (session != null) {
            session.removeListener(this);
        }
    }
}
