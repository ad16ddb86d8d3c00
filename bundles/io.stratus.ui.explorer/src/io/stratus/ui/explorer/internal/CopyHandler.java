package io.stratus.ui.explorer.internal;

import io.stratus.core.StratusException;
import io.stratus.core.cloud.CloudResource;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.ui.session.CurrentSession;

import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/** Copies the selected database's endpoint ({@code host:port}), ARN or connection URL to the clipboard. */
public final class CopyHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        if (!(HandlerUtil.getCurrentStructuredSelection(event).getFirstElement() instanceof CloudResource resource)) {
            return null;
        }
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        String what = event.getParameter(ExplorerCommands.COPY_WHAT);
        try {
            Optional<String> text = switch (what) {
                case "endpoint" -> resource.endpoint().map(endpoint -> endpoint.host() + ":" + endpoint.port());
                case "arn" -> Optional.of(resource.id());
                case "url" -> ConnectionSettings.of(window.getService(CurrentSession.class),
                        window.getService(CloudExplorer.class), resource).url();
                default -> throw new ExecutionException("Nothing to copy called '" + what + "'");
            };
            if (text.isPresent()) {
                copy(window.getShell().getDisplay(), text.get());
            } else {
                MessageDialog.openInformation(window.getShell(), "Nothing to Copy", resource.name() + " has no " + what + ".");
            }
        } catch (StratusException e) {
            MessageDialog.openError(window.getShell(), "Cannot Copy", e.getMessage());
        }
        return null;
    }

    private static void copy(Display display, String text) {
        Clipboard clipboard = new Clipboard(display);
        try {
            clipboard.setContents(new Object[] {text}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            clipboard.dispose();
        }
    }
}
