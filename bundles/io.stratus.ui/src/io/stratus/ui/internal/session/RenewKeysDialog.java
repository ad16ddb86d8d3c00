package io.stratus.ui.internal.session;

import io.stratus.core.StratusException;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.IdentityCenterSignIn;
import io.stratus.profiles.AwsProfile;
import io.stratus.ui.FormParts;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignInMethod;
import io.stratus.ui.session.SignInWay;
import io.stratus.ui.session.SignedIn;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
 * Re-authentication into the session signed in now: the same identity the same way ({@link SignedIn#way()}),
 * before or after the keys expired, checked with AWS as {@link IdentityCheckDialog} does. Keys typed in: the same
 * role and MFA device, with new secrets. An AWS profile: read again (its MFA code asked, its IAM Identity Center
 * sign-in approved if its keys start there). IAM Identity Center: a new approval at the same portal for the same
 * role ({@link IdentityCenterForm}). A refusal (somebody else's keys or approval, a wrong code) leaves the session as
 * it was. Editors, their results and the explorer stay open throughout.
 */
final class RenewKeysDialog extends IdentityCheckDialog {

    static final String TITLE = "Re-authenticate";
    /** Data key of the MFA code field, for tests. */
    static final String MFA_CODE = "io.stratus.ui.session.renewal.mfaCode";
    private static final String HINT = "New keys of the same identity go into your session: your editors, results "
            + "and the explorer stay open.";

    private final CurrentSession session;
    private final SignedIn who;
    private final String why;
    private final SignInFlow.Services services;
    private KeysForm keys;
    private Text mfaCode;
    private IdentityCenterForm identityCenter;
    private ProblemArea problems;

    private RenewKeysDialog(Shell parent, CurrentSession session, SignedIn who, String why,
            SignInFlow.Services services) {
        super(parent, TITLE, "&Re-authenticate");
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
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Re-authenticate as " + who.session().identity().displayName());
        setMessage(HINT);
        Composite identity = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(12, 8).applyTo(identity);
        Label arn = new Label(identity, SWT.WRAP);
        arn.setText(why + "\n\nSigned in as " + who.session().identity().arn() + again()
                + "\nOnly keys of this identity are taken: renewing with somebody else's would hand your open work to them.");
        GridDataFactory.fillDefaults().grab(true, false).hint(460, SWT.DEFAULT).applyTo(arn);
        Composite fields = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(fields);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(fields);
        Composite problemRow = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(12, 0).applyTo(problemRow);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(problemRow);
        problems = new ProblemArea(problemRow, this::setErrorMessage, () -> FormParts.refit(area));
        switch (who.way()) {
            case SignInMethod method -> createKeysArea(fields, method);
            case SignInWay.Profile profile -> createProfileArea(fields, profile);
            case SignInWay.IdentityCenter center -> createIdentityCenterArea(fields, center.through());
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
        mfaCode = FormParts.field(mfa, "&MFA code:", SWT.PASSWORD, MFA_CODE);
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
                services.settings(), problems, () -> FormParts.refit(area), pending -> setCheckPossible(!pending));
        identityCenter.useRole(Optional.of(through));
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

    /**
     * The renewal the way the person signed in, started.
     *
     * @throws StratusException INVALID_INPUT before an IAM Identity Center sign-in was approved
     */
    @Override
    CompletableFuture<?> startCheck() {
        return switch (who.way()) {
            case SignInMethod method -> session.renew(method.with(keys.credentials(), code()));
            case SignInWay.Profile profile -> {
                Optional<IdentityCenterForm.Approved> approved = Optional.ofNullable(identityCenter)
                        .map(IdentityCenterForm::approved);
                Optional<Secret> code = code();
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

    private Optional<Secret> code() {
        return mfaCode == null || mfaCode.getCharCount() == 0 ? Optional.empty()
                : Optional.of(FormParts.secretOf(mfaCode));
    }

    @Override
    String checkingMessage() {
        return who.way() instanceof SignInWay.Profile profile ? "Reading profile '" + profile.name()
                + "' and checking its keys with AWS..." : "Checking your keys with AWS...";
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
        if (keys != null) {
            keys.setEnabled(enabled);
        }
        if (mfaCode != null) {
            mfaCode.setEnabled(enabled);
        }
        if (identityCenter != null) {
            identityCenter.setEnabled(enabled);
        }
    }

    @Override
    void clearSecrets() {
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
}
