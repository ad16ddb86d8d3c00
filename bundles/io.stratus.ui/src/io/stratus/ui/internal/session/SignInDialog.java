package io.stratus.ui.internal.session;

import io.stratus.core.StratusException;
import io.stratus.core.session.IdentityCenter;
import io.stratus.profiles.AwsProfiles;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignedIn;
import io.stratus.ui.session.WebBrowser;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * Signs a person in: with access keys, keys and an MFA code, a role, an AWS profile or IAM Identity Center ({@link SignInForm}). The
 * check with AWS runs in a Job; meanwhile the dialog waits with its fields disabled. A refusal is shown with
 * the service's own words, and the dialog stays open with what was typed, except the secrets.
 */
final class SignInDialog extends TitleAreaDialog {

    static final String TITLE = "Sign In to Stratus";
    private static final String HINT = "Use your own AWS identity: access keys, with an MFA code or a role, an AWS "
            + "profile of your AWS CLI configuration, or IAM Identity Center.";

    private final CurrentSession session;
    private final AwsProfiles profiles;
    private final Optional<IdentityCenter> identityCenter;
    private final WebBrowser browser;
    private final IDialogSettings settings;
    private SignInForm form;
    private boolean waiting;

    SignInDialog(Shell parent, CurrentSession session, AwsProfiles profiles, Optional<IdentityCenter> identityCenter,
            WebBrowser browser, IDialogSettings settings) {
        super(parent);
        this.session = session;
        this.profiles = profiles;
        this.identityCenter = identityCenter;
        this.browser = browser;
        this.settings = settings;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Sign in with your AWS identity");
        setMessage(HINT);
        form = new SignInForm(area, profiles, identityCenter, browser, settings);
        return area;
    }

    @Override
    public void create() {
        super.create();
        form.setFocus();
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
        CompletableFuture<SignedIn> signIn;
        try {
            signIn = form.signIn(session, false);
        } catch (StratusException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        form.remember();
        setWaiting(true);
        setErrorMessage(null);
        setMessage(form.checkingMessage());
        SignInOutcome.whenDone(signIn, getShell(), failure -> {
            setWaiting(false);
            if (failure == null) {
                super.okPressed();
            } else {
                setMessage(HINT);
                setErrorMessage(failure);
                form.clearSecrets();
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
        form.setEnabled(!on);
        getButton(IDialogConstants.OK_ID).setEnabled(!on);
        getButton(IDialogConstants.CANCEL_ID).setEnabled(!on);
    }
}
