package io.stratus.ui.internal.session;

import io.stratus.core.identity.AccountDetails;
import io.stratus.core.identity.AwsIdentity;
import io.stratus.core.session.KeysLapse;
import io.stratus.core.session.UserSession;
import io.stratus.ui.session.CurrentSession;
import io.stratus.ui.session.SessionChange;
import io.stratus.ui.session.SessionChangeListener;
import io.stratus.ui.session.SessionCommands;
import io.stratus.ui.session.SignedIn;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;
import org.eclipse.ui.menus.WorkbenchWindowControlContribution;

/**
 * The status line's word on the session: who is signed in (name, account, roles) and until when (the keys' expiry
 * where it is known), or that nobody is; a warning from {@link UserSession#KEYS_WARNING} before the keys expire, and
 * once they did. A click offers Sign In..., Re-authenticate... or Sign Out.
 */
public final class SessionStatusControl extends WorkbenchWindowControlContribution {

    /** Data key of the label, for tests. */
    public static final String LABEL = "io.stratus.ui.session.status";
    static final String SIGNED_OUT = "Not signed in";
    /** The account alias arrives after sign-in (read in the background); the label looks again this often. */
    private static final int REFRESH_MILLIS = 5_000;
    private static final int WIDTH_IN_CHARS = 76;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);

    private CurrentSession session;
    private CLabel label;
    private final SessionChangeListener onChange = change -> {
        refreshLater();
        if (change instanceof SessionChange.SignedInNow now) { // the account alias is read in the background
            now.who().session().accountDetailsRead().thenRun(this::refreshLater);
        }
    };

    @Override
    protected Control createControl(Composite parent) {
        session = getWorkbenchWindow().getService(CurrentSession.class);
        Composite box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 0).applyTo(box);
        label = new CLabel(box, SWT.NONE);
        label.setData(LABEL, Boolean.TRUE);
        // The status line sizes its items once: room for a name, an account alias and id, two roles and a time.
        GC gc = new GC(label);
        try {
            GridDataFactory.swtDefaults()
                    .hint(Dialog.convertWidthInCharsToPixels(gc.getFontMetrics(), WIDTH_IN_CHARS), SWT.DEFAULT).applyTo(label);
        } finally {
            gc.dispose();
        }
        label.setMenu(signInOutMenu(label));
        label.addListener(SWT.MouseUp, e -> label.getMenu().setVisible(true));
        session.addListener(onChange);
        label.addDisposeListener(e -> session.removeListener(onChange));
        refresh();
        label.getDisplay().timerExec(REFRESH_MILLIS, this::tick);
        return box;
    }

    private Menu signInOutMenu(Control owner) {
        MenuManager menu = new MenuManager();
        menu.add(command(SessionCommands.SIGN_IN, "Sign In..."));
        Action renew = new Action(KeysExpiredPrompt.RENEW) {
            @Override
            public void run() {
                session.signedIn().ifPresent(who -> RenewKeysDialog.offer(owner.getShell(), session, who,
                        who.session().keysLapse().map(KeysLapse::explanation)
                                .orElse("Put new AWS keys into your session before these expire.")));
            }
        };
        menu.add(renew);
        menu.add(command(SessionCommands.SIGN_OUT, "Sign Out"));
        menu.addMenuListener(shown -> renew.setEnabled(session.signedIn().isPresent()));
        owner.addDisposeListener(e -> menu.dispose());
        return menu.createContextMenu(owner);
    }

    /** Labelled as in the File menu. */
    private CommandContributionItem command(String id, String label) {
        CommandContributionItemParameter item = new CommandContributionItemParameter(getWorkbenchWindow(), id, id,
                CommandContributionItem.STYLE_PUSH);
        item.label = label;
        return new CommandContributionItem(item);
    }

    private void refreshLater() {
        if (!label.isDisposed()) {
            label.getDisplay().asyncExec(this::refresh);
        }
    }

    private void refresh() {
        if (label.isDisposed()) {
            return;
        }
        Optional<SignedIn> now = session.signedIn();
        String text = now.map(SessionStatusControl::summary).orElse(SIGNED_OUT);
        label.setToolTipText(now.map(SessionStatusControl::details).orElse("Click to sign in with your AWS keys."));
        boolean warn = now.isPresent() && now.get().session().keysExpireSoon();
        Image image = warn ? JFaceResources.getImage(Dialog.DLG_IMG_MESSAGE_WARNING) : null;
        if (!text.equals(label.getText()) || label.getImage() != image) {
            label.setText(text);
            label.setImage(image);
        }
    }

    private void tick() {
        if (!label.isDisposed()) {
            refresh();
            label.getDisplay().timerExec(REFRESH_MILLIS, this::tick);
        }
    }

    /**
     * {@code ada · stratus-demo (111122223333) · Administrator · until 18:42}; with keys whose expiry is known
     * {@code ... · keys until 18:42}, {@code ... · AWS keys expire at 18:42} once that is near, and
     * {@code ... · AWS keys expired: re-authenticate} after.
     */
    static String summary(SignedIn who) {
        UserSession session = who.session();
        AwsIdentity identity = session.identity();
        String roles = who.roleNames().isEmpty() ? "" : " \u00b7 " + String.join(", ", who.roleNames());
        return identity.displayName() + " \u00b7 " + account(identity, session.accountDetails()) + roles + " \u00b7 "
                + until(session);
    }

    private static String until(UserSession session) {
        if (session.keysLapse().isPresent()) {
            return "AWS keys expired: re-authenticate";
        }
        return session.keysExpireAt()
                .map(at -> (session.keysExpireSoon() ? "AWS keys expire at " : "keys until ") + time(at))
                .orElseGet(() -> "until " + time(session.expiresAt()));
    }

    private static String time(Instant at) {
        return TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    private static String account(AwsIdentity identity, AccountDetails details) {
        return details.alias().map(alias -> alias + " (" + identity.accountId() + ")").orElse(identity.accountId());
    }

    private static String details(SignedIn who) {
        UserSession session = who.session();
        return "Signed in as " + session.identity().arn()
                + session.accountDetails().organizationId().map(org -> "\nOrganization " + org).orElse("")
                + "\nRoles: " + (who.roleNames().isEmpty() ? "none" : String.join(", ", who.roleNames()))
                + "\nSigned in at " + time(session.signedInAt()) + "; the session ends at " + time(session.expiresAt())
                + " at the latest, or after a while unused."
                + session.keysExpireAt().map(at -> "\nYour AWS keys expire at " + time(at) + ": then re-authenticate, "
                        + "and your open work stays.").orElse("")
                + "\nClick to re-authenticate or sign out.";
    }
}
