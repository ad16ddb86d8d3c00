package io.stratus.ui.internal.session;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.MfaCode;
import io.stratus.core.identity.Secret;
import io.stratus.core.session.IdentityCenter;
import io.stratus.core.session.IdentityCenterPortal;
import io.stratus.core.session.IdentityCenterSignIn;
import io.stratus.core.session.RoleToAssume;
import io.stratus.core.session.SignInRequest;
import io.stratus.profiles.AwsProfile;
import io.stratus.profiles.AwsProfiles;
import io.stratus.ui.FormParts;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SignInWay;
import io.stratus.ui.session.SignedIn;
import io.stratus.ui.session.WebBrowser;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * How a person signs in, in the sign-in dialog and the setup wizard: a method, then what it needs. Access keys
 * ({@link KeysForm}); access keys and an MFA code; a role assumed with access keys (ARN, external ID, duration,
 * and an MFA code if its trust policy asks for one); or an AWS profile of the person's {@code ~/.aws} files,
 * read when the form opens and again when they sign in (with a field for the MFA code if the profile needs
 * one), or IAM Identity Center ({@link IdentityCenterForm}), which an SSO profile uses too. Problems show in its
 * {@link ProblemArea}; a profile that cannot be used (or none to choose) says why there at once, and Sign In waits
 * for another choice. Secrets are read as characters into {@link Secret}s; the dialog settings keep the method and
 * the profile's name, nothing else.
 */
final class SignInForm {

    /** The ways to sign in, in the order the person sees them. */
    enum Method {
        KEYS("Access keys"),
        KEYS_AND_MFA("Access keys and an MFA code"),
        ROLE("An IAM role, assumed with access keys"),
        PROFILE("An AWS profile (AWS CLI configuration)"),
        IDENTITY_CENTER("IAM Identity Center (AWS SSO)");

        final String label;

        Method(String label) {
            this.label = label;
        }
    }

    /** Data keys of the fields, for tests. */
    static final String METHOD = "io.stratus.ui.session.method";
    static final String MFA_SERIAL = "io.stratus.ui.session.mfaSerial";
    static final String MFA_CODE = "io.stratus.ui.session.mfaCode";
    static final String ROLE_ARN = "io.stratus.ui.session.roleArn";
    static final String EXTERNAL_ID = "io.stratus.ui.session.externalId";
    static final String DURATION = "io.stratus.ui.session.duration";
    static final String PROFILE = "io.stratus.ui.session.profile";
    static final String PROFILE_SUMMARY = "io.stratus.ui.session.profileSummary";
    static final String PROFILE_MFA_CODE = "io.stratus.ui.session.profileMfaCode";

