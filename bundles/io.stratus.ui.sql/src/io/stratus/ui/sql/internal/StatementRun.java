package io.stratus.ui.sql.internal;

import io.stratus.core.StratusException;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.ResultPage;
import io.stratus.core.session.UserSession;
import io.stratus.ui.database.DatabaseJob;
import io.stratus.ui.sql.internal.StatementSplitter.Statement;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Runs statements of an editor one after the other on its connection, in a Job: the first page of
 * each result goes to the editor as it arrives; the first failure stops the rest. Cancelling the
 * Job (the editor's Cancel, or the Progress view) asks the database to stop the statement running
 * ({@link DatabaseJob}).
 */
public final class StatementRun extends DatabaseJob {

    /** What the editor hears, on the Job's thread. */
    public interface Outcome {

        void started(Statement statement, int index, int of);

        void result(Statement statement, ResultPage first, long millis);

        /** The statement failed, or was stopped: {@code cancelled}. */
        void failed(Statement statement, String reason, boolean cancelled);

        void finished(int ran, int of, boolean cancelled);
    }

    private final DatabaseService databases;
    private final UserSession session;
    private final String connectionId;
    private final List<Statement> statements;
    private final int pageSize;
    private final Outcome outcome;

    public StatementRun(String name, DatabaseService databases, UserSession session, String connectionId,
            List<Statement> statements, int pageSize, Outcome outcome, Object family) {
        super(name, databases, session, connectionId, family);
        this.databases = databases;
        this.session = session;
        this.connectionId = connectionId;
        this.statements = List.copyOf(statements);
        this.pageSize = pageSize;
        this.outcome = outcome;
        setUser(false);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), statements.size());
        int ran = 0;
        for (Statement statement : statements) {
            if (progress.isCanceled()) {
                break;
            }
            progress.subTask(firstLine(statement.text()));
            outcome.started(statement, ran, statements.size());
            long started = System.nanoTime();
            try {
                ResultPage first = databases.execute(session, connectionId, statement.text(), pageSize);
                outcome.result(statement, first, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                ran++;
            } catch (StratusException e) {
                outcome.failed(statement, e.getMessage(), progress.isCanceled());
                break;
            }
            progress.worked(1);
        }
        outcome.finished(ran, statements.size(), progress.isCanceled());
        return progress.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS; // failures show in the editor
    }

    public static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 80) + "\u2026" : line;
    }
}
