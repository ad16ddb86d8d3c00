package io.stratus.ui.internal.session;

import io.stratus.core.StratusException;
import io.stratus.core.session.IdentityCenter;
import io.stratus.profiles.AwsProfiles;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.WebBrowser;

import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** Where signing in starts: the sign-in dialog, or the setup wizard while nobody has set the instance up. */
final class SignInFlow {

    private SignInFlow() {
    }

    /** Where the sign-in forms remember the last method and profile name (and nothing else). */
    private static final String SETTINGS = "SignIn";

    /** What the sign-in and re-authentication forms use besides the session: the services and their settings. */
    record Services(AwsProfiles profiles, Optional<IdentityCenter> identityCenter, WebBrowser browser,
            IDialogSettings settings) {
    }

    static void open(Shell parent, CurrentSession session) {
        boolean configured;
        try {
            configured = session.instanceConfigured();
        } catch (StratusException e) { // the services are not running (yet)
            MessageDialog.openError(parent, SignInDialog.TITLE, e.getMessage());
            return;
        }
        Services services = services();
        if (configured) {
            new SignInDialog(parent, session, services.profiles(), services.identityCenter(), services.browser(),
                    services.settings()).open();
        } else {
            new WizardDialog(parent, new SetUpWizard(session, services.profiles(), services.identityCenter(),
                    services.browser(), services.settings())).open();
        }
    }

    /** The services now (Identity Center's, if running) and the forms' dialog settings. */
    static Services services() {
        IDialogSettings settings = PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(SignInFlow.class))
                .getDialogSettings();
        IDialogSettings section = settings.getSection(SETTINGS) != null ? settings.getSection(SETTINGS)
                : settings.addNewSection(SETTINGS);
        return new Services(PlatformUI.getWorkbench().getService(AwsProfiles.class),
                Optional.ofNullable(PlatformUI.getWorkbench().getService(IdentityCenter.class)), webBrowser(), section);
    }

    /** The highest-ranked browser now (not a cached one: tests put theirs in front of the system's). */
    private static WebBrowser webBrowser() {
        BundleContext context = FrameworkUtil.getBundle(SignInFlow.class).getBundleContext();
        ServiceReference<WebBrowser> best = context.getServiceReference(WebBrowser.class);
        WebBrowser browser = best == null ? null : context.getService(best);
        return browser != null ? browser : new SystemWebBrowser();
    }
}
