package io.stratus.ui.admin.internal;

import io.stratus.ui.admin.AdminCommands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Administration &gt; Audit Trail: shows the view. */
public final class ShowAuditHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage().showView(AdminCommands.AUDIT_VIEW);
        } catch (PartInitException e) {
            throw new ExecutionException("The Audit Trail view did not open: " + e.getMessage(), e);
        }
        return null;
    }
}
