package io.stratus.ui.admin.internal;

import io.stratus.ui.admin.AdminCommands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Administration &gt; Users and Roles: opens the editor, or brings it to the front. */
public final class OpenUsersAndRolesHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage()
                    .openEditor(UsersAndRolesInput.INSTANCE, AdminCommands.USERS_AND_ROLES_EDITOR);
        } catch (PartInitException e) {
            throw new ExecutionException("The Users and Roles editor did not open: " + e.getMessage(), e);
        }
        return null;
    }
}
