package io.stratus.core.explorer;

import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.cloud.ConnectionSpec;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.session.UserSession;

import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the databases of the account with the signed-in person's own AWS keys, across the
 * configured regions. Results are cached per session, never shared between people. The tree
 * requires {@link Action#EXPLORE}.
 */
public interface CloudExplorer {

    /** The person's tree, discovered on first use and then served from the session's cache. */
    default ExplorerTree tree(UserSession session) {
        return tree(session, soFar -> {
        });
    }

    /**
     * As {@link #tree(UserSession)}; while a discovery runs, {@code answers} hears the tree so far
     * each time a service answers in a region, on a thread of the explorer (regions still scanning
     * are {@link ScanStatus#PENDING}), so a front end can show regions as they answer.
     */
    ExplorerTree tree(UserSession session, Consumer<ExplorerTree> answers);

    /** Discovers everything again. */
    default ExplorerTree refresh(UserSession session) {
        return refresh(session, soFar -> {
        });
    }

    /**
     * Discovers everything again; {@code answers} hears the tree each time a region answers, the
     * regions not answered yet as they were before.
     */
    ExplorerTree refresh(UserSession session, Consumer<ExplorerTree> answers);

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
