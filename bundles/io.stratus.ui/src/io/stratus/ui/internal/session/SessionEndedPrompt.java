package io.stratus.ui.internal.session;

import io.stratus.core.session.SessionEnd;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SessionChange;
import io.stratus.ui.session.SessionChangeListener;

import java.util.Set;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * When a session ends by itself (idle, timed out), tells the person why and
 * offers to sign in again. Windows and views stay as they were (editors of open databases close,
 * as their connections ended with the session); whatever needs the keys waits for the next sign-in.
 */
@Component(service = {}, immediate = true)
public final class SessionEndedPrompt implements SessionChangeListener {

    static final String TITLE = "Session Ended";
    static final String SIGN_IN_AGAIN = "Sign In...";
    /** Ends the person chose or that close the workbench anyway: nothing to ask. */
    private static final Set<SessionEnd> EXPECTED = Set.of(SessionEnd.SIGNED_OUT, SessionEnd.SHUT_DOWN);

    private final CurrentSession session;

    @Activate
    public SessionEndedPrompt(@Reference CurrentSession session) {
        this.session = session;
        session.addListener(this);
    }

    @Deactivate
    void deactivate() {
        session.removeListener(this);
    }

    @Override
    public void changed(SessionChange change) {
        if (change instanceof SessionChange.Ended ended && !EXPECTED.contains(ended.how())
                && PlatformUI.isWorkbenchRunning()) {
            Display display = PlatformUI.getWorkbench().getDisplay();
            display.asyncExec(() -> offerSignIn(ended.how()));
        }
    }

    private void offerSignIn(SessionEnd how) {
        if (PlatformUI.getWorkbench().isClosing() || session.signedIn().isPresent()) {
            return; // signed in again meanwhile, or on the way out
        }
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Shell parent = window == null ? null : window.getShell();
        MessageDialog prompt = new MessageDialog(parent, TITLE, null,
                how.explanation() + "\n\nYour windows and views stay as they are; open databases closed with the session. "
                        + "What needs your AWS keys waits until you sign in again.",
                MessageDialog.INFORMATION, 0, SIGN_IN_AGAIN, "Not Now");
        if (prompt.open() == 0) {
            SignInFlow.open(parent, session);
        }
    }
}
