package io.stratus.ui.admin.internal;

import io.stratus.ui.admin.AdminCommands;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Export to CSV: the entries the Audit Trail view shows, to the file given as parameter or one the person picks. */
public final class ExportAuditHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
        try {
            AuditView view = (AuditView) page.showView(AdminCommands.AUDIT_VIEW);
            view.export(Optional.ofNullable(event.getParameter(AdminCommands.EXPORT_FILE)).map(Path::of));
        } catch (PartInitException e) {
            throw new ExecutionException("The Audit Trail view did not open: " + e.getMessage(), e);
        }
        return null;
    }
}
