package io.stratus.ui.internal.session;

import io.stratus.core.access.Action;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SessionChange;
import io.stratus.ui.session.SessionChangeListener;
import io.stratus.ui.session.SessionCommands;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.AbstractSourceProvider;
import org.eclipse.ui.ISources;
import org.eclipse.ui.services.IServiceLocator;

/**
 * The expression variables that enable commands from the session: whether somebody is signed in,
 * and which actions they may do ({@link SessionCommands}). The services still check every action.
 */
public final class SessionSourceProvider extends AbstractSourceProvider {

    private static final String[] VARIABLES = {SessionCommands.SIGNED_IN_VARIABLE, SessionCommands.ACTIONS_VARIABLE};

    private CurrentSession session;
    private IEventBroker events;
    private Display display;
    private final SessionChangeListener onChange = this::changed;

    @Override
    public void initialize(IServiceLocator locator) {
        session = locator.getService(CurrentSession.class);
        events = locator.getService(IEventBroker.class);
        display = Display.getCurrent();
        session.addListener(onChange);
    }

    @Override
    public Map<String, Object> getCurrentState() {
        List<String> actions = Arrays.stream(Action.values()).filter(session::may).map(Action::id).toList();
        return Map.of(SessionCommands.SIGNED_IN_VARIABLE, session.signedIn().isPresent(),
                SessionCommands.ACTIONS_VARIABLE, actions);
    }

    @Override
    public String[] getProvidedSourceNames() {
        return VARIABLES.clone();
    }

    private void changed(SessionChange change) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                fireSourceChanged(ISources.WORKBENCH, getCurrentState());
                // Menus look again when they open; tool bars only when asked.
                events.send(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
            });
        }
    }

    @Override
    public void dispose() {
        session.removeListener(onChange);
    }
}
