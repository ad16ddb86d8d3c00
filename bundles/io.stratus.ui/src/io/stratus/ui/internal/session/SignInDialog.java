package io.stratus.ui.internal.session;

import io.stratus.core.session.IdentityCenter;
import io.stratus.profiles.AwsProfiles;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignedIn;
import io.stratus.ui.session.WebBrowser;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * Signs a person in: with access keys, keys and an MFA code, a role, an AWS profile or IAM Identity Center
 * ({@link SignInForm}), checked with AWS as {@link IdentityCheckDialog} does.
 */
final class SignInDialog extends IdentityCheckDialog {

    static final String TITLE = "Sign In to Stratus";
    private static final String HINT = "Use your own AWS identity: access keys, with an MFA code or a role, an AWS "
            + "profile of your AWS CLI configuration, or IAM Identity Center.";

    private final CurrentSession session;
    private final AwsProfiles profiles;
    private final Optional<IdentityCenter> identityCenter;
    private final WebBrowser browser;
    private final IDialogSettings settings;
    private SignInForm form;

    SignInDialog(Shell parent, CurrentSession session, AwsProfiles profiles, Optional<IdentityCenter> identityCenter,
            WebBrowser browser, IDialogSettings settings) {
        super(parent, TITLE, "&Sign In");
        this.session = session;
        this.profiles = profiles;
        this.identityCenter = identityCenter;
        this.browser = browser;
        this.settings = settings;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Sign in with your AWS identity");
        setMessage(HINT);
        form = new SignInForm(area, profiles, identityCenter, browser, settings, this::setErrorMessage,
                this::setCheckPossible);
        return area;
    }

    @Override
    public void create() {
        super.create();
        form.setFocus();
    }

    @Override
    CompletableFuture<SignedIn> startCheck() {
        CompletableFuture<SignedIn> signIn = form.signIn(session, false);
        form.remember();
        return signIn;
    }

    @Override
    String checkingMessage() {
        return form.checkingMessage();
    }

    @Override
    String hint() {
        return HINT;
    }

    @Override
    ProblemArea problems() {
        return form.problems();
    }

    @Override
    void setFieldsEnabled(boolean enabled) {
        form.setEnabled(enabled);
    }

    @Override
    void clearSecrets() {
        form.clearSecrets();
    }
}
