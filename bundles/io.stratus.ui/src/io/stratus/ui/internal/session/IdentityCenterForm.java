package io.stratus.ui.internal.session;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.session.AuthorizationProgress;
import io.stratus.core.session.DeviceAuthorization;
import io.stratus.core.session.IdentityCenter;
import io.stratus.core.session.IdentityCenterPortal;
import io.stratus.core.session.IdentityCenterRole;
import io.stratus.core.session.IdentityCenterSignIn;
import io.stratus.core.session.UserSession;
import io.stratus.ui.FormParts;
import io.stratus.ui.session.WebBrowser;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;

/**
 * Signing in through IAM Identity Center, in the sign-in forms: the portal's start URL and region, Start, then
 * the user code (large, selectable), the verification link (opened in the person's browser, clickable and
 * copyable), and a Job that polls at the interval Identity Center asks for until the person approved; then the
 * roles of the account to choose from. Cancel, a closed dialog, an expired or denied code end the sign-in in
 * {@link IdentityCenter} (which wipes what it held) and bring the form back to Start; what went wrong shows in the
 * sign-in form's {@link ProblemArea}. While a sign-in waits for its code or the approval, the form around says so
 * to its button that signs in, which then waits too. The start URL and region are remembered; the code and link are
 * not (they are worth nothing once the sign-in ended). For an SSO profile and for re-authentication the portal and role are given
 * ({@link #useRole}): nothing to type or choose.
 */
final class IdentityCenterForm {

    /** Data keys of the fields, for tests. */
    static final String START_URL = "io.stratus.ui.session.ssoStartUrl";
    static final String REGION = "io.stratus.ui.session.ssoRegion";
    static final String USER_CODE = "io.stratus.ui.session.ssoUserCode";
    static final String PROGRESS = "io.stratus.ui.session.ssoProgress";
    static final String ROLE = "io.stratus.ui.session.ssoRole";

    private static final String SETTINGS_START_URL = "ssoStartUrl";
    private static final String SETTINGS_REGION = "ssoRegion";
    private static final String START = "S&tart";
    private static final String CANCEL = "Cancel Sign-&In";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Optional<IdentityCenter> identityCenter;
    private final WebBrowser browser;
    private final IDialogSettings settings;
    private final ProblemArea problems;
    private final Runnable relayout;
    private final Consumer<Boolean> approvalPending;
    private final Text startUrl;
    private final Text region;
    private final Button start;
    private final Label progress;
    private final Composite codeArea;
    private final Text userCode;
    private final Link link;
    private final Label roleLabel;
    private final Combo role;
    /** The portal, account and role given (an SSO profile's, a re-authenticated session's): no choice offered. */
    private Optional<IdentityCenterSignIn> given = Optional.empty();
    /** The sign-in under way (UI thread only): its Job polls until approved, ended or cancelled. */
    private DeviceAuthorization started;
    /** The Job asking for a code and then polling; none once the approval came or the sign-in ended. */
    private Job polling;
    /** What {@link #approvalPending} was told last. */
    private boolean toldPending;
    private List<IdentityCenterRole> roles = List.of();

