package io.stratus.ui.admin.internal;

import io.stratus.core.access.Action;
import io.stratus.ui.NothingToSaveEditorPart;
import io.stratus.ui.admin.AdminCommands;
import io.stratus.ui.session.SessionChange;

import java.time.Instant;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;

/**
 * Users and Roles: grant and revoke roles, custom roles with their permissions and database limits,
 * the role of new users. Every change goes to the service at once (there is nothing to save), and the
 * editor then shows what the service holds, whether the change was made or refused. When the session
 * ends it turns read-only; when somebody else signs in it shows their view, or closes if they may not
 * list users.
 */
public final class UsersAndRolesEditor extends NothingToSaveEditorPart {

    private AdminCalls calls;
    private StatusLine status;
    private Button refresh;
    private UsersTab usersTab;
    private RolesTab rolesTab;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        setSite(site);
        setInput(input);
        setPartName(input.getName());
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite top = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(top);
        status = new StatusLine(top);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status.control());
        refresh = new Button(top, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, e -> reload("Read"));

        TabFolder tabs = new TabFolder(top, SWT.TOP);
        tabs.setData(AdminCommands.EDITOR_TABS, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(tabs);
        usersTab = new UsersTab(tabs, this);
        tab(tabs, "Users", usersTab.control());
        rolesTab = new RolesTab(tabs, this);
        tab(tabs, "Roles", rolesTab.control());

        calls = new AdminCalls(getSite(), top);
        calls.followSession(this::sessionChanged);
        reload("Read");
    }

    private static void tab(TabFolder tabs, String text, Control page) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(text);
        item.setControl(page);
    }

    /** Whether the signed-in person may do this now; nobody signed in may do nothing. */
    boolean may(Action action) {
        return calls != null && calls.session().may(action);
    }

    /**
     * Makes a change through the service, then reads everything again, so the editor shows what the
     * service holds. A refusal (such as the last-Administrator guard) is shown as the service words it.
     */
    <T> void change(String what, AdminCalls.Call<T> call) {
        status.say(what + "...");
        calls.run(what, call, done -> reload(what + ": done. Read"), refusal -> {
            reload("Not changed. Read");
            MessageDialog.openError(getSite().getShell(), "Not Changed", what + " was refused:\n\n" + refusal);
        });
    }

    private void reload(String whatHappened) {
        calls.run("Reading the users and roles of Stratus", Directory::read, directory -> {
            usersTab.show(directory);
            rolesTab.show(directory);
            status.say(whatHappened + " " + directory.users().size() + " users and " + directory.roles().size()
                    + " roles at " + Times.shown(Instant.now()) + ".");
            enable();
        }, failure -> {
            status.warn(failure);
            enable();
        });
    }

    private void sessionChanged(SessionChange change) {
        switch (change) {
            case SessionChange.Ended ended -> status.warn("Session ended: read-only until you sign in again.");
            case SessionChange.SignedInNow now -> {
                if (!may(Action.LIST_USERS)) {
                    getSite().getPage().closeEditor(this, false); // what they may not see goes
                    return;
                }
                reload("Signed in as " + now.who().session().identity().displayName() + ". Read");
            }
            case SessionChange.RolesChanged roles -> {
                if (!may(Action.LIST_USERS)) {
                    getSite().getPage().closeEditor(this, false);
                    return;
                }
            }
            case SessionChange.KeysChanged keys -> {
                // users and roles live in Stratus's store, not AWS: the editor works on
            }
        }
        enable();
    }

    private void enable() {
        refresh.setEnabled(may(Action.LIST_USERS));
        usersTab.enable();
        rolesTab.enable();
    }

    @Override
    public void setFocus() {
        status.control().getParent().setFocus();
    }
}
