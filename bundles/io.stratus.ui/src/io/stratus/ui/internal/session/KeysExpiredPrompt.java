package io.stratus.ui.internal.session;

import io.stratus.core.session.KeysLapse;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SessionChange;
import io.stratus.ui.session.SessionChangeListener;
import io.stratus.ui.session.SignedIn;

import java.util.Optional;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * When the session's keys expire (or AWS stops accepting them), says so and offers to re-authenticate into the
 * same session, or to sign out. Nothing closes meanwhile: editors, their results and the explorer stay, and what
 * needs the keys waits for new ones.
 */
@Component(service = {}, immediate = true)
public final class KeysExpiredPrompt implements SessionChangeListener {

    static final String TITLE = "AWS Keys Expired";
    static final String RENEW = "Re-authenticate...";
    static final String SIGN_OUT = "Sign Out";

    private final CurrentSession session;
    /** Touched on the UI thread only: one prompt at a time, however often the keys are refused meanwhile. */
    private boolean prompting;

    @Activate
    public KeysExpiredPrompt(@Reference CurrentSession session) {
        this.session = session;
        session.addListener(this);
    }

    @Deactivate
    void deactivate() {
        session.removeListener(this);
    }

    @Override
    public void changed(SessionChange change) {
        if (change instanceof SessionChange.KeysChanged keys && keys.who().session().keysLapse().isPresent()
                && PlatformUI.isWorkbenchRunning()) {
            PlatformUI.getWorkbench().getDisplay().asyncExec(this::offerRenewal);
        }
    }

    private void offerRenewal() {
        Optional<SignedIn> who = session.signedIn();
        Optional<KeysLapse> lapse = who.flatMap(now -> now.session().keysLapse());
        if (prompting || lapse.isEmpty() || PlatformUI.getWorkbench().isClosing()) {
            return; // asked already, renewed or signed out meanwhile, or on the way out
        }
        prompting = true;
        try {
            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            Shell parent = window == null ? null : window.getShell();
            MessageDialog prompt = new MessageDialog(parent, TITLE, null, lapse.get().explanation()
                    + "\n\nYour editors, their results and the explorer stay open; what needs your AWS keys waits until "
                    + "you re-authenticate.", MessageDialog.WARNING, 0, RENEW, SIGN_OUT, "Not Now");
            switch (prompt.open()) {
                case 0 -> RenewKeysDialog.offer(parent, session, who.get(), lapse.get().explanation());
                case 1 -> session.signOut();
                default -> {
                    // the status line keeps saying it, and offers to re-authenticate
                }
            }
        } finally {
            prompting = false;
        }
    }
}
