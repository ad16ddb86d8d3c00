package io.stratus.core.store;

import io.stratus.core.database.SavedConnection;

import java.util.List;

/** The database connections people saved, as a transaction reads them. */
public interface SavedConnectionReader {

    /** The connections a user saved, by name. */
    List<SavedConnection> of(String principalId);
}
