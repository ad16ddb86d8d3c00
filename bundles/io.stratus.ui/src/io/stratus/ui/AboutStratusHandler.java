package io.stratus.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Help &gt; About Stratus, in the desktop product and in an Eclipse IDE alike. */
public final class AboutStratusHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        new AboutStratusDialog(HandlerUtil.getActiveShell(event)).open();
        return null;
    }
}
