package io.stratus.ui.internal.session;

import io.stratus.core.identity.Secret;
import io.stratus.core.session.SignInRequest;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignInMethod;
import io.stratus.ui.session.SignedIn;

import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Re-authentication into the session signed in now: the same identity the same way (the same role, the same MFA
 * device), with new secrets, before or after the keys expired. The renewal runs in a Job; a refusal (keys of
 * somebody else, a wrong code) shows in the service's words, and the dialog stays with what was typed except the
 * secrets. Editors, their results and the explorer stay open throughout.
 */
final class RenewKeysDialog extends TitleAreaDialog {

    static final String TITLE = "Re-authenticate";
    /** Data key of the MFA code field, for tests. */
    static final String MFA_CODE = "io.stratus.ui.session.renewal.mfaCode";

    private final CurrentSession session;
    private final SignedIn who;
    private final SignInMethod method;
    private final String why;
    private KeysForm keys;
    private Text mfaCode;
    private boolean waiting;

    private RenewKeysDialog(Shell parent, CurrentSession session, SignedIn who, SignInMethod method, String why) {
        super(parent);
        this.session = session;
        this.who = who;
        this.method = method;
        this.why = why;
    }

    /**
     * Asks for new secrets of the way {@code who} signed in with keys; a session another service opened (IAM
     * Identity Center) has no keys to type: its person signs in again that way.
     */
    static void offer(Shell parent, CurrentSession session, SignedIn who, String why) {
        who.method().ifPresentOrElse(method -> new RenewKeysDialog(parent, session, who, method, why).open(),
                () -> SignInFlow.open(parent, session));
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Re-authenticate as " + who.session().identity().displayName());
        setMessage(hint());
        Composite identity = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(12, 8).applyTo(identity);
        Label arn = new Label(identity, SWT.WRAP);
        arn.setText(why + "\n\nSigned in as " + who.session().identity().arn()
                + method.role().map(role -> "\nAssuming " + role.roleArn() + " again").orElse("")
                + "\nOnly keys of this identity are taken: renewing with somebody else's would hand your open work to them.");
        GridDataFactory.fillDefaults().grab(true, false).hint(460, SWT.DEFAULT).applyTo(arn);
        keys = new KeysForm(area);
        keys.setAccessKeyId(method.accessKeyId());
        if (method.mfa()) {
            Composite mfa = new Composite(area, SWT.NONE);
            GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 0).applyTo(mfa);
            new Label(mfa, SWT.NONE).setText("&MFA code:");
            mfaCode = new Text(mfa, SWT.SINGLE | SWT.BORDER | SWT.PASSWORD);
            mfaCode.setData(MFA_CODE, Boolean.TRUE);
            GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(mfaCode);
        }
        return area;
    }

    private static String hint() {
        return "New keys of the same identity go into your session: your editors, results and the explorer stay open.";
    }

    @Override
    public void create() {
        super.create();
        keys.setFocus();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Re-authenticate", true);
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
        Optional<Secret> code = mfaCode == null || mfaCode.getCharCount() == 0 ? Optional.empty()
                : Optional.of(KeysForm.secretOf(mfaCode));
        SignInRequest request = method.with(keys.credentials(), code);
        SignInOutcome.whenDone(session.renew(request), getShell(), failure -> {
            setWaiting(false);
            if (failure == null) {
                super.okPressed();
            } else {
                setMessage(hint());
                setErrorMessage(failure);
                if (mfaCode != null) {
                    mfaCode.setTextChars(new char[0]); // a code works once
                }
                keys.clearSecret();
            }
        });
    }

    @Override
    protected void cancelPressed() {
        if (!waiting) {
            super.cancelPressed();
        }
    }

    private void setWaiting(boolean on) {
        waiting = on;
        keys.setEnabled(!on);
        if (mfaCode != null) {
            mfaCode.setEnabled(!on);
        }
        getButton(IDialogConstants.OK_ID).setEnabled(!on);
        getButton(IDialogConstants.CANCEL_ID).setEnabled(!on);
    }
}
