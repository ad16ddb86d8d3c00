package io.stratus.core.store;

import io.stratus.core.database.SavedConnection;

/** What a write transaction can change in the saved connections, on top of reading them. */
public interface SavedConnectionWriter extends SavedConnectionReader {

    /**
     * Inserts a user's saved connection, or updates it if the user has one with its id.
     *
     * @throws io.stratus.core.StratusException NOT_FOUND if the user is unknown or the id is another
     *         user's, CONFLICT if the user has another by that name
     */
    void save(String principalId, SavedConnection connection);

    /** @return false if the user had no connection with that id */
    boolean delete(String principalId, String connectionId);
}
