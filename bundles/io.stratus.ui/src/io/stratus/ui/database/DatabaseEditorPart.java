package io.stratus.ui.database;

import io.stratus.core.StratusException;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.session.UserSession;
import io.stratus.ui.NothingToSaveEditorPart;
import io.stratus.ui.session.CurrentSession;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;

/**
 * An editor of an open database ({@link DatabaseEditorInput}): it works in the session that opened
 * the database, and closing it closes the connection (in a Job: a driver may wait for the server).
 * When that session ends, the workbench closes the editor (its connection ended with the session).
 * Nothing to save: what the editor changes, it changes in the database.
 */
public abstract class DatabaseEditorPart extends NothingToSaveEditorPart {

    private UserSession session;
    private DatabaseService databases;
    private ToolBarManager toolBar;
    private Label state;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof DatabaseEditorInput)) {
            throw new PartInitException("A database editor opens an open database, not " + input.getName());
        }
        CurrentSession current = site.getService(CurrentSession.class);
        session = current == null ? null : current.signedIn().map(who -> who.session()).orElse(null);
        databases = site.getService(DatabaseService.class);
        if (session == null || databases == null) {
            throw new PartInitException("Sign in to Stratus to open " + input.getName() + ".");
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    public final DatabaseEditorInput database() {
        return (DatabaseEditorInput) getEditorInput();
    }

    /** The sign-in session that opened the database. */
    public final UserSession session() {
        return session;
    }

    public final DatabaseService databases() {
        return databases;
    }

    /**
     * An action of the editor's tool bar that also serves its command (as the handler the editor
     * activates for {@code commandId}), so that both are enabled from one place.
     */
    protected static IAction commandAction(String label, String tooltip, int style, String commandId, Runnable work) {
        IAction action = new Action(label, style) {
            @Override
            public void run() {
                work.run();
            }
        };
        action.setToolTipText(tooltip);
        action.setActionDefinitionId(commandId);
        action.setId(commandId);
        return action;
    }

    /**
     * The editor's first rows, in {@code parent} (a one-column grid): its tool bar, the groups of actions
     * separated, with a label for the editor's state at the right; and, on a read-only connection,
     * a line that says what that means in this editor ({@code readOnlyMeans}, after "Read-only: your
     * Stratus role lets you read X, not change it.").
     *
     * @return the state label
     */
    protected final Label createHeader(Composite parent, List<List<IAction>> groups, String readOnlyMeans) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 2).applyTo(bar);
        toolBar = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
        for (List<IAction> group : groups) {
            if (!toolBar.isEmpty()) {
                toolBar.add(new Separator());
            }
            group.forEach(toolBar::add);
        }
        toolBar.createControl(bar);
        state = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.END, SWT.CENTER).applyTo(state);
        if (database().readOnly()) {
            Label readOnly = new Label(parent, SWT.WRAP);
            readOnly.setText("Read-only: your Stratus role lets you read " + database().resourceName() + ", not change it. "
                    + readOnlyMeans);
            GridDataFactory.fillDefaults().grab(true, false).indent(6, 2).applyTo(readOnly);
        }
        return state;
    }

    /** Whether the editor's controls still exist (a Job may finish after the editor closed). */
    protected final boolean showing() {
        return state != null && !state.isDisposed();
    }

    /** Runs {@code update} on the UI thread, unless the editor has closed by then. */
    protected final void ui(Runnable update) {
        if (showing()) {
            state.getDisplay().asyncExec(() -> {
                if (showing()) {
                    update.run();
                }
            });
        }
    }

    @Override
    public void dispose() {
        if (toolBar != null) {
            toolBar.dispose();
        }
        String connection = database().connectionId();
        Job closing = Job.create("Closing " + database().getName(), (IProgressMonitor monitor) -> {
            try {
                databases.close(session, connection);
            } catch (StratusException alreadyClosed) {
                // the session ended, or its roles closed the connection: nothing left to close
            }
            return Status.OK_STATUS;
        });
        closing.setSystem(true);
        closing.schedule();
        super.dispose();
    }
}
