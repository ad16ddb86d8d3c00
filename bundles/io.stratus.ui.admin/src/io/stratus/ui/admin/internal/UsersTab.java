package io.stratus.ui.admin.internal;

import io.stratus.core.access.Action;
import io.stratus.core.access.Role;
import io.stratus.core.admin.UserView;
import io.stratus.core.identity.PrincipalType;
import io.stratus.ui.admin.AdminCommands;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.ComboViewer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;

/**
 * The editor's Users tab: everyone who has signed in, with their roles; a check list to grant and
 * revoke the selected user's roles; the role new users get.
 */
final class UsersTab {

    private final UsersAndRolesEditor editor;
    private final Composite control;
    private final TableViewer users;
    private final Group rolesGroup;
    private final CheckboxTableViewer roles;
    private final Button saveRoles;
    private final Button revertRoles;
    private final ComboViewer defaultRole;
    private final Button saveDefaultRole;
    private Directory shown;

    UsersTab(Composite parent, UsersAndRolesEditor editor) {
        this.editor = editor;
        control = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(control);
        SashForm sash = new SashForm(control, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);

        users = Tables.viewer(sash, SWT.SINGLE, AdminCommands.USERS_TABLE);
        Tables.column(users, "User", 140, UserView::displayName);
        Tables.column(users, "Type", 110, (UserView user) -> typeOf(user.type()));
        Tables.column(users, "Roles", 160, (UserView user) -> shown.roleNames(user.roleIds()));
        Tables.column(users, "First sign-in", 140, (UserView user) -> Times.shown(user.firstSignIn()));
        Tables.column(users, "Last sign-in", 140, (UserView user) -> Times.shown(user.lastSignIn()));
        Tables.column(users, "ARN", 360, UserView::arn);
        users.addSelectionChangedListener(e -> showRolesOfSelectedUser());

        rolesGroup = new Group(sash, SWT.NONE);
        rolesGroup.setText("Roles");
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(rolesGroup);
        roles = CheckboxTableViewer.newCheckList(rolesGroup, SWT.BORDER | SWT.FULL_SELECTION);
        roles.getTable().setData(AdminCommands.USER_ROLES_LIST, Boolean.TRUE);
        roles.setContentProvider(ArrayContentProvider.getInstance());
        roles.setLabelProvider(LabelProvider.createTextProvider(role -> ((Role) role).name()));
        roles.addCheckStateListener(e -> enable());
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(roles.getControl());
        saveRoles = new Button(rolesGroup, SWT.PUSH);
        saveRoles.setText("Save Roles");
        saveRoles.addListener(SWT.Selection, e -> saveRoles());
        revertRoles = new Button(rolesGroup, SWT.PUSH);
        revertRoles.setText("Revert");
        revertRoles.addListener(SWT.Selection, e -> showRolesOfSelectedUser());
        sash.setWeights(3, 1);

        Composite newUsers = new Composite(control, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(newUsers);
        new Label(newUsers, SWT.NONE).setText("Role new users get at their first sign-in:");
        defaultRole = new ComboViewer(newUsers, SWT.READ_ONLY);
        defaultRole.getCombo().setData(AdminCommands.DEFAULT_ROLE_CHOICE, Boolean.TRUE);
        defaultRole.setContentProvider(ArrayContentProvider.getInstance());
        defaultRole.setLabelProvider(LabelProvider.createTextProvider(role -> ((Role) role).name()));
        defaultRole.addSelectionChangedListener(e -> enable());
        GridDataFactory.swtDefaults().hint(160, SWT.DEFAULT).applyTo(defaultRole.getControl());
        saveDefaultRole = new Button(newUsers, SWT.PUSH);
        saveDefaultRole.setText("Save Role of New Users");
        saveDefaultRole.addListener(SWT.Selection, e -> saveDefaultRole());
    }

    Control control() {
        return control;
    }

    /** Shows the directory, keeping the selected user (by principal id). */
    void show(Directory directory) {
        Optional<UserView> selected = selectedUser();
        shown = directory;
        users.setInput(directory.users());
        roles.setInput(directory.roles());
        defaultRole.setInput(directory.roles());
        defaultRole.setSelection(directory.defaultRole().flatMap(directory::role)
                .<IStructuredSelection>map(StructuredSelection::new).orElse(StructuredSelection.EMPTY));
        selected.flatMap(before -> directory.users().stream()
                .filter(user -> user.principalId().equals(before.principalId())).findFirst())
                .ifPresent(user -> users.setSelection(new StructuredSelection(user), true));
        showRolesOfSelectedUser();
    }

    private void showRolesOfSelectedUser() {
        Optional<UserView> user = selectedUser();
        rolesGroup.setText(user.map(u -> "Roles of " + u.displayName()).orElse("Roles (select a user)"));
        roles.setCheckedElements(user.map(u -> shown.roles().stream().filter(r -> u.roleIds().contains(r.id())).toArray())
                .orElse(new Object[0]));
        enable();
    }

    /** Turns what the signed-in person may not do now (or nobody signed in) read-only. */
    void enable() {
        boolean userSelected = selectedUser().isPresent();
        boolean changed = userSelected && !checkedRoleIds().equals(selectedUser().get().roleIds());
        roles.getTable().setEnabled(userSelected && editor.may(Action.GRANT_ROLES));
        saveRoles.setEnabled(changed && editor.may(Action.GRANT_ROLES));
        revertRoles.setEnabled(changed);
        boolean chooses = shown != null && shown.defaultRole().isPresent() && editor.may(Action.CHOOSE_DEFAULT_ROLE);
        defaultRole.getControl().setEnabled(chooses);
        saveDefaultRole.setEnabled(chooses && !selectedDefaultRole().equals(shown.defaultRole()));
    }

    private void saveRoles() {
        UserView user = selectedUser().orElseThrow();
        Set<String> chosen = checkedRoleIds();
        editor.change("Changing the roles of " + user.displayName(),
                (administration, actor) -> administration.setRoles(actor, user.principalId(), chosen));
    }

    private void saveDefaultRole() {
        String roleId = selectedDefaultRole().orElseThrow();
        editor.change("Choosing the role of new users",
                (administration, actor) -> {
                    administration.setDefaultRole(actor, roleId);
                    return roleId;
                });
    }

    private Set<String> checkedRoleIds() {
        return Arrays.stream(roles.getCheckedElements()).map(role -> ((Role) role).id())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private Optional<UserView> selectedUser() {
        return Optional.ofNullable((UserView) users.getStructuredSelection().getFirstElement());
    }

    private static String typeOf(PrincipalType type) {
        return switch (type) {
            case ROOT -> "Root user";
            case IAM_USER -> "IAM user";
            case ASSUMED_ROLE -> "Assumed role";
            case FEDERATED_USER -> "Federated user";
        };
    }

    private Optional<String> selectedDefaultRole() {
        return Optional.ofNullable((Role) defaultRole.getStructuredSelection().getFirstElement()).map(Role::id);
    }
}
