package io.stratus.ui.explorer;

import io.stratus.core.database.OpenDatabase;

/**
 * A database the signed-in person has open, under the database the explorer found; its children
 * are the top level of its catalog (schemas, databases, or a DynamoDB table).
 */
public record OpenDatabaseItem(OpenDatabase database) implements CatalogNode {

    /** The connection's id in the database service. */
    public String connectionId() {
        return database.id();
    }
}
