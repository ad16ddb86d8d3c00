package io.stratus.explorer;

import io.stratus.core.StratusException;
import io.stratus.core.cloud.CloudService;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.session.UserSession;

/**
 * Finds the databases of the account with the signed-in person's own AWS keys, across the
 * configured regions. Results are cached per session, never shared between people. Every method
 * requires the explore permission.
 */
public interface CloudExplorer {

    /** The person's tree, discovered on first use and then served from the session's cache. */
    ExplorerTree tree(UserSession session);

    /** Discovers everything again. */
    ExplorerTree refresh(UserSession session);

    /** Discovers one service in one region again; the rest of the tree is kept as it was. */
    ExplorerTree refresh(UserSession session, CloudService service, String region);

    /**
     * How to connect to a discovered database.
     *
     * @throws StratusException NOT_FOUND if the person's tree holds no such resource
     */
    ConnectionSpec connectionSpec(UserSession session, String resourceId);
}
