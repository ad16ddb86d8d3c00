package io.stratus.ui.explorer.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.CloudService;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.core.explorer.ExplorerFilter;
import io.stratus.core.explorer.ExplorerTree;
import io.stratus.core.session.UserSession;
import io.stratus.ui.explorer.AccountItem;
import io.stratus.ui.explorer.CloudExplorerView;
import io.stratus.ui.explorer.ExplorerNotice;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SessionChange;
import io.stratus.ui.session.SessionChangeListener;
import io.stratus.ui.session.SignedIn;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;

/**
 * What one Cloud Explorer shows, and the Jobs that fetch it with the signed-in person's session:
 * nothing waits for AWS on the UI thread. Follows the session: signing in loads the tree, the
 * session's end empties it. {@code changed} hears of every change, on any thread.
 */
public final class ExplorerModel implements SessionChangeListener {

    private sealed interface State {
    }

    private record Notice(ExplorerNotice notice) implements State {
    }

    /** The tree of the person signed in with {@code by}, whose account's alias shows as far as it is read. */
    private record Shown(ExplorerTree tree, UserSession by) implements State {
    }

    /** Discoveries and refreshes run one after the other: each answer is the whole tree, the last one wins. */
    private static final ISchedulingRule ONE_AT_A_TIME = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    private final CurrentSession session;
    private final Supplier<CloudExplorer> explorer;
    private final Consumer<Job> scheduler;
    private final Runnable changed;
    private volatile State state = new Notice(ExplorerNotice.SIGNED_OUT);
    private volatile ExplorerFilter filter = ExplorerFilter.NONE;
    /** The tree as the filter shows it, made once per change rather than per paint. */
    private volatile Object[] roots = {ExplorerNotice.SIGNED_OUT};
    /** The statuses of the databases before filtering, for the filter's choice. */
    private volatile SortedSet<String> statuses = new TreeSet<>();

    /**
     * @param scheduler schedules the model's Jobs (the view's progress service, which shows the view busy)
     * @param changed told when the roots changed
     */
    public ExplorerModel(CurrentSession session, Supplier<CloudExplorer> explorer, Consumer<Job> scheduler, Runnable changed) {
        this.session = session;
        this.explorer = explorer;
        this.scheduler = scheduler;
        this.changed = changed;
    }

    /** Follows the session from now on, starting with whoever is signed in. */
    public void start() {
        session.addListener(this);
        session.signedIn().ifPresent(this::load);
    }

    public void dispose() {
        session.removeListener(this);
    }

    @Override
    public void changed(SessionChange change) {
        switch (change) {
            case SessionChange.SignedInNow now -> load(now.who());
            case SessionChange.RolesChanged roles -> {
                // A tree shown stays while the roles still allow it; otherwise the services say what changed.
                if (!(state instanceof Shown && roles.who().session().may(Action.EXPLORE))) {
                    load(roles.who());
                }
            }
            case SessionChange.KeysChanged keys -> {
                // A tree shown stays; one that failed (the keys had expired, say) loads again with the new keys.
                if (!(state instanceof Shown) && keys.who().session().keysLapse().isEmpty()) {
                    load(keys.who());
                }
            }
            case SessionChange.Ended ended -> show(new Notice(ExplorerNotice.SIGNED_OUT));
        }
    }

    /** The top nodes: the account, or a notice in its place. */
    public Object[] roots() {
        return roots;
    }

    /** The statuses the databases have (available, stopped, ...), filter or not. */
    public SortedSet<String> statuses() {
        return statuses;
    }

    public ExplorerFilter filter() {
        return filter;
    }

    public void filter(ExplorerFilter next) {
        filter = next;
        show(state);
    }

    private void load(SignedIn who) {
        show(new Notice(ExplorerNotice.LOADING));
        UserSession by = who.session();
        // The alias is read in the background after sign-in, maybe after the tree: then the account node names it.
        by.accountDetailsRead().thenRun(() -> {
            if (state instanceof Shown shown && shown.by() == by) {
                showIfStillSignedIn(by, shown);
            }
        });
        discover("Discovering your databases", who.session(), (signedIn, answers) -> explorer().tree(signedIn, answers));
    }

    /** Discovers everything again, keeping the tree shown meanwhile. */
    public void refreshAll() {
        session.signedIn().ifPresent(who -> discover("Refreshing your databases", who.session(),
                (signedIn, answers) -> explorer().refresh(signedIn, answers)));
    }

    /** Discovers one service in the given regions again; the rest of the tree stays as it was. */
    public void refresh(CloudService service, List<String> regions) {
        session.signedIn().ifPresent(who -> discover("Refreshing " + service.displayName() + " in " + String.join(", ", regions),
                who.session(), (signedIn, answers) -> {
                    ExplorerTree tree = null;
                    for (String region : regions) {
                        tree = explorer().refresh(signedIn, service.id(), region);
                    }
                    return tree;
                }));
    }

    /** In an IDE the services start in the background, after the view may have opened. */
    private CloudExplorer explorer() {
        CloudExplorer running = explorer.get();
        if (running == null) {
            throw new StratusException(Problem.UNAVAILABLE,
                    "Stratus's services are not running yet. Refresh in a moment; if this lasts, see the error log.");
        }
        return running;
    }

    /** A call to the explorer for a session, which hands the tree so far to a consumer as regions answer. */
    private interface Discovering {
        ExplorerTree call(UserSession by, Consumer<ExplorerTree> answers);
    }

    private void discover(String name, UserSession by, Discovering discovering) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SubMonitor.convert(monitor, name, IProgressMonitor.UNKNOWN);
                try {
                    ExplorerTree tree = discovering.call(by, soFar -> showIfStillSignedIn(by, new Shown(soFar, by)));
                    showIfStillSignedIn(by, new Shown(tree, by));
                    return Status.OK_STATUS;
                } catch (StratusException e) {
                    if (state instanceof Shown) { // a failed refresh keeps the tree; the Progress view says why
                        return Status.error(name + ": " + e.getMessage());
                    }
                    showIfStillSignedIn(by, new Notice(new ExplorerNotice(ExplorerNotice.Kind.FAILED, e.getMessage())));
                    return Status.OK_STATUS; // the explorer shows what failed in place of the tree
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == CloudExplorerView.JOB_FAMILY;
            }
        };
        job.setRule(ONE_AT_A_TIME);
        scheduler.accept(job);
    }

    /** An answer for a session that has ended since must not show one person's databases to the next. */
    private synchronized void showIfStillSignedIn(UserSession by, State next) {
        if (session.signedIn().map(who -> who.session().id().equals(by.id())).orElse(false)) {
            show(next);
        }
    }

    private synchronized void show(State next) {
        state = next;
        roots = switch (next) {
            case Notice notice -> new Object[] {notice.notice()};
            case Shown shown -> new Object[] {new AccountItem(shown.tree().filter(filter), shown.by().accountDetails().alias())};
        };
        statuses = switch (next) {
            case Notice notice -> new TreeSet<>();
            case Shown shown -> shown.tree().allResources().stream().map(CloudResource::status)
                    .filter(status -> !status.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        };
        changed.run();
    }
}
