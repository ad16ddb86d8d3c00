package io.stratus.ui.explorer.internal.saved;

import io.stratus.core.StratusException;
import io.stratus.core.database.SavedConnections;
import io.stratus.core.session.UserSession;
import io.stratus.ui.explorer.internal.ExplorerCommands;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignedIn;

import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * What the saved-connection commands share: the signed-in person and the services, and changes that
 * run in a Job, show a refusal in the service's words, and leave the explorer showing what is saved.
 */
abstract class SavedConnectionsHandler extends AbstractHandler {

    /** Where a command runs: its window, the selected node, the person and the services. */
    record Context(IWorkbenchWindow window, Object selected, UserSession session, SavedConnections saved,
            Optional<SavedConnectionsContentProvider> explorer) {

        Shell shell() {
            return window.getShell();
        }
    }

    /** A change of the services, made in a Job. */
    interface Change {
        void run() throws StratusException;
    }

    @Override
    public final Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        Optional<SignedIn> who = window.getService(CurrentSession.class).signedIn();
        SavedConnections saved = window.getService(SavedConnections.class);
        if (who.isEmpty() || saved == null) {
            MessageDialog.openInformation(window.getShell(), "Not Signed In", "Sign in to use your saved connections.");
            return null;
        }
        execute(new Context(window, HandlerUtil.getCurrentStructuredSelection(event).getFirstElement(), who.get().session(),
                saved, ExplorerCommands.view(event).flatMap(SavedConnectionsContentProvider::of)));
        return null;
    }

    abstract void execute(Context context);

    /**
     * Runs {@code change} in a Job named {@code name}; a refusal shows in a dialog titled {@code failure},
     * and the explorer reads the saved connections again whatever happened.
     */
    static void inJob(Context context, String name, String failure, Change change) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(name, IProgressMonitor.UNKNOWN);
                try {
                    change.run();
                } catch (StratusException e) {
                    showError(context, failure, e.getMessage());
                } finally {
                    context.explorer().ifPresent(SavedConnectionsContentProvider::reload);
                }
                return Status.OK_STATUS; // a refusal is shown in a dialog, in the service's words
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == SavedConnectionsContentProvider.JOB_FAMILY;
            }
        };
        job.schedule();
    }

    static void showError(Context context, String title, String message) {
        Shell shell = context.shell();
        if (!shell.isDisposed()) {
            shell.getDisplay().asyncExec(() -> MessageDialog.openError(shell.isDisposed() ? null : shell, title, message));
        }
    }
}
