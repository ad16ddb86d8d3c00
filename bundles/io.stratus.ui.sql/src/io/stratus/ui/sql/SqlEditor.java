package io.stratus.ui.sql;

import io.stratus.core.StratusException;
import io.stratus.core.database.ResultPage;
import io.stratus.core.session.UserSession;
import io.stratus.results.PageSizes;
import io.stratus.ui.database.DatabaseEditorInput;
import io.stratus.ui.database.DatabaseEditorPart;
import io.stratus.ui.sql.internal.SqlEditorText;
import io.stratus.ui.sql.internal.SqlHistory;
import io.stratus.ui.sql.internal.StatementRun;
import io.stratus.ui.sql.internal.ResultsPane;
import io.stratus.ui.sql.internal.StatementSplitter.Statement;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.commands.ActionHandler;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * The SQL editor of an open PostgreSQL, MySQL/MariaDB or Redshift database: JFace text with the
 * dialect's colouring and catalog completion (no IDE workspace needed), statements run in Jobs
 * (Ctrl+Enter the one at the caret or the selection, Alt+X the whole script), cancel from its tool
 * bar and the Progress view, the connection's history, and auto-commit with commit and rollback
 * for people who may write. Results show below the text. Its commands are bound in the context
 * {@code io.stratus.ui.sql.context}, active while the editor is.
 */
public final class SqlEditor extends DatabaseEditorPart {

    public static final String ID = "io.stratus.ui.sql.editor";
    public static final String CONTEXT = "io.stratus.ui.sql.context";
    /** The family of the Jobs that run statements, for waiting on them. */
    public static final Object JOB_FAMILY = SqlEditor.class;
    /** Command ids; the tool bar's items show the same names. */
    public static final String RUN_STATEMENT = "io.stratus.ui.sql.runStatement";
    public static final String RUN_SCRIPT = "io.stratus.ui.sql.runScript";
    public static final String CANCEL = "io.stratus.ui.sql.cancel";
    public static final String AUTO_COMMIT = "io.stratus.ui.sql.autoCommit";
    public static final String COMMIT = "io.stratus.ui.sql.commit";
    public static final String ROLLBACK = "io.stratus.ui.sql.rollback";
    public static final String HISTORY = "io.stratus.ui.sql.history";
    public static final String CONTENT_ASSIST = "io.stratus.ui.sql.contentAssist";
    /** Data keys of the SQL text, its results and its messages, for tests. */
    public static final String TEXT = SqlEditorText.TEXT;
    public static final String RESULT = ResultsPane.RESULT;
    public static final String MESSAGES = ResultsPane.MESSAGES;

