package io.stratus.ui.admin.internal;

import io.stratus.core.access.Action;
import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;
import io.stratus.ui.admin.AdminCommands;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The editor's Roles tab: every role with its permissions and database limits; a form to create,
 * change and delete custom roles (built-in roles keep their permissions) and to limit the databases
 * a role may open.
 */
final class RolesTab {

    private final UsersAndRolesEditor editor;
    private final Composite control;
    private final TableViewer roles;
    private final Group form;
    private final Text id;
    private final Text name;
    private final CheckboxTableViewer permissions;
    private final Button newRole;
    private final Button saveRole;
    private final Button deleteRole;
    private final Text limits;
    private final Button saveLimits;
    private Directory shown;
    /** The role in the form; empty while a new one is typed. */
    private Optional<Role> editing = Optional.empty();
    /** The role to show in the form once the directory is read again: the one just created. */
    private Optional<String> created = Optional.empty();

    RolesTab(Composite parent, UsersAndRolesEditor editor) {
        this.editor = editor;
        control = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(control);
        SashForm sash = new SashForm(control, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);

        roles = Tables.viewer(sash, SWT.SINGLE, AdminCommands.ROLES_TABLE);
        Tables.column(roles, "Role", 120, Role::name);
        Tables.column(roles, "Id", 100, Role::id);
        Tables.column(roles, "Kind", 70, (Role role) -> role.builtIn() ? "built in" : "custom");
        Tables.column(roles, "Permissions", 260, (Role role) -> role.permissions().stream().sorted()
                .map(Permission::id).collect(Collectors.joining(", ")));
        Tables.column(roles, "Databases it may open", 260, (Role role) -> limitsText(role, ", "));
        roles.addSelectionChangedListener(e -> edit(Optional.ofNullable((Role) roles.getStructuredSelection().getFirstElement())));

        form = new Group(sash, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(form);
        new Label(form, SWT.NONE).setText("Id:");
        id = new Text(form, SWT.BORDER);
        id.setData(AdminCommands.ROLE_ID_FIELD, Boolean.TRUE);
        id.setMessage("lowercase letters, digits and dashes");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(id);
        new Label(form, SWT.NONE).setText("Name:");
        name = new Text(form, SWT.BORDER);
        name.setData(AdminCommands.ROLE_NAME_FIELD, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(name);
        id.addModifyListener(e -> enable());
        name.addModifyListener(e -> enable());

        Label permissionsLabel = new Label(form, SWT.NONE);
        permissionsLabel.setText("Permissions:");
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(permissionsLabel);
        permissions = CheckboxTableViewer.newCheckList(form, SWT.BORDER | SWT.FULL_SELECTION);
        permissions.getTable().setData(AdminCommands.ROLE_PERMISSIONS_LIST, Boolean.TRUE);
        permissions.getTable().setHeaderVisible(true);
        permissions.setContentProvider(ArrayContentProvider.getInstance());
        Tables.column(permissions, "Permission", 140, Permission::id);
        Tables.column(permissions, "What it allows", 320, Permission::description);
        permissions.setInput(Permission.values());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(permissions.getControl());

        Composite roleButtons = new Composite(form, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(roleButtons);
        GridDataFactory.swtDefaults().span(2, 1).applyTo(roleButtons);
        newRole = button(roleButtons, "New Role", () -> {
            roles.setSelection(StructuredSelection.EMPTY);
            id.setFocus();
        });
        saveRole = button(roleButtons, "Save Role", this::saveRole);
        deleteRole = button(roleButtons, "Delete Role", this::deleteRole);

        Label limitsLabel = new Label(form, SWT.WRAP);
        limitsLabel.setText("Databases this role may open, one resource id pattern a line ('*' matches anything, "
                + "such as arn:aws:rds:*:*:db:reporting-*); none: every database.");
        GridDataFactory.fillDefaults().span(2, 1).hint(300, SWT.DEFAULT).applyTo(limitsLabel);
        limits = new Text(form, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        limits.setData(AdminCommands.DATABASE_LIMITS_FIELD, Boolean.TRUE);
        limits.addModifyListener(e -> enable());
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(SWT.DEFAULT, 60).applyTo(limits);
        saveLimits = button(form, "Save Database Limits", this::saveLimits);
        sash.setWeights(1, 1);
        permissions.addCheckStateListener(e -> enable());
        edit(Optional.empty());
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    Control control() {
        return control;
    }

    /** Shows the directory, keeping the role in the form (by id) and what was typed for a new one. */
    void show(Directory directory) {
        shown = directory;
        roles.setInput(directory.roles());
        Optional<Role> again = created.or(() -> editing.map(Role::id)).flatMap(directory::role);
        created = Optional.empty();
        if (again.isPresent()) {
            roles.setSelection(new StructuredSelection(again.get()), true);
        } else if (editing.isPresent()) {
            edit(Optional.empty()); // deleted meanwhile
        }
        enable();
    }

    private void edit(Optional<Role> role) {
        editing = role;
        form.setText(role.map(r -> (r.builtIn() ? "Built-in role " : "Role ") + r.name()).orElse("New custom role"));
        id.setText(role.map(Role::id).orElse(""));
        name.setText(role.map(Role::name).orElse(""));
        permissions.setCheckedElements(role.map(r -> r.permissions().toArray()).orElse(new Object[0]));
        limits.setText(role.map(r -> limitsText(r, "\n")).orElse(""));
        enable();
    }

    private String limitsText(Role role, String separator) {
        return shown == null ? "" : String.join(separator, shown.limitsOf(role.id()));
    }

    /** Turns what the signed-in person may not do now (or nobody signed in) read-only. */
    void enable() {
        boolean editsRoles = editor.may(Action.EDIT_ROLES);
        boolean custom = editing.map(role -> !role.builtIn()).orElse(true);
        id.setEnabled(editsRoles && editing.isEmpty());
        name.setEnabled(editsRoles && custom);
        permissions.getTable().setEnabled(editsRoles && custom);
        newRole.setEnabled(editsRoles);
        saveRole.setEnabled(editsRoles && custom && !id.getText().isBlank() && !name.getText().isBlank()
                && !editing.map(role -> role.name().equals(name.getText().strip())
                        && role.permissions().equals(checkedPermissions())).orElse(false));
        deleteRole.setEnabled(editsRoles && editing.isPresent() && custom);
        // Administrators open every database; a role being typed has no limits until it exists.
        boolean limitable = editing.isPresent() && !editing.get().equals(Role.ADMINISTRATOR)
                && editor.may(Action.LIMIT_DATABASES);
        limits.setEnabled(limitable);
        saveLimits.setEnabled(limitable && !patterns().equals(shown.limitsOf(editing.get().id())));
    }

    private void saveRole() {
        String roleId = id.getText().strip();
        String roleName = name.getText().strip();
        Set<Permission> chosen = checkedPermissions();
        boolean create = editing.isEmpty();
        created = create ? Optional.of(roleId) : Optional.empty();
        editor.change((create ? "Creating" : "Changing") + " the role " + roleName, (administration, actor) -> {
            Role role = Role.custom(roleId, roleName, chosen); // says what is wrong with the id or name
            return create ? administration.createCustomRole(actor, role) : administration.changeCustomRole(actor, role);
        });
    }

    private Set<Permission> checkedPermissions() {
        return Arrays.stream(permissions.getCheckedElements()).map(Permission.class::cast)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
    }

    private void deleteRole() {
        Role role = editing.orElseThrow();
        if (MessageDialog.openConfirm(control.getShell(), "Delete Role", "Delete the role " + role.name()
                + "? Everyone who has it loses it; if new users get it, they get User instead.")) {
            editor.change("Deleting the role " + role.name(), (administration, actor) -> {
                administration.deleteCustomRole(actor, role.id());
                return role;
            });
        }
    }

    private void saveLimits() {
        Role role = editing.orElseThrow();
        List<String> patterns = patterns();
        editor.change("Limiting the databases of " + role.name(), (administration, actor) -> {
            administration.setDatabaseLimits(actor, role.id(), patterns);
            return patterns;
        });
    }

    private List<String> patterns() {
        return limits.getText().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
