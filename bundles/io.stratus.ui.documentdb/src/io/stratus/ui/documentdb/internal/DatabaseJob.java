package io.stratus.ui.documentdb.internal;

import io.stratus.core.StratusException;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Work of the editor on its connection, in a Job (Progress view, cancel). Cancelling the Job (the
 * editor's Cancel, or the Progress view) asks the database to stop what runs; the work itself says
 * how it ended, in the editor.
 */
public final class DatabaseJob extends Job {

    private final Consumer<IProgressMonitor> work;
    private final Runnable stopAtDatabase;
    private final Object family;

    public DatabaseJob(String name, Object family, Runnable stopAtDatabase, Consumer<IProgressMonitor> work) {
        super(name);
        this.work = work;
        this.stopAtDatabase = stopAtDatabase;
        this.family = family;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        try {
            work.accept(monitor);
        } finally {
            monitor.done();
        }
        return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS; // failures show in the editor
    }

    /** Off the thread that cancels (the UI's): the driver may wait for the server to stop. */
    @Override
    protected void canceling() {
        Job stop = Job.create("Cancelling: " + getName(), (IProgressMonitor monitor) -> {
            try {
                stopAtDatabase.run();
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
