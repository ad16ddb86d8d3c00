package io.stratus.ui.admin.internal;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * The instance's users and roles: one editor for all of them. Not persisted, so the editor does not
 * come back at start before anybody has signed in.
 */
final class UsersAndRolesInput implements IEditorInput {

    static final UsersAndRolesInput INSTANCE = new UsersAndRolesInput();

    private UsersAndRolesInput() {
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null; // none of its own
    }

    @Override
    public String getName() {
        return "Users and Roles";
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return "The users of this Stratus instance, their roles, custom roles and the role of new users";
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }
}
