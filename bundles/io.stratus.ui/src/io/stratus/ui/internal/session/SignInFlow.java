package io.stratus.ui.internal.session;

import io.stratus.core.StratusException;
import io.stratus.profiles.AwsProfiles;
import io.stratus.ui.session.CurrentSession;

import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.FrameworkUtil;

/** Where signing in starts: the sign-in dialog, or the setup wizard while nobody has set the instance up. */
final class SignInFlow {

    private SignInFlow() {
    }

    /** Where the sign-in forms remember the last method and profile name (and nothing else). */
    private static final String SETTINGS = "SignIn";

    static void open(Shell parent, CurrentSession session) {
        boolean configured;
        try {
            configured = session.instanceConfigured();
        } catch (StratusException e) { // the services are not running (yet)
            MessageDialog.openError(parent, SignInDialog.TITLE, e.getMessage());
            return;
        }
        AwsProfiles profiles = PlatformUI.getWorkbench().getService(AwsProfiles.class);
        IDialogSettings settings = PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(SignInFlow.class))
                .getDialogSettings();
        IDialogSettings section = settings.getSection(SETTINGS) != null ? settings.getSection(SETTINGS)
                : settings.addNewSection(SETTINGS);
        if (configured) {
            new SignInDialog(parent, session, profiles, section).open();
        } else {
            new WizardDialog(parent, new SetUpWizard(session, profiles, section)).open();
        }
    }
}
