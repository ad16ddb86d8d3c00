package io.stratus.ui.explorer;

import io.stratus.core.explorer.CloudExplorer;
import io.stratus.ui.explorer.internal.ExplorerCommands;
import io.stratus.ui.explorer.internal.ExplorerElementComparer;
import io.stratus.ui.explorer.internal.ExplorerModel;
import io.stratus.ui.explorer.internal.FilterBar;
import io.stratus.ui.session.CurrentSession;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider.IStyledLabelProvider;
import org.eclipse.jface.viewers.DoubleClickEvent;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.CommonViewer;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

/**
 * The Cloud Explorer: the signed-in person's AWS account, its database services, their regions and
 * the databases found there. The nodes come from {@code navigatorContent} in plugin.xml, so engine
 * bundles can add their own; discovery runs in Jobs ({@link #JOB_FAMILY}) and the tree follows the
 * session: empty with a hint when nobody is signed in, loaded again when somebody signs in.
 */
public final class CloudExplorerView extends CommonNavigator {

    public static final String ID = "io.stratus.ui.explorer.view";
    /** The family of the Jobs that discover and refresh the explorer's tree. */
    public static final Object JOB_FAMILY = ID + ".jobs";
    /** Data key of the tree, for tests. */
    public static final String TREE = ID + ".tree";

    private ExplorerModel model;
    private FilterBar filters;
    private IWorkbenchSiteProgressService progress;
    private IStatusLineManager statusLine;
    private Display display;
    /** Answers can arrive faster than the tree repaints: one refresh at a time is enough. */
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private boolean accountShown;

    @Override
    public void init(IViewSite site, IMemento memento) throws PartInitException {
        super.init(site, memento);
        progress = site.getService(IWorkbenchSiteProgressService.class);
        statusLine = site.getActionBars().getStatusLineManager();
        model = new ExplorerModel(site.getService(CurrentSession.class), () -> site.getService(CloudExplorer.class),
                this::schedule, this::modelChanged);
    }

    /**
     * Runs a discovery Job where a person sees it: in the Progress view, as the view's busy state,
     * and as the status line's message while it runs.
     */
    private void schedule(Job job) {
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (display != null && !display.isDisposed()) {
                    display.asyncExec(() -> statusLine.setMessage(null));
                }
            }
        });
        if (display != null && !display.isDisposed()) {
            display.asyncExec(() -> statusLine.setMessage(job.getName() + "\u2026"));
        }
        progress.schedule(job, 0, true);
    }

    @Override
    public void createPartControl(Composite parent) {
        display = parent.getDisplay();
        Composite box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(box);
        filters = new FilterBar(box, getSite().getService(CloudExplorer.class), model::filter);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filters.control());
        super.createPartControl(box);
        // The navigator's decorating label provider keeps a node's old label while a background Job works out
        // decorations (none applies to these nodes): a region's label must follow its answer at once.
        CommonViewer viewer = getCommonViewer();
        viewer.setLabelProvider(new DelegatingStyledCellLabelProvider(
                (IStyledLabelProvider) viewer.getNavigatorContentService().createCommonLabelProvider()));
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        getCommonViewer().getControl().setData(TREE, Boolean.TRUE);
        model.start();
    }

    @Override
    protected CommonViewer createCommonViewerObject(Composite parent) {
        // Virtual: a region can hold thousands of databases, and only the rows on screen need their labels.
        CommonViewer viewer = new CommonViewer(getViewSite().getId(), parent,
                SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL | SWT.VIRTUAL);
        viewer.setComparer(new ExplorerElementComparer());
        viewer.setUseHashlookup(true); // finds a node's item by its key, not by walking thousands of rows
        viewer.setComparator(null); // the services' order (by position, by region); a region's thousands need no sorting
        return viewer;
    }

    @Override
    protected Object getInitialInput() {
        return model;
    }

    /** The model of this view, for its commands. */
    public ExplorerModel model() {
        return model;
    }

    /**
     * A double-click (or Enter) runs the Open command where a handler opens the node (a database, a
     * saved connection, "More…" of a catalog; content bundles add theirs in plugin.xml); other nodes
     * expand as usual.
     */
    @Override
    protected void handleDoubleClick(DoubleClickEvent event) {
        if (event.getSelection() instanceof IStructuredSelection selection && selection.size() == 1
                && ExplorerCommands.isEnabled(getSite(), ExplorerCommands.OPEN)) {
            ExplorerCommands.execute(getSite(), ExplorerCommands.OPEN);
        } else {
            super.handleDoubleClick(event);
        }
    }

    private void modelChanged() {
        if (display != null && !display.isDisposed() && refreshPending.compareAndSet(false, true)) {
            display.asyncExec(this::refreshTree);
        }
    }

    private void refreshTree() {
        refreshPending.set(false);
        CommonViewer viewer = getCommonViewer();
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        viewer.refresh();
        Object[] roots = model.roots();
        filters.offerStatuses(model.statuses());
        boolean account = roots.length == 1 && roots[0] instanceof AccountItem;
        if (account && !accountShown) {
            viewer.expandToLevel(roots[0], 2); // services and their regions; databases wait for a click
        }
        accountShown = account;
    }

    @Override
    public void dispose() {
        model.dispose();
        super.dispose();
    }
}
