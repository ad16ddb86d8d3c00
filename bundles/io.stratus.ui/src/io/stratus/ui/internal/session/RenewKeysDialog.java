package io.stratus.ui.internal.session;

import io.stratus.core.StratusException;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.IdentityCenterSignIn;
import io.stratus.profiles.AwsProfile;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignInMethod;
import io.stratus.ui.session.SignInWay;
import io.stratus.ui.session.SignedIn;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Re-authentication into the session signed in now: the same identity the same way, before or after the keys
 * expired. Keys typed in: the same role and MFA device, with new secrets. An AWS profile: read again (its MFA code
 * asked, its IAM Identity Center sign-in approved if its keys start there). IAM Identity Center: a new approval at
 * the same portal for the same role ({@link IdentityCenterForm}). The renewal runs in a Job; a refusal (somebody
 * else's keys or approval, a wrong code) shows in the service's words, and the dialog stays with what was typed
 * except the secrets. Editors, their results and the explorer stay open throughout.
 */
final class RenewKeysDialog extends TitleAreaDialog {

    static final String TITLE = "Re-authenticate";
    /** Data key of the MFA code field, for tests. */
    static final String MFA_CODE = "io.stratus.ui.session.renewal.mfaCode";

    private final CurrentSession session;
    private final SignedIn who;
    private final String why;
    private final SignInFlow.Services services;
    private KeysForm keys;
    private Text mfaCode;
    private IdentityCenterForm identityCenter;
    private boolean waiting;

    private RenewKeysDialog(Shell parent, CurrentSession session, SignedIn who, String why,
            SignInFlow.Services services) {
        super(parent);
        this.session = session;
        this.who = who;
        this.why = why;
        this.services = services;
    }

    /** Asks for what re-authenticating the way {@code who} signed in takes. */
    static void offer(Shell parent, CurrentSession session, SignedIn who, String why) {
        new RenewKeysDialog(parent, session, who, why, SignInFlow.services()).open();
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
        arn.setText(why + "\n\nSigned in as " + who.session().identity().arn() + again()
                + "\nOnly keys of this identity are taken: renewing with somebody else's would hand your open work to them.");
        GridDataFactory.fillDefaults().grab(true, false).hint(460, SWT.DEFAULT).applyTo(arn);
        switch (who.way()) {
            case SignInMethod method -> createKeysArea(area, method);
            case SignInWay.Profile profile -> createProfileArea(area, profile);
            case SignInWay.IdentityCenter center -> createIdentityCenterArea(area, center.through());
        }
        return area;
    }

    /** What is done again, in words. */
    private String again() {
        return switch (who.way()) {
            case SignInMethod method -> method.role().map(role -> "\nAssuming " + role.roleArn() + " again").orElse("");
            case SignInWay.Profile profile -> "\nReading the AWS profile '" + profile.name() + "' again";
            case SignInWay.IdentityCenter center -> "\nThrough IAM Identity Center (" + center.through().portal()
                    .startUrl() + ") as " + center.through().roleName() + " in " + center.through().accountId()
                    + " again: approve a new sign-in as yourself";
        };
    }

    private void createKeysArea(Composite area, SignInMethod method) {
        keys = new KeysForm(area);
        keys.setAccessKeyId(method.accessKeyId());
        if (method.mfa()) {
            createMfaField(area);
        }
    }

    private void createMfaField(Composite area) {
        Composite mfa = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 0).applyTo(mfa);
        new Label(mfa, SWT.NONE).setText("&MFA code:");
        mfaCode = new Text(mfa, SWT.SINGLE | SWT.BORDER | SWT.PASSWORD);
        mfaCode.setData(MFA_CODE, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(mfaCode);
    }

    /** The profile read again: its MFA code if it asks for one, its IAM Identity Center sign-in if its keys start there. */
    private void createProfileArea(Composite area, SignInWay.Profile profile) {
        Optional<AwsProfile> listed = Optional.empty();
        try {
            listed = services.profiles().list().stream().filter(each -> each.name().equals(profile.name())).findFirst();
        } catch (StratusException e) {
            // reading the files again at Re-authenticate says what is wrong with them
        }
        if (listed.map(AwsProfile::needsMfaCode).orElse(false)) {
            createMfaField(area);
        }
        SignInForm.identityCenterSignIn(services.profiles(), profile.name())
                .ifPresent(through -> createIdentityCenterArea(area, through));
    }

    private void createIdentityCenterArea(Composite area, IdentityCenterSignIn through) {
        Group group = new Group(area, SWT.NONE);
        group.setText("IAM Identity Center");
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).indent(12, 0).applyTo(group);
        identityCenter = new IdentityCenterForm(group, services.identityCenter(), services.browser(),
                services.settings(), this::relayout);
        identityCenter.useRole(Optional.of(through));
    }

    private void relayout() {
        Shell shell = getShell();
        if (shell != null && shell.isVisible()) {
            shell.layout(true, true);
            shell.setSize(shell.getSize().x, shell.computeSize(shell.getSize().x, SWT.DEFAULT).y);
        }
    }

    private String hint() {
        return who.way() instanceof SignInMethod
                ? "New keys of the same identity go into your session: your editors, results and the explorer stay open."
                : "The same identity's new keys go into your session: your editors, results and the explorer stay open.";
    }

    @Override
    public void create() {
        super.create();
        if (keys != null) {
            keys.setFocus();
        } else if (mfaCode != null) {
            mfaCode.setFocus();
        } else if (identityCenter != null) {
            identityCenter.setFocus();
        }
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
        CompletableFuture<SignedIn> renewal;
        try {
            renewal = renewal();
        } catch (StratusException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        setWaiting(true);
        setErrorMessage(null);
        setMessage("Checking your keys with AWS...");
        SignInOutcome.whenDone(renewal, getShell(), failure -> {
            setWaiting(false);
            if (failure == null) {
                super.okPressed();
            } else {
                setMessage(hint());
                setErrorMessage(failure);
                if (mfaCode != null) {
                    mfaCode.setTextChars(new char[0]); // a code works once
                }
                if (keys != null) {
                    keys.clearSecret();
                }
                if (identityCenter != null) {
                    identityCenter.afterFailure(); // the approval was used up
                }
            }
        });
    }

    /**
     * The renewal the way the person signed in, started.
     *
     * @throws StratusException INVALID_INPUT before an IAM Identity Center sign-in was approved
     */
    private CompletableFuture<SignedIn> renewal() {
        return switch (who.way()) {
            case SignInMethod method -> session.renew(method.with(keys.credentials(), mfaCode()));
            case SignInWay.Profile profile -> {
                Optional<IdentityCenterForm.Approved> approved = Optional.ofNullable(identityCenter)
                        .map(IdentityCenterForm::approved);
                Optional<Secret> code = mfaCode();
                yield session.renew("Reading the AWS profile " + profile.name(),
                        () -> SignInForm.profileRequest(services.profiles(), profile.name(), code, approved));
            }
            case SignInWay.IdentityCenter center -> {
                IdentityCenterForm.Approved approved = identityCenter.approved();
                yield session.renew("Getting new keys from IAM Identity Center", () -> approved.service().roleKeys(
                        approved.authorizationId(), approved.role().accountId(), approved.role().roleName()));
            }
        };
    }

    private Optional<Secret> mfaCode() {
        return mfaCode == null || mfaCode.getCharCount() == 0 ? Optional.empty()
                : Optional.of(KeysForm.secretOf(mfaCode));
    }

    @Override
    protected void cancelPressed() {
        if (!waiting) {
            super.cancelPressed();
        }
    }

    private void setWaiting(boolean on) {
        waiting = on;
        if (keys != null) {
            keys.setEnabled(!on);
        }
        if (identityCenter != null) {
            identityCenter.setEnabled(!on);
        }
        if (mfaCode != null) {
            mfaCode.setEnabled(!on);
        }
        getButton(IDialogConstants.OK_ID).setEnabled(!on);
        getButton(IDialogConstants.CANCEL_ID).setEnabled(!on);
    }
}
