package io.stratus.core.database;

import io.stratus.core.session.UserSession;

import java.util.List;

/**
 * The connections each person saved, kept in the configuration store under their principal id:
 * nobody sees or changes another's. Every method needs the connect permission.
 */
public interface SavedConnections {

    List<SavedConnection> list(UserSession session);

    /**
     * Saves a new connection under a new id (the one given is ignored).
     *
     * @throws io.stratus.core.StratusException CONFLICT if the person has one by that name already
     */
    SavedConnection create(UserSession session, SavedConnection connection);

    /**
     * Changes one of the person's connections, found by its id.
     *
     * @throws io.stratus.core.StratusException NOT_FOUND if the person has none with that id,
     *         CONFLICT if another of theirs has the new name
     */
    SavedConnection update(UserSession session, SavedConnection connection);

    void delete(UserSession session, String id);
}