    private SqlEditorText text;
    private ResultsPane results;
    private Label transactionState;
    private final IAction runStatement = commandAction("Run", "Run the statement at the caret, or the selection (Ctrl+Enter)",
            IAction.AS_PUSH_BUTTON, RUN_STATEMENT, () -> run(text.statementsToRun()));
    private final IAction runScript = commandAction("Run Script", "Run every statement of the script, one after the other (Alt+X)",
            IAction.AS_PUSH_BUTTON, RUN_SCRIPT, () -> run(text.allStatements()));
    private final IAction cancel = commandAction("Cancel", "Stop the statement running", IAction.AS_PUSH_BUTTON, CANCEL,
            this::cancel);
    private final IAction autoCommit = commandAction("Auto-Commit", "Keep each statement's changes as it finishes; off, they "
            + "wait for Commit or Rollback", IAction.AS_CHECK_BOX, AUTO_COMMIT, this::toggleAutoCommit);
    private final IAction commit = commandAction("Commit", "Keep the changes of the open transaction", IAction.AS_PUSH_BUTTON,
            COMMIT, () -> transaction("Committing", "Committed.", (session, id) -> databases().commit(session, id)));
    private final IAction rollback = commandAction("Rollback", "Drop the changes of the open transaction",
            IAction.AS_PUSH_BUTTON, ROLLBACK, () -> transaction("Rolling back", "Rolled back.",
                    (session, id) -> databases().rollback(session, id)));
    private final IAction history = commandAction("History\u2026", "Statements run on this connection; the chosen one goes "
            + "in at the caret", IAction.AS_PUSH_BUTTON, HISTORY, this::chooseFromHistory);
    private final IAction contentAssist = commandAction("Complete", "Propose schemas, tables and columns (Ctrl+Space)",
            IAction.AS_PUSH_BUTTON, CONTENT_ASSIST, () -> text.completeAtCaret());
    private Job running;
    /** Every connection opens with auto-commit on. */
    private volatile boolean autoCommitOn = true;

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);
        DatabaseEditorInput database = database();
        transactionState = createHeader(parent, List.of(List.of(runStatement, runScript, cancel),
                List.of(autoCommit, commit, rollback), List.of(history)), "Statements that write are refused.");
        SashForm split = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
        text = new SqlEditorText(split, database, databases(), session());
        results = new ResultsPane(split);
        split.setWeights(new int[] {55, 45});
        autoCommit.setChecked(true);
        showIdle();

        IHandlerService handlers = getSite().getService(IHandlerService.class);
        for (IAction action : List.of(runStatement, runScript, cancel, autoCommit, commit, rollback, history, contentAssist)) {
            handlers.activateHandler(action.getActionDefinitionId(), new ActionHandler(action));
        }
        text.activateEditingHandlers(handlers);
        getSite().getService(IContextService.class).activateContext(CONTEXT);
    }

    @Override
    public void setFocus() {
        text.setFocus();
    }

    /** The SQL text, for tests. */
    public SqlEditorText text() {
        return text;
    }

    private void run(List<Statement> statements) {
        if (running != null || statements.isEmpty()) {
            return;
        }
        DatabaseEditorInput database = database();
        SqlHistory statementsRun = getSite().getService(SqlHistory.class);
        results.clearMessages();
        int pageSize = Math.min(PageSizes.DEFAULT_ROWS, databases().largestPage());
        String name = (statements.size() == 1 ? "Running a statement on " : "Running " + statements.size()
                + " statements on ") + database.getName();
        running = new StatementRun(name, databases(), session(), database.connectionId(), statements, pageSize,
                new StatementRun.Outcome() {
                    @Override
                    public void started(Statement statement, int index, int of) {
                        statementsRun.add(database.database(), statement.text());
                    }

                    @Override
                    public void result(Statement statement, ResultPage first, long millis) {
                        ui(() -> showResult(statement, first, millis));
                    }

                    @Override
                    public void failed(Statement statement, String reason, boolean cancelled) {
                        ui(() -> {
                            text.showStart(statement);
                            results.say(StatementRun.firstLine(statement.text()) + "\n  "
                                    + (cancelled ? "Cancelled: " : "Failed: ") + reason, true);
                        });
                    }

                    @Override
                    public void finished(int ran, int of, boolean cancelled) {
                        ui(() -> {
                            if (of > 1) {
                                results.say(ran + " of " + of + " statements ran" + (cancelled ? "; cancelled." : "."),
                                        ran < of);
                            }
                            running = null;
                            showIdle();
                        });
                    }
                }, JOB_FAMILY);
        showBusy();
        running.schedule();
    }

    private void showResult(Statement statement, ResultPage first, long millis) {
        String what = StatementRun.firstLine(statement.text());
        if (!first.columns().isEmpty()) {
            String connection = database().connectionId();
            // the grid asks for export pages as large as the results service's; this service may allow less
            results.showRows(first, (number, size) -> databases().nextPage(session(), connection, number,
                    Math.min(size, databases().largestPage())));
            results.say(what + "\n  " + first.rows().size() + (first.more() ? "+ rows" : " rows") + " in " + millis
                    + " ms", false);
        } else {
            results.say(what + "\n  " + first.updateCount().stream().mapToObj(n -> n + (n == 1 ? " row" : " rows")
                    + " changed").findFirst().orElse("Done") + " in " + millis + " ms"
                    + (autoCommitOn ? "" : " (not committed yet)"), true);
        }
    }

    private void cancel() {
        Job job = running;
        if (job != null) {
            job.cancel();
        }
    }

    private void toggleAutoCommit() {
        boolean on = !autoCommitOn;
        autoCommit.setChecked(autoCommitOn); // until the database has switched
        transaction(on ? "Turning auto-commit on" : "Turning auto-commit off", on ? "Auto-commit is on: the open "
                + "transaction was committed." : "Auto-commit is off: changes wait for Commit or Rollback.",
                (session, connection) -> {
                    databases().autoCommit(session, connection, on);
                    autoCommitOn = on;
                });
    }

    /** Work on the connection's transaction, in a Job; the outcome or the refusal shows in the messages. */
    private void transaction(String doing, String done, TransactionWork work) {
        if (running != null) {
            return;
        }
        DatabaseEditorInput database = database();
        results.clearMessages();
        running = Job.create(doing + " on " + database.getName(), (IProgressMonitor monitor) -> {
            String outcome;
            try {
                work.run(session(), database.connectionId());
                outcome = done;
            } catch (StratusException e) {
                outcome = e.getMessage();
            }
            String message = outcome;
            ui(() -> {
                results.say(message, true);
                running = null;
                showIdle();
            });
            return Status.OK_STATUS;
        });
        showBusy();
        running.schedule();
    }

    @FunctionalInterface
    private interface TransactionWork {
        void run(UserSession session, String connectionId);
    }

    private void chooseFromHistory() {
        SqlHistory statements = getSite().getService(SqlHistory.class);
        ElementListSelectionDialog dialog = new ElementListSelectionDialog(getSite().getShell(),
                new LabelProvider() {
                    @Override
                    public String getText(Object element) {
                        return ((String) element).replaceAll("\\s+", " ");
                    }
                });
        dialog.setTitle("SQL History");
        dialog.setMessage("Statements run on " + database().getName() + " (newest first):");
        dialog.setElements(statements.of(database().database()).toArray());
        dialog.setMultipleSelection(false);
        if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof String chosen) {
            text.insertAtCaret(chosen);
        }
    }

    private void showBusy() {
        for (IAction action : List.of(runStatement, runScript, autoCommit, commit, rollback)) {
            action.setEnabled(false);
        }
        cancel.setEnabled(true);
        transactionState.setText("Running\u2026");
        transactionState.getParent().layout();
    }

    private void showIdle() {
        runStatement.setEnabled(true);
        runScript.setEnabled(true);
        autoCommit.setEnabled(true);
        autoCommit.setChecked(autoCommitOn);
        commit.setEnabled(!autoCommitOn);
        rollback.setEnabled(!autoCommitOn);
        cancel.setEnabled(false);
        transactionState.setText(autoCommitOn ? "Auto-commit" : "Manual commit: changes wait for Commit or Rollback");
        transactionState.getParent().layout();
    }

    @Override
    public void dispose() {
        Job job = running;
        if (job != null) {
            job.cancel();
        }
        super.dispose();
    }
}