    private static final String NO_PROFILE = "There is no AWS profile in your AWS CLI configuration (~/.aws/config "
            + "and ~/.aws/credentials, or where AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point). Add one with "
            + "'aws configure', or choose another way to sign in.";
    private static final String SETTINGS_METHOD = "method";
    private static final String SETTINGS_PROFILE = "profile";
    /** Durations of a role session: the role's default first (empty), then 15 minutes to 12 hours. */
    private static final List<Optional<Duration>> DURATIONS = List.of(Optional.empty(),
            Optional.of(Duration.ofMinutes(15)), Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofHours(2)),
            Optional.of(Duration.ofHours(4)), Optional.of(Duration.ofHours(8)), Optional.of(Duration.ofHours(12)));

    private final AwsProfiles profiles;
    private final IDialogSettings settings;
    private final Composite form;
    private final Combo method;
    private final Group keysGroup;
    private final KeysForm keys;
    private final Group mfaGroup;
    private final Text mfaSerial;
    private final Text mfaCode;
    private final Group roleGroup;
    private final Text roleArn;
    private final Text externalId;
    private final Combo duration;
    private final Group profileGroup;
    private final Combo profile;
    private final Label profileSummary;
    private final Label profileMfaLabel;
    private final Text profileMfaCode;
    private final Group identityCenterGroup;
    private final IdentityCenterForm identityCenter;
    private final ProblemArea problems;
    private final Consumer<Boolean> signInPossible;
    private List<AwsProfile> listed = List.of();
    /** Why the AWS CLI files could not be read, if they could not. */
    private Optional<String> unreadable = Optional.empty();
    /** The IAM Identity Center sign-in of the chosen profile, if it is an SSO profile. */
    private Optional<IdentityCenterSignIn> profileSso = Optional.empty();

    /**
     * @param titleArea sets the error message of the title area of the dialog or wizard page around the form
     * @param signInPossible enables or disables its button that signs in
     */
    SignInForm(Composite parent, AwsProfiles profiles, Optional<IdentityCenter> identityCenterService, WebBrowser browser,
            IDialogSettings settings, Consumer<String> titleArea, Consumer<Boolean> signInPossible) {
        this.profiles = profiles;
        this.settings = settings;
        this.signInPossible = signInPossible;
        form = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);

        new Label(form, SWT.NONE).setText("Sign in &with:");
        method = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
        method.setData(METHOD, Boolean.TRUE);
        Arrays.stream(Method.values()).forEach(each -> method.add(each.label));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(method);
        problems = new ProblemArea(form, titleArea, this::relayout);

        roleGroup = group("Role");
        roleArn = FormParts.field(roleGroup, "&Role ARN:", SWT.NONE, ROLE_ARN);
        roleArn.setMessage("arn:aws:iam::123456789012:role/RoleName");
        externalId = FormParts.field(roleGroup, "E&xternal ID:", SWT.NONE, EXTERNAL_ID);
        externalId.setMessage("Only if the role's owner gave you one");
        new Label(roleGroup, SWT.NONE).setText("Session d&uration:");
        duration = new Combo(roleGroup, SWT.READ_ONLY | SWT.DROP_DOWN);
        duration.setData(DURATION, Boolean.TRUE);
        DURATIONS.forEach(choice -> duration.add(choice.map(SignInForm::described).orElse("The role's default (1 hour)")));
        duration.select(0);

        keysGroup = group("Access keys");
        keys = new KeysForm(keysGroup);

        mfaGroup = group("Multi-factor authentication");
        mfaSerial = FormParts.field(mfaGroup, "MFA &device serial:", SWT.NONE, MFA_SERIAL);
        mfaSerial.setMessage("Found with IAM when empty (arn:aws:iam::...:mfa/NAME)");
        mfaCode = FormParts.field(mfaGroup, "MFA &code:", SWT.PASSWORD, MFA_CODE);
        mfaCode.setMessage("The 6 digits your device shows now");

        profileGroup = group("AWS profile");
        new Label(profileGroup, SWT.NONE).setText("&Profile:");
        profile = new Combo(profileGroup, SWT.READ_ONLY | SWT.DROP_DOWN);
        profile.setData(PROFILE, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(profile);
        profileSummary = new Label(profileGroup, SWT.WRAP);
        profileSummary.setData(PROFILE_SUMMARY, Boolean.TRUE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(420, SWT.DEFAULT).applyTo(profileSummary);
        profileMfaCode = FormParts.field(profileGroup, "MFA c&ode:", SWT.PASSWORD, PROFILE_MFA_CODE);
        profileMfaCode.setMessage("The 6 digits your device shows now");
        profileMfaLabel = FormParts.labelOf(profileMfaCode);

        identityCenterGroup = group("IAM Identity Center");
        identityCenter = new IdentityCenterForm(identityCenterGroup, identityCenterService, browser, settings,
                problems, this::relayout, pending -> tellWhetherPossible());
        problems.moveToEnd(); // below the groups, next to the buttons that lead to a problem

        method.addListener(SWT.Selection, event -> show());
        profile.addListener(SWT.Selection, event -> showProfile());
        String last = settings.get(SETTINGS_METHOD);
        method.select(Arrays.stream(Method.values()).filter(each -> each.name().equals(last)).findFirst()
                .orElse(Method.KEYS).ordinal());
        show();
    }

    private static String described(Duration length) {
        return length.toHours() > 0 ? length.toHours() + (length.toHours() == 1 ? " hour" : " hours")
                : length.toMinutes() + " minutes";
    }

    private Group group(String title) {
        Group group = new Group(form, SWT.NONE);
        group.setText(title);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(group);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(group);
        return group;
    }

    Method method() {
        return Method.values()[method.getSelectionIndex()];
    }

    /** Shows the groups the method needs and hides the others. */
    private void show() {
        Method chosen = method();
        if (chosen == Method.PROFILE && profile.getItemCount() == 0) {
            loadProfiles();
        }
        FormParts.setShown(keysGroup, chosen != Method.PROFILE && chosen != Method.IDENTITY_CENTER);
        FormParts.setShown(mfaGroup, chosen == Method.KEYS_AND_MFA || chosen == Method.ROLE);
        mfaGroup.setText(chosen == Method.ROLE ? "Multi-factor authentication, if the role's trust policy asks for it"
                : "Multi-factor authentication");
        FormParts.setShown(roleGroup, chosen == Method.ROLE);
        FormParts.setShown(profileGroup, chosen == Method.PROFILE);
        identityCenter.useRole(givenRole());
        FormParts.setShown(identityCenterGroup, identityCenterShown());
        showWhetherPossible();
        relayout();
    }

    /** Reads the profiles now; a file that cannot be read says why, in place of the profiles. */
    private void loadProfiles() {
        try {
            listed = profiles.list();
            unreadable = Optional.empty();
        } catch (StratusException e) {
            listed = List.of();
            unreadable = Optional.of(e.getMessage());
            showProfile();
            return;
        }
        profile.setItems(listed.stream().map(AwsProfile::name).toArray(String[]::new));
        String wanted = Optional.ofNullable(settings.get(SETTINGS_PROFILE))
                .or(() -> Optional.ofNullable(System.getenv("AWS_PROFILE"))).orElse("default");
        int index = profile.indexOf(wanted);
        profile.select(Math.max(index, 0));
        showProfile();
    }

    private void showProfile() {
        Optional<AwsProfile> chosen = chosenProfile();
        profileSummary.setText(chosen.map(each -> each.summary() + ".").orElse(""));
        // a broken profile's summary only says so: the problem area says why
        FormParts.setShown(profileSummary, chosen.filter(each -> each.problem().isEmpty()).isPresent());
        boolean needsCode = chosen.map(AwsProfile::needsMfaCode).orElse(false);
        FormParts.setShown(profileMfaLabel, needsCode);
        FormParts.setShown(profileMfaCode, needsCode);
        profileSso = chosen.flatMap(this::ssoLogin);
        identityCenter.useRole(givenRole());
        FormParts.setShown(identityCenterGroup, identityCenterShown());
        showWhetherPossible();
        relayout();
    }

    /**
     * Says why the chosen profile cannot sign in (the files cannot be read, there is no profile, or it is broken),
     * with Sign In disabled until another choice; any other choice clears what the problem area showed.
     */
    private void showWhetherPossible() {
        Optional<String> problem = profileProblem();
        if (problem.isEmpty()) {
            problems.clear();
        } else if (unreadable.isEmpty() && chosenProfile().isPresent()) {
            problems.show("Profile '" + profile.getText() + "' cannot be used as it is.", problem.get());
        } else {
            problems.show(problem.get());
        }
        tellWhetherPossible();
    }

    /** Why the chosen AWS profile cannot sign in, if that is the method and it cannot. */
    private Optional<String> profileProblem() {
        return method() != Method.PROFILE ? Optional.empty()
                : unreadable.isPresent() ? unreadable
                : chosenProfile().map(AwsProfile::problem).orElse(Optional.of(NO_PROFILE));
    }

    /**
     * Sign In waits while the profile cannot be used, and while an IAM Identity Center sign-in waits for the
     * person's approval (there is nothing to sign in with yet).
     */
    private void tellWhetherPossible() {
        signInPossible.accept(profileProblem().isEmpty()
                && !(identityCenterShown() && identityCenter.waitingForApproval()));
    }

    /** The profile's IAM Identity Center sign-in; none for a profile that cannot be used (its summary says why). */
    private Optional<IdentityCenterSignIn> ssoLogin(AwsProfile chosen) {
        return identityCenterSignIn(profiles, chosen.name());
    }

    /**
     * The IAM Identity Center sign-in a profile's keys start with, if they do; none for a profile that cannot be
     * used (reading it says why).
     */
    static Optional<IdentityCenterSignIn> identityCenterSignIn(AwsProfiles profiles, String profile) {
        try {
            return profiles.identityCenterLogin(profile).map(login -> new IdentityCenterSignIn(
                    new IdentityCenterPortal(login.startUrl(), login.region()), login.accountId(), login.roleName()));
        } catch (StratusException e) {
            return Optional.empty();
        }
    }

    /** The role Identity Center signs in as without a choice: an SSO profile's. */
    private Optional<IdentityCenterSignIn> givenRole() {
        return method() == Method.PROFILE ? profileSso : Optional.empty();
    }

    /** Whether this sign-in goes through IAM Identity Center: its method, or an SSO profile. */
    private boolean identityCenterShown() {
        return method() == Method.IDENTITY_CENTER || method() == Method.PROFILE && profileSso.isPresent();
    }

    private Optional<AwsProfile> chosenProfile() {
        int index = profile.getSelectionIndex();
        return index < 0 || index >= listed.size() ? Optional.empty() : Optional.of(listed.get(index));
    }

    private void relayout() {
        FormParts.refit(form);
    }

    Control control() {
        return form;
    }

    /** Where the form shows what went wrong, and the dialog or wizard around it shows a refusal. */
    ProblemArea problems() {
        return problems;
    }

    void setFocus() {
        if (identityCenterShown()) {
            identityCenter.setFocus();
        } else if (method() == Method.PROFILE) {
            (profileMfaCode.isVisible() ? profileMfaCode : profile).setFocus();
        } else if (method() == Method.ROLE && roleArn.getText().isEmpty()) {
            roleArn.setFocus();
        } else {
            keys.setFocus();
        }
    }

    void setEnabled(boolean enabled) {
        for (Control control : new Control[] {method, mfaSerial, mfaCode, roleArn, externalId, duration, profile,
                profileMfaCode}) {
            control.setEnabled(enabled);
        }
        keys.setEnabled(enabled);
        identityCenter.setEnabled(enabled);
    }

    /** What the person is about to wait for, in the dialog's message. */
    String checkingMessage() {
        return identityCenterShown() ? identityCenter.checkingMessage() : method() == Method.PROFILE ? "Reading profile '" + profile.getText() + "' and checking its keys with AWS..."
                : "Checking your keys with AWS...";
    }

    /**
     * Signs in (or sets up, as the first sign-in) the way the fields say, through {@code session}.
     *
     * @throws StratusException INVALID_INPUT for what can be told wrong before reading a profile or asking AWS
     */
    CompletableFuture<SignedIn> signIn(CurrentSession session, boolean setUp) {
        Method chosen = method();
        if (chosen == Method.IDENTITY_CENTER) {
            IdentityCenterForm.Approved approved = identityCenter.approved();
            return session.adopt((setUp ? "Setting up Stratus" : "Signing in") + " through IAM Identity Center",
                    new SignInWay.IdentityCenter(approved.through()), IdentityCenterForm.opening(approved, setUp));
        }
        if (chosen == Method.PROFILE) {
            AwsProfile named = chosenProfile().orElseThrow(() -> new StratusException(Problem.INVALID_INPUT,
                    "Choose an AWS profile, or another way to sign in."));
            Optional<IdentityCenterForm.Approved> approved = profileSso.isPresent()
                    ? Optional.of(identityCenter.approved()) : Optional.empty();
            Optional<Secret> code = profileMfaCode.isVisible() ? Optional.of(FormParts.secretOf(profileMfaCode))
                    : Optional.empty();
            SignInWay way = new SignInWay.Profile(named.name());
            CompletableFuture<SignInRequest> read = new CompletableFuture<>();
            Job.create("Reading the AWS profile " + named.name(), monitor -> {
                try {
                    read.complete(profileRequest(profiles, named.name(), code, approved));
                } catch (RuntimeException e) {
                    read.completeExceptionally(e);
                }
                return Status.OK_STATUS; // failures are the dialog's to show
            }).schedule();
            return read.thenCompose(request -> setUp ? session.setUp(request, way) : session.signIn(request, way));
        }
        SignInRequest request = typed();
        return setUp ? session.setUp(request) : session.signIn(request);
    }

    /**
     * Reads the profile into a request (it may run a credential process, or ask IAM Identity Center for the keys of
     * the role an approved sign-in gives: the profile's roles are assumed with them); the approved sign-in is over
     * afterwards either way.
     */
    static SignInRequest profileRequest(AwsProfiles profiles, String profile, Optional<Secret> code,
            Optional<IdentityCenterForm.Approved> approved) {
        try {
            return profiles.signInRequest(profile, code, login -> approved
                    .map(done -> done.service().roleKeys(done.authorizationId(), login.accountId(), login.roleName()))
                    .orElseThrow(() -> new StratusException(Problem.CONFLICT, "Profile '" + profile + "' signs in "
                            + "through IAM Identity Center: start the sign-in and approve it first.")));
        } finally {
            approved.ifPresent(done -> done.service().cancel(done.authorizationId()));
        }
    }

    /**
     * The request as the typed fields give it, read now, on the UI thread; a role ARN that cannot be one is refused
     * now.
     *
     * @throws StratusException INVALID_INPUT for what can be told wrong before asking AWS
     */
    private SignInRequest typed() {
        Method chosen = method();
        Optional<RoleToAssume> role = chosen == Method.ROLE ? Optional.of(new RoleToAssume(roleArn.getText(),
                Optional.of(externalId.getText()), DURATIONS.get(duration.getSelectionIndex()))) : Optional.empty();
        SignInRequest request = SignInRequest.withKeys(keys.credentials());
        if (chosen == Method.KEYS_AND_MFA || chosen == Method.ROLE && mfaCode.getCharCount() > 0) {
            request = request.withMfa(new MfaCode(Optional.of(mfaSerial.getText()), FormParts.secretOf(mfaCode)));
        }
        return role.map(request::assuming).orElse(request);
    }

    /** After a refused sign-in: the secrets must be typed again (an MFA code works once), the rest stays. */
    void clearSecrets() {
        mfaCode.setTextChars(new char[0]);
        profileMfaCode.setTextChars(new char[0]);
        keys.clearSecret();
        if (identityCenterShown()) {
            identityCenter.afterFailure();
        } else if (method() == Method.PROFILE) {
            setFocus();
        }
    }

    /** Keeps the method and the profile's name (never anything typed) for the next time. */
    void remember() {
        settings.put(SETTINGS_METHOD, method().name());
        chosenProfile().ifPresent(chosen -> settings.put(SETTINGS_PROFILE, chosen.name()));
    }
}
