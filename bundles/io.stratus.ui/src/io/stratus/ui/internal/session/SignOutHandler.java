package io.stratus.ui.internal.session;

import io.stratus.ui.session.CurrentSession;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.handlers.HandlerUtil;

/** File &gt; Sign Out: ends the session and wipes its keys; windows and views stay as they are, database editors close. */
public final class SignOutHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        HandlerUtil.getActiveWorkbenchWindowChecked(event).getService(CurrentSession.class).signOut();
        return null;
    }
}
