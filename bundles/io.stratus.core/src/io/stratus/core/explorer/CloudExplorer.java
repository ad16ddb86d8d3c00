package io.stratus.core.explorer;

import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.session.UserSession;

import java.util.List;

/**
 * Finds the databases of the account with the signed-in person's own AWS keys, across the
 * configured regions. Results are cached per session, never shared between people. The tree
 * requires {@link Action#EXPLORE}.
 */
public interface CloudExplorer {

    /** The person's tree, discovered on first use and then served from the session's cache. */
    ExplorerTree tree(UserSession session);

    /** Discovers everything again. */
    ExplorerTree refresh(UserSession session);

    /**
     * Discovers one service (by its id, in any case) in one region again; the rest of the tree is
     * kept as it was.
     *
     * @throws StratusException INVALID_INPUT for a service no discovery contributes, NOT_FOUND for
     *         a region not scanned
     */
    ExplorerTree refresh(UserSession session, String service, String region);

    /**
     * How to connect to a discovered database, looked up for the given action, whose permission alone
     * the session needs: {@link Action#READ_CONNECTION_SETTINGS} to show them, {@link Action#OPEN_DATABASE}
     * to open the database (which does not need explore as well).
     *
     * @throws StratusException FORBIDDEN without the action's permission, NOT_FOUND if the person's tree
     *         holds no such resource
     */
    ConnectionSpec connectionSpec(UserSession session, String resourceId, Action action);

    /** The engines the installed bundles contribute, by name; needs no permission. */
    List<DatabaseEngine> engines();
}
