package io.stratus.ui.internal.session;

import io.stratus.ui.session.CurrentSession;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/** File &gt; Sign In...: the sign-in dialog, or the setup wizard on an instance nobody has set up. */
public final class SignInHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        SignInFlow.open(window.getShell(), window.getService(CurrentSession.class));
        return null;
    }
}
