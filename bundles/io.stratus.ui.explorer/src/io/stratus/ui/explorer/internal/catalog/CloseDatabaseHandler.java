package io.stratus.ui.explorer.internal.catalog;

import io.stratus.core.StratusException;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.session.UserSession;
import io.stratus.ui.explorer.OpenDatabaseItem;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignedIn;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/** Closes the selected open database (in a Job); the explorer drops its catalog when the service says it closed. */
public final class CloseDatabaseHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        if (!(HandlerUtil.getCurrentStructuredSelection(event).getFirstElement() instanceof OpenDatabaseItem item)) {
            return null;
        }
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        DatabaseService databases = window.getService(DatabaseService.class);
        SignedIn who = window.getService(CurrentSession.class).signedIn().orElse(null);
        if (databases == null || who == null) {
            return null;
        }
        UserSession session = who.session();
        String name = "Closing " + CatalogLabelProvider.login(item.database());
        Job.create(name, (IProgressMonitor monitor) -> {
            try {
                databases.close(session, item.connectionId());
                return Status.OK_STATUS;
            } catch (StratusException e) {
                return Status.error(name + ": " + e.getMessage()); // already closed, or the session ended
            }
        }).schedule();
        return null;
    }
}
