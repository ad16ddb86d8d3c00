package io.stratus.ui.database;

import io.stratus.core.StratusException;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.session.UserSession;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Work of a database editor on its connection, in a Job of the editor's family: cancelling it (the
 * editor's Cancel, or the Progress view) asks the database to stop what runs on the connection.
 */
public abstract class DatabaseJob extends Job {

    private final DatabaseService databases;
    private final UserSession session;
    private final String connectionId;
    private final Object family;

    protected DatabaseJob(String name, DatabaseService databases, UserSession session, String connectionId, Object family) {
        super(name);
        this.databases = databases;
        this.session = session;
        this.connectionId = connectionId;
        this.family = family;
    }

    /** Stops the statement at the database; off the thread that cancels (the UI's), as the driver may connect to cancel. */
    @Override
    protected void canceling() {
        Job stop = Job.create("Cancelling: " + getName(), (IProgressMonitor monitor) -> {
            try {
                databases.cancel(session, connectionId);
            } catch (StratusException closed) {
                // nothing runs any more
            }
            return Status.OK_STATUS;
        });
        stop.setSystem(true);
        stop.schedule();
    }

    @Override
    public boolean belongsTo(Object family) {
        return this.family.equals(family);
    }
}
