package io.stratus.ui.explorer.internal;

import io.stratus.core.cloud.CloudResource;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignedIn;

import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Opens the selected database: its connect dialog, which logs in and opens the editor the engine's
 * bundle declares (or tests the connection).
 */
public final class OpenHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        if (!(HandlerUtil.getCurrentStructuredSelection(event).getFirstElement() instanceof CloudResource resource)) {
            return null;
        }
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        Optional<SignedIn> who = window.getService(CurrentSession.class).signedIn();
        CloudExplorer explorer = window.getService(CloudExplorer.class);
        DatabaseService databases = window.getService(DatabaseService.class);
        if (who.isEmpty()) {
            MessageDialog.openInformation(window.getShell(), "Not Signed In", "Sign in to open " + resource.name() + ".");
        } else if (explorer == null || databases == null) {
            MessageDialog.openError(window.getShell(), "Cannot Open " + resource.name(), "Stratus's database services are "
                    + "not running. Wait a moment and try again; if this lasts, see the Error Log.");
        } else {
            Optional<DatabaseEngine> engine = Engines.of(explorer).find(resource.engine());
            if (engine.isEmpty()) {
                MessageDialog.openInformation(window.getShell(), "Cannot Open " + resource.name(), "Stratus has no "
                        + "connector for " + resource.engine() + " databases installed.");
            } else {
                new ConnectDialog(window.getShell(), window.getActivePage(), resource, engine.get(), who.get().session(),
                        databases).open();
            }
        }
        return null;
    }
}
