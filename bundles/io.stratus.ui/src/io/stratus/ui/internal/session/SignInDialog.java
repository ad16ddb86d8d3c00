package io.stratus.ui.internal.session;

import io.stratus.ui.session.CurrentSession;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * Signs a person in with their AWS keys. The check with AWS runs in a Job; meanwhile the dialog waits
 * with its fields disabled. A refusal is shown with the service's own words, and the dialog stays open
 * with what was typed, except the secret.
 */
final class SignInDialog extends TitleAreaDialog {

    static final String TITLE = "Sign In to Stratus";
    private static final String HINT = "Use the keys of your own IAM user, or temporary keys with their session token.";

    private final CurrentSession session;
    private KeysForm keys;
    private boolean waiting;

    SignInDialog(Shell parent, CurrentSession session) {
        super(parent);
        this.session = session;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Sign in with your AWS access keys");
        setMessage(HINT);
        keys = new KeysForm(area);
        return area;
    }

    @Override
    public void create() {
        super.create();
        keys.setFocus();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Sign In", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        if (waiting) {
            return;
        }
        setWaiting(true);
        setErrorMessage(null);
        setMessage("Checking your keys with AWS...");
        SignInOutcome.whenDone(session.signIn(keys.credentials()), getShell(), failure -> {
            setWaiting(false);
            if (failure == null) {
                super.okPressed();
            } else {
                setMessage(HINT);
                setErrorMessage(failure);
                keys.clearSecret();
            }
        });
    }

    @Override
    protected void cancelPressed() {
        if (!waiting) { // a sign-in under way finishes either way: the person sees where it ends
            super.cancelPressed();
        }
    }

    private void setWaiting(boolean on) {
        waiting = on;
        keys.setEnabled(!on);
        getButton(IDialogConstants.OK_ID).setEnabled(!on);
        getButton(IDialogConstants.CANCEL_ID).setEnabled(!on);
    }
}
