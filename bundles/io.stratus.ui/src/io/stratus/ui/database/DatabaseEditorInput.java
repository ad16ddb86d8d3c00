package io.stratus.ui.database;

import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.database.AccessMode;
import io.stratus.core.database.OpenDatabase;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * A database opened in this workbench, as an editor's input: the connection's id, the database
 * (resource id and name), its engine, the login and whether it may write. It holds no credential
 * (the password served the login only), and it is not persisted: the connection does not outlive
 * the session, so the editor does not come back after a restart.
 */
public final class DatabaseEditorInput implements IEditorInput {

    private final OpenDatabase database;
    private final String resourceName;
    private final DatabaseEngine engine;

    /**
     * @param database the open connection as the database service describes it
     * @param resourceName the database's name in the Cloud Explorer
     * @param engine the engine of the database
     */
    public DatabaseEditorInput(OpenDatabase database, String resourceName, DatabaseEngine engine) {
        this.database = Objects.requireNonNull(database, "database");
        this.resourceName = Objects.requireNonNull(resourceName, "resourceName");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** The open connection (its id for the database service). */
    public OpenDatabase database() {
        return database;
    }

    public String connectionId() {
        return database.id();
    }

    public String resourceName() {
        return resourceName;
    }

    public DatabaseEngine engine() {
        return engine;
    }

    public boolean readOnly() {
        return database.mode() == AccessMode.READ_ONLY;
    }

    /** Who logs in: the database user, or the AWS identity for engines opened with it. */
    public String user() {
        return database.username();
    }

    @Override
    public boolean exists() {
        return false; // nothing to reopen from a list of recent editors
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        return resourceName + database.database().map(name -> "/" + name).orElse("");
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return getName() + " (" + engine.name() + ") as " + database.username()
                + " (" + database.login().method().description() + ")" + (readOnly() ? ", read-only" : "");
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    /** One editor per connection. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DatabaseEditorInput input && input.database.id().equals(database.id());
    }

    @Override
    public int hashCode() {
        return database.id().hashCode();
    }

    @Override
    public String toString() {
        return "DatabaseEditorInput[" + getToolTipText() + "]";
    }
}
