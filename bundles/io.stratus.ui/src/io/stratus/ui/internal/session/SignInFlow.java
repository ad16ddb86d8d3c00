package io.stratus.ui.internal.session;

import io.stratus.core.StratusException;
import io.stratus.ui.session.CurrentSession;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;

/** Where signing in starts: the sign-in dialog, or the setup wizard while nobody has set the instance up. */
final class SignInFlow {

    private SignInFlow() {
    }

    static void open(Shell parent, CurrentSession session) {
        boolean configured;
        try {
            configured = session.instanceConfigured();
        } catch (StratusException e) { // the services are not running (yet)
            MessageDialog.openError(parent, SignInDialog.TITLE, e.getMessage());
            return;
        }
        if (configured) {
            new SignInDialog(parent, session).open();
        } else {
            new WizardDialog(parent, new SetUpWizard(session)).open();
        }
    }
}