    /**
     * @param approvalPending told, each time it changes, whether a sign-in is waiting for its code or the person's
     *        approval (see {@link #waitingForApproval()}): meanwhile there is nothing to sign in with
     */
    IdentityCenterForm(Composite parent, Optional<IdentityCenter> identityCenter, WebBrowser browser,
            IDialogSettings settings, ProblemArea problems, Runnable relayout, Consumer<Boolean> approvalPending) {
        this.identityCenter = identityCenter;
        this.browser = browser;
        this.settings = settings;
        this.problems = problems;
        this.relayout = relayout;
        this.approvalPending = approvalPending;
        Optional<IdentityCenterPortal> portal = identityCenter.flatMap(IdentityCenter::defaultPortal);
        startUrl = FormParts.field(parent, "Start &URL:", SWT.NONE, START_URL);
        startUrl.setMessage("https://d-1234567890.awsapps.com/start");
        startUrl.setText(Optional.ofNullable(settings.get(SETTINGS_START_URL))
                .or(() -> portal.map(IdentityCenterPortal::startUrl)).orElse(""));
        region = FormParts.field(parent, "Re&gion:", SWT.NONE, REGION);
        region.setMessage("The region of your IAM Identity Center instance, such as us-east-1");
        region.setText(Optional.ofNullable(settings.get(SETTINGS_REGION))
                .or(() -> portal.map(IdentityCenterPortal::region)).orElse(""));

        start = new Button(parent, SWT.PUSH);
        start.setText(START);
        GridDataFactory.swtDefaults().span(2, 1).applyTo(start);
        start.addListener(SWT.Selection, event -> startOrCancel());
        progress = new Label(parent, SWT.WRAP);
        progress.setData(PROGRESS, Boolean.TRUE);
        progress.setText("Start opens the sign-in page of your AWS access portal in your browser. Approve the code "
                + "shown here, then choose a role.");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(420, SWT.DEFAULT).applyTo(progress);

        codeArea = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(codeArea);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(codeArea);
        Label codeLabel = new Label(codeArea, SWT.NONE);
        codeLabel.setText("Your code:");
        GridDataFactory.swtDefaults().span(2, 1).applyTo(codeLabel);
        userCode = new Text(codeArea, SWT.READ_ONLY | SWT.SINGLE);
        userCode.setData(USER_CODE, Boolean.TRUE);
        userCode.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.HEADER_FONT));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(userCode);
        link = new Link(codeArea, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(link);
        link.addListener(SWT.Selection, event -> Optional.ofNullable(started)
                .ifPresent(now -> browser.open(now.verificationUriComplete())));
        Button copy = new Button(codeArea, SWT.PUSH);
        copy.setText("Cop&y Link");
        copy.addListener(SWT.Selection, event -> copyLink());

        roleLabel = new Label(parent, SWT.NONE);
        roleLabel.setText("&Role:");
        GridDataFactory.swtDefaults().applyTo(roleLabel);
        role = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        role.setData(ROLE, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(role);
        parent.addListener(SWT.Dispose, event -> end()); // a dialog closed before signing in leaves nothing behind
        showStep();
    }

    /**
     * Signs in at the portal as the role given (an SSO profile's, a re-authenticated session's) rather than one
     * typed and chosen; empty: as typed and chosen. A sign-in under way for something else ends.
     */
    void useRole(Optional<IdentityCenterSignIn> role) {
        if (role.equals(given)) {
            return;
        }
        end();
        given = role;
        role.ifPresent(through -> {
            startUrl.setText(through.portal().startUrl());
            region.setText(through.portal().region());
        });
        showStep();
    }

    private void startOrCancel() {
        if (started != null) {
            end();
            progress.setText("Sign-in cancelled. Start again when you are ready.");
            showStep();
            return;
        }
        IdentityCenterPortal portal;
        try {
            portal = new IdentityCenterPortal(startUrl.getText(), region.getText());
        } catch (StratusException e) {
            problems.show(e.getMessage());
            return;
        }
        if (identityCenter.isEmpty()) {
            problems.show("Stratus's services are not running yet. Wait a moment and try again; if this lasts, "
                    + "see the error log.");
            return;
        }
        problems.clear();
        progress.setText("Asking IAM Identity Center at " + portal.startUrl() + " for a code...");
        IdentityCenter service = identityCenter.get();
        polling = Job.create("Signing in through IAM Identity Center", monitor -> {
            sign(service, portal, monitor);
            return Status.OK_STATUS; // what happened is shown in the form
        });
        polling.setUser(false);
        showStep();
        polling.schedule();
    }

    /** The Job's part: start, show the code, poll until approved or ended, then show the roles. */
    private void sign(IdentityCenter service, IdentityCenterPortal portal, IProgressMonitor monitor) {
        Job self = Job.getJobManager().currentJob();
        DeviceAuthorization authorization;
        try {
            authorization = service.start(portal);
        } catch (StratusException e) {
            onUi(self, () -> stop(e.getMessage()));
            return;
        }
        if (monitor.isCanceled()) { // cancelled, or the dialog closed, while Identity Center answered
            service.cancel(authorization.id());
            return;
        }
        onUi(self, () -> showCode(authorization));
        browser.open(authorization.verificationUriComplete());
        monitor.beginTask("Waiting for you to approve the code " + authorization.userCode(), IProgressMonitor.UNKNOWN);
        try {
            AuthorizationProgress now = service.poll(authorization.id());
            while (now.state() == AuthorizationProgress.State.PENDING) {
                Thread.sleep(now.interval().toMillis());
                if (monitor.isCanceled()) {
                    service.cancel(authorization.id());
                    return;
                }
                now = service.poll(authorization.id());
            }
            if (now.state().ended()) {
                String message = now.message();
                onUi(self, () -> stop(message));
                return;
            }
            List<IdentityCenterRole> offered = given.isPresent() ? List.of(new IdentityCenterRole(
                    given.get().accountId(), given.get().accountId(), given.get().roleName()))
                    : service.roles(authorization.id());
            onUi(self, () -> showRoles(offered));
        } catch (StratusException e) {
            service.cancel(authorization.id());
            onUi(self, () -> stop(e.getMessage()));
        } catch (InterruptedException e) {
            service.cancel(authorization.id());
            Thread.currentThread().interrupt();
        } finally {
            monitor.done();
        }
    }

    /** Runs {@code change} on the UI thread if the form is still there and {@code job} still its sign-in. */
    private void onUi(Job job, Runnable change) {
        if (!start.isDisposed()) {
            start.getDisplay().asyncExec(() -> {
                if (!start.isDisposed() && polling == job) {
                    change.run();
                }
            });
        }
    }

    private void showCode(DeviceAuthorization authorization) {
        started = authorization;
        settings.put(SETTINGS_START_URL, authorization.portal().startUrl()); // a portal Identity Center knows
        settings.put(SETTINGS_REGION, authorization.portal().region());
        userCode.setText(authorization.userCode());
        link.setText("Your browser opens <a>" + authorization.verificationUri() + "</a>; check that it shows this code, "
                + "sign in and approve.");
        progress.setText("Waiting for you to approve the code (it expires at "
                + TIME.format(authorization.expiresAt()) + ")...");
        showStep();
    }

    private void showRoles(List<IdentityCenterRole> offered) {
        polling = null; // its last act: the approval came
        roles = offered;
        role.setItems(offered.stream().map(IdentityCenterForm::described).toArray(String[]::new));
        role.select(0);
        if (given.isPresent()) {
            progress.setText("Approved. Go on with the role below.");
        } else if (offered.isEmpty()) {
            progress.setText("Approved.");
            problems.show("IAM Identity Center gives you no role in the account this instance is bound to. Ask its "
                    + "administrator for one, or cancel.");
        } else {
            progress.setText("Approved. Choose the role to sign in as.");
        }
        showStep();
    }

    private static String described(IdentityCenterRole role) {
        return role.roleName() + " in " + (role.accountName().equals(role.accountId()) ? role.accountId()
                : role.accountName() + " (" + role.accountId() + ")");
    }

    /** The sign-in ended in Identity Center (expired, denied, unreachable): the problem says why; Start again. */
    private void stop(String problem) {
        started = null;
        polling = null;
        roles = List.of();
        progress.setText("Start again when you are ready.");
        problems.show(problem);
        showStep();
    }

    /** Ends the sign-in under way, if any: its Job stops polling and Identity Center wipes what it held. */
    private void end() {
        Job job = polling;
        DeviceAuthorization authorization = started;
        polling = null;
        started = null;
        roles = List.of();
        if (job != null) {
            job.cancel();
        }
        if (authorization != null) {
            identityCenter.ifPresent(service -> service.cancel(authorization.id()));
        }
    }

    private void copyLink() {
        if (started == null) {
            return;
        }
        Clipboard clipboard = new Clipboard(link.getDisplay());
        try {
            clipboard.setContents(new Object[] {started.verificationUriComplete().toString()},
                    new Transfer[] {TextTransfer.getInstance()});
        } finally {
            clipboard.dispose();
        }
    }

    /** Shows what the step needs: the portal before Start, the code while waiting, the roles once approved. */
    private void showStep() {
        boolean waiting = started != null;
        start.setText(waiting || polling != null ? CANCEL : START);
        setPortalEnabled(!waiting && polling == null);
        FormParts.setShown(codeArea, waiting && roles.isEmpty());
        FormParts.setShown(roleLabel, !roles.isEmpty());
        FormParts.setShown(role, !roles.isEmpty());
        relayout.run();
        if (toldPending != waitingForApproval()) {
            toldPending = waitingForApproval();
            approvalPending.accept(toldPending);
        }
    }

    /** Whether a sign-in was started and waits for its code or the person's approval. */
    boolean waitingForApproval() {
        return polling != null;
    }

    private void setPortalEnabled(boolean enabled) {
        startUrl.setEnabled(enabled && given.isEmpty());
        region.setEnabled(enabled && given.isEmpty());
    }

    void setEnabled(boolean enabled) {
        start.setEnabled(enabled);
        role.setEnabled(enabled && given.isEmpty());
    }

    void setFocus() {
        (roles.isEmpty() ? start : role).setFocus();
    }

    /** What the person is about to wait for, in the dialog's message. */
    String checkingMessage() {
        return "Signing in as " + role.getText() + "...";
    }

    /** What opens the session: the approved sign-in's role keys from Identity Center, signing in or setting up. */
    static Supplier<UserSession> opening(Approved approved, boolean setUp) {
        IdentityCenter service = approved.service();
        String id = approved.authorizationId();
        IdentityCenterRole chosen = approved.role();
        return () -> {
            try {
                return setUp ? service.setUp(id, chosen.accountId(), chosen.roleName())
                        : service.signIn(id, chosen.accountId(), chosen.roleName());
            } catch (RuntimeException e) {
                service.cancel(id); // refused: nothing of this sign-in stays behind
                throw e;
            }
        };
    }

    /** An approved sign-in and the role chosen or given: what signs in, sets up or re-authenticates. */
    record Approved(IdentityCenter service, String authorizationId, IdentityCenterPortal portal,
            IdentityCenterRole role) {

        /** The portal's sign-in as this role: how a session signed in with it re-authenticates. */
        IdentityCenterSignIn through() {
            return new IdentityCenterSignIn(portal, role.accountId(), role.roleName());
        }
    }

    /**
     * The approved sign-in with the role chosen (or given); the form is back at Start afterwards, as what is done
     * with it ends the sign-in either way.
     *
     * @throws StratusException INVALID_INPUT before the person approved a sign-in and chose a role
     */
    Approved approved() {
        if (started == null || roles.isEmpty() || role.getSelectionIndex() < 0) {
            throw new StratusException(Problem.INVALID_INPUT, "Start the sign-in, approve it in your browser and "
                    + (given.isPresent() ? "wait for the approval to show here first." : "choose a role first."));
        }
        Approved approved = new Approved(identityCenter.orElseThrow(), started.id(), started.portal(),
                roles.get(role.getSelectionIndex()));
        polling = null;
        started = null;
        roles = List.of();
        return approved;
    }

    /** After a sign-in that failed: the code was used up, so the person starts again. */
    void afterFailure() {
        progress.setText("Start again to sign in through IAM Identity Center.");
        showStep();
    }
}
