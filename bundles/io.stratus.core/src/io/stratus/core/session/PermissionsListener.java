package io.stratus.core.session;

/**
 * Whiteboard service told after a change made through this process that can change what people
 * may do (a grant or revoke, a custom role changed or deleted), so that a front end showing it (a
 * desktop's status line and the enablement of its commands) follows at once. Sessions themselves
 * need no telling: {@link UserSession#permissions()} always reads the current grants. Called after
 * the change is stored, on the thread that made it; implementations return quickly and never throw.
 */
public interface PermissionsListener {

    void permissionsChanged();
}
