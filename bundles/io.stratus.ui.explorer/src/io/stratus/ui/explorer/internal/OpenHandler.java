package io.stratus.ui.explorer.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Opens the selected database. Until the connect dialog and the editors exist, that shows its
 * Properties: its connection settings, engine and status.
 */
public final class OpenHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage().showView(IPageLayout.ID_PROP_SHEET);
        } catch (PartInitException e) {
            throw new ExecutionException("The Properties view did not open: " + e.getMessage(), e);
        }
        return null;
    }
}
