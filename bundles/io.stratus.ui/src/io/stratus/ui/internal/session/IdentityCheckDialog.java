package io.stratus.ui.internal.session;

import io.stratus.core.StratusException;

import java.util.concurrent.CompletableFuture;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;

/**
 * The dialogs in which a person proves to AWS who they are (signing in, re-authenticating), as one: a button that
 * has AWS check what was typed, and Cancel. The check runs in a Job; meanwhile the fields and both buttons wait,
 * disabled, and the title area says what is being checked. Then the dialog closes, or shows the refusal in its
 * {@link ProblemArea} in the service's own words and stays open with what was typed, except the secrets.
 */
abstract class IdentityCheckDialog extends TitleAreaDialog {

    private final String title;
    private final String checkLabel;
    private boolean waiting;
    /** Whether the form can be checked as it stands (a broken AWS profile, an approval still awaited cannot). */
    private boolean checkPossible = true;

    IdentityCheckDialog(Shell parent, String title, String checkLabel) {
        super(parent);
        this.title = title;
        this.checkLabel = checkLabel;
    }

    /**
     * Starts the check of what the fields say; the future ends when AWS answered.
     *
     * @throws StratusException INVALID_INPUT for what can be told wrong before asking AWS
     */
    abstract CompletableFuture<?> startCheck();

    /** What the person waits for meanwhile, in the title area. */
    abstract String checkingMessage();

    /** The title area's message while nothing is being checked. */
    abstract String hint();

    abstract ProblemArea problems();

    abstract void setFieldsEnabled(boolean enabled);

    /** After a refusal: what is secret must be typed again (an MFA code works once), the rest stays. */
    abstract void clearSecrets();

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, checkLabel, true).setEnabled(checkPossible);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** Enables the check button or, while the form cannot be checked (the form says why), disables it. */
    void setCheckPossible(boolean possible) {
        checkPossible = possible;
        Button check = getButton(IDialogConstants.OK_ID);
        if (check != null && !waiting) {
            check.setEnabled(possible);
        }
    }

    @Override
    protected final void okPressed() {
        if (waiting || !checkPossible) {
            return;
        }
        CompletableFuture<?> check;
        try {
            check = startCheck();
        } catch (StratusException e) {
            problems().show(e.getMessage());
            return;
        }
        problems().clear();
        setWaiting(true);
        setMessage(checkingMessage());
        SignInOutcome.whenDone(check, getShell(), failure -> {
            setWaiting(false);
            if (failure == null) {
                super.okPressed();
            } else {
                setMessage(hint());
                problems().show(failure);
                clearSecrets();
            }
        });
    }

    @Override
    protected final void cancelPressed() {
        if (!waiting) { // a check under way finishes either way: the person sees where it ends
            super.cancelPressed();
        }
    }

    private void setWaiting(boolean on) {
        waiting = on;
        setFieldsEnabled(!on);
        getButton(IDialogConstants.OK_ID).setEnabled(!on && checkPossible);
        getButton(IDialogConstants.CANCEL_ID).setEnabled(!on);
    }
}
