package io.stratus.ui.internal.session;

import io.stratus.core.StratusException;
import io.stratus.core.session.IdentityCenter;
import io.stratus.profiles.AwsProfiles;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignedIn;
import io.stratus.ui.session.WebBrowser;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * First-run setup: says what setting up means, then asks how the person who becomes the instance's
 * Administrator signs in ({@link SignInForm}); Finish waits while the form cannot sign in (a broken profile, an IAM
 * Identity Center sign-in waiting for approval), as the sign-in dialog's Sign In does. The check with AWS runs in a
 * Job, with the wizard's progress bar waiting for it; a refusal shows the service's own words in the form's
 * {@link ProblemArea} and keeps the wizard open.
 */
final class SetUpWizard extends Wizard {

    static final String TITLE = "Set Up Stratus";
    /** Data key of the explanation, for tests. */
    static final String EXPLANATION = "io.stratus.ui.session.setUpExplanation";

    private final CurrentSession session;
    private final KeysPage keys;

    SetUpWizard(CurrentSession session, AwsProfiles profiles, Optional<IdentityCenter> identityCenter, WebBrowser browser,
            IDialogSettings settings) {
        this.session = session;
        this.keys = new KeysPage(profiles, identityCenter, browser, settings);
        setWindowTitle(TITLE);
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        addPage(new ExplanationPage());
        addPage(keys);
    }

    /** Only from the keys page (the explanation comes first), and with a way to sign in that can be used. */
    @Override
    public boolean canFinish() {
        return getContainer().getCurrentPage() == keys && keys.isPageComplete();
    }

    @Override
    public boolean performFinish() {
        CompletableFuture<SignedIn> setUp;
        try {
            setUp = keys.form.signIn(session, true);
        } catch (StratusException e) {
            keys.form.problems().show(e.getMessage());
            return false;
        }
        keys.form.remember();
        String checking = keys.form.checkingMessage();
        keys.form.problems().clear();
        try {
            getContainer().run(true, false, (IProgressMonitor monitor) -> {
                monitor.beginTask(checking + " Then setting up Stratus.", IProgressMonitor.UNKNOWN);
                try {
                    setUp.get();
                } catch (ExecutionException e) {
                    throw new InvocationTargetException(e.getCause());
                } finally {
                    monitor.done();
                }
            });
            return true;
        } catch (InvocationTargetException e) {
            keys.form.problems().show(SignInOutcome.messageOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            keys.form.problems().show(SignInOutcome.messageOf(e));
        }
        keys.form.clearSecrets();
        return false;
    }

    /** What setup means, before anybody types keys. */
    private static final class ExplanationPage extends WizardPage {

        ExplanationPage() {
            super("explanation", "Set up this Stratus instance", null);
            setDescription("Nobody has set up this Stratus instance yet. The first person to sign in sets it up.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite page = new Composite(parent, SWT.NONE);
            GridLayoutFactory.swtDefaults().margins(12, 12).applyTo(page);
            Label text = new Label(page, SWT.WRAP);
            text.setData(EXPLANATION, Boolean.TRUE);
            text.setText("""
                    Setting up this instance with your AWS keys:

                    \u2022 makes you its Administrator: you grant roles to the people who sign in after you;
                    \u2022 binds this instance to your AWS account: from then on only IAM users and roles of \
                    that account can sign in, and nobody can create other users.

                    Use the keys of an IAM user or role of the account you want to bind. Root keys are \
                    refused: AWS advises against them, and an instance run by them could not be handed over.""");
            GridDataFactory.fillDefaults().grab(true, true).hint(480, SWT.DEFAULT).applyTo(text);
            setControl(page);
        }
    }

    /** How the person setting up signs in. */
    private static final class KeysPage extends WizardPage {

        private final AwsProfiles profiles;
        private final Optional<IdentityCenter> identityCenter;
        private final WebBrowser browser;
        private final IDialogSettings settings;
        private SignInForm form;

        KeysPage(AwsProfiles profiles, Optional<IdentityCenter> identityCenter, WebBrowser browser,
                IDialogSettings settings) {
            super("keys", "Your AWS identity", null);
            this.profiles = profiles;
            this.identityCenter = identityCenter;
            this.browser = browser;
            this.settings = settings;
            setDescription("You become the Administrator of this instance, bound to your AWS account.");
        }

        @Override
        public void createControl(Composite parent) {
            form = new SignInForm(parent, profiles, identityCenter, browser, settings, this::setErrorMessage,
                    this::setPageComplete);
            setControl(form.control());
        }

        @Override
        public void setVisible(boolean visible) {
            super.setVisible(visible);
            if (visible) {
                form.setFocus();
            }
        }
    }
}
