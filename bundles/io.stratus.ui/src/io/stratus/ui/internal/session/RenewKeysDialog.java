package io.stratus.ui.internal.session;

import io.stratus.core.identity.Secret;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignInMethod;
import io.stratus.ui.session.SignedIn;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
 * device), with new secrets, before or after the keys expired, checked with AWS as {@link IdentityCheckDialog}
 * does. A refusal (keys of somebody else, a wrong code) leaves the session as it was. Editors, their results and
 * the explorer stay open throughout.
 */
final class RenewKeysDialog extends IdentityCheckDialog {

    static final String TITLE = "Re-authenticate";
    /** Data key of the MFA code field, for tests. */
    static final String MFA_CODE = "io.stratus.ui.session.renewal.mfaCode";
    private static final String HINT = "New keys of the same identity go into your session: your editors, results "
            + "and the explorer stay open.";

    private final CurrentSession session;
    private final SignedIn who;
    private final SignInMethod method;
    private final String why;
    private KeysForm keys;
    private Text mfaCode;
    private ProblemArea problems;

    private RenewKeysDialog(Shell parent, CurrentSession session, SignedIn who, SignInMethod method, String why) {
        super(parent, TITLE, "&Re-authenticate");
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
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Re-authenticate as " + who.session().identity().displayName());
        setMessage(HINT);
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
            mfaCode = FormParts.field(mfa, "&MFA code:", SWT.PASSWORD, MFA_CODE);
        }
        Composite problemRow = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(12, 0).applyTo(problemRow);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(problemRow);
        problems = new ProblemArea(problemRow, this::setErrorMessage, () -> FormParts.refit(area));
        return area;
    }

    @Override
    public void create() {
        super.create();
        keys.setFocus();
    }

    @Override
    CompletableFuture<?> startCheck() {
        Optional<Secret> code = mfaCode == null || mfaCode.getCharCount() == 0 ? Optional.empty()
                : Optional.of(FormParts.secretOf(mfaCode));
        return session.renew(method.with(keys.credentials(), code));
    }

    @Override
    String checkingMessage() {
        return "Checking your keys with AWS...";
    }

    @Override
    String hint() {
        return HINT;
    }

    @Override
    ProblemArea problems() {
        return problems;
    }

    @Override
    void setFieldsEnabled(boolean enabled) {
        keys.setEnabled(enabled);
        if (mfaCode != null) {
            mfaCode.setEnabled(enabled);
        }
    }

    @Override
    void clearSecrets() {
        if (mfaCode != null) {
            mfaCode.setTextChars(new char[0]); // a code works once
        }
        keys.clearSecret();
    }
}
