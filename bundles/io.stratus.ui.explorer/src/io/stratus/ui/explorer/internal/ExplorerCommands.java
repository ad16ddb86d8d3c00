package io.stratus.ui.explorer.internal;

import io.stratus.ui.explorer.CloudExplorerView;

import java.util.Optional;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.common.CommandException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.services.IServiceLocator;

/** The explorer's command ids (declared in plugin.xml), and how its handlers find the view. */
public final class ExplorerCommands {

    public static final String OPEN = "io.stratus.ui.explorer.open";
    public static final String REFRESH_ALL = "io.stratus.ui.explorer.refreshAll";
    public static final String COPY = "io.stratus.ui.explorer.copy";
    /** The parameter of {@link #COPY}: one of {@code endpoint}, {@code arn}, {@code url}. */
    public static final String COPY_WHAT = "io.stratus.ui.explorer.copy.what";

    private ExplorerCommands() {
    }

    /** The Cloud Explorer of the event's window, if it is open. */
    public static Optional<CloudExplorerView> view(ExecutionEvent event) {
        return view(HandlerUtil.getActiveWorkbenchWindow(event));
    }

    /** The Cloud Explorer of a window, if it is open there. */
    public static Optional<CloudExplorerView> view(IWorkbenchWindow window) {
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        return Optional.ofNullable(page == null ? null : page.findView(CloudExplorerView.ID))
                .filter(CloudExplorerView.class::isInstance).map(CloudExplorerView.class::cast);
    }

    /** Whether a handler runs the command for the current selection (and the person may). */
    public static boolean isEnabled(IServiceLocator services, String commandId) {
        Command command = services.getService(ICommandService.class).getCommand(commandId);
        // evaluated now, with the selection of this moment, not as last shown in a menu
        command.setEnabled(services.getService(IHandlerService.class).getCurrentState());
        return command.isDefined() && command.isEnabled();
    }

    /** Runs a command as its key binding would. */
    public static void execute(IServiceLocator services, String commandId) {
        try {
            services.getService(IHandlerService.class).executeCommand(commandId, null);
        } catch (CommandException e) {
            ILog.of(ExplorerCommands.class).error("The command " + commandId + " did not run: " + e.getMessage(), e);
        }
    }
}
