package io.stratus.ui.documentdb;

import io.stratus.core.StratusException;
import io.stratus.core.database.CatalogEntry;
import io.stratus.core.database.ResultPage;
import io.stratus.ui.database.DatabaseEditorPart;
import io.stratus.ui.database.DatabaseJob;
import io.stratus.ui.database.JsonTextDialog;
import io.stratus.ui.documentdb.internal.DocumentCommands;
import io.stratus.ui.documentdb.internal.DocumentCommands.Target;
import io.stratus.ui.documentdb.internal.DocumentDialogs;
import io.stratus.ui.documentdb.internal.DocumentJson;
import io.stratus.ui.documentdb.internal.DocumentRows;
import io.stratus.ui.documentdb.internal.DocumentTree;
import io.stratus.ui.documentdb.internal.FoundDocument;
import io.stratus.ui.documentdb.internal.QueryForm;
import io.stratus.ui.documentdb.internal.QueryForm.Query;
import io.stratus.ui.results.JsonIndent;
import io.stratus.ui.results.JsonPane;
import io.stratus.ui.results.ResultGrid;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.commands.ActionHandler;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * The editor of an open DocumentDB database, for people who know MongoDB Compass or DBeaver: a
 * database and collection, a find (filter, projection, sort, limit) or an aggregation pipeline,
 * run with Ctrl+Enter in a Job (cancel from the tool bar or the Progress view). The documents show
 * as a tree (fields, nested documents and arrays, types) and as a table (the result grid), the
 * selected one as JSON. People who may write insert documents, edit the selected one's JSON (it
 * is replaced by its {@code _id}) and delete it, each after a confirmation that names the
 * {@code _id}; a read-only (Viewer) session has these commands off, and a refusal by the
 * connector shows as the editor's message. Its commands are bound in the context
 * {@code io.stratus.ui.documentdb.context}, active while the editor is.
 */
public final class DocumentDbEditor extends DatabaseEditorPart {

    public static final String ID = "io.stratus.ui.documentdb.editor";
    public static final String CONTEXT = "io.stratus.ui.documentdb.context";
    /** The family of the editor's Jobs (runs, writes, reading the catalog), for waiting on them. */
    public static final Object JOB_FAMILY = DocumentDbEditor.class;
    /** Command ids; the tool bar's items show the same names. */
    public static final String RUN = "io.stratus.ui.documentdb.run";
    public static final String CANCEL = "io.stratus.ui.documentdb.cancel";
    public static final String INSERT = "io.stratus.ui.documentdb.insert";
    public static final String EDIT = "io.stratus.ui.documentdb.edit";
    public static final String DELETE = "io.stratus.ui.documentdb.delete";
    /** Data keys of the table, the message line and the result tabs, for tests (the JSON pane's: {@link JsonPane#TEXT_KEY}). */
    public static final String TABLE = "io.stratus.ui.documentdb.table";
    public static final String MESSAGE = "io.stratus.ui.documentdb.message";
    public static final String TABS = "io.stratus.ui.documentdb.tabs";
    /** The title of the question before a delete. */
    public static final String DELETE_TITLE = "Delete Document";
    /** Documents read at a time: the first page of a run, then each "More documents…". */
    static final int PAGE = 100;
    /** Databases or collections offered at most. */
    private static final int CATALOG_ENTRIES = 1_000;

    private QueryForm form;
    private DocumentTree tree;
    private ResultGrid grid;
    private JsonPane json;
    private Text message;
    private Label state;
    private final IAction run = commandAction("Run", "Find the documents, or run the pipeline (Ctrl+Enter)",
            IAction.AS_PUSH_BUTTON, RUN, this::run);
    private final IAction cancel = commandAction("Cancel", "Stop what runs", IAction.AS_PUSH_BUTTON, CANCEL, this::cancel);
    private final IAction insert = commandAction("Insert\u2026", "Insert a document, written as JSON (Ctrl+Shift+I)",
            IAction.AS_PUSH_BUTTON, INSERT, this::insert);
    private final IAction edit = commandAction("Edit\u2026", "Change the selected document's JSON; it is replaced by its "
            + "_id (F2)", IAction.AS_PUSH_BUTTON, EDIT, this::edit);
    private final IAction delete = commandAction("Delete", "Delete the selected document by its _id (Ctrl+Shift+Delete)",
            IAction.AS_PUSH_BUTTON, DELETE, this::delete);
    /** What runs on the connection: one thing at a time. */
    private Job running;
    /** The find or aggregation whose documents are shown, run again after a write. */
    private Query shown;
    /** The statement whose further pages "More documents…" reads. */
    private long statement;

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);
        state = createHeader(parent, List.of(List.of(run, cancel), List.of(insert, edit, delete)),
                "Insert, Edit and Delete are off.");
        form = new QueryForm(parent, this::readCollections);

        SashForm split = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
        CTabFolder views = new CTabFolder(split, SWT.BOTTOM | SWT.BORDER);
        views.setData(TABS, Boolean.TRUE);
        CTabItem documents = new CTabItem(views, SWT.NONE);
        documents.setText("Documents");
        tree = new DocumentTree(views, this::readMore);
        documents.setControl(tree.control());
        CTabItem table = new CTabItem(views, SWT.NONE);
        table.setText("Table");
        grid = new ResultGrid(views);
        grid.control().setData(TABLE, Boolean.TRUE);
        table.setControl(grid.control());
        views.setSelection(documents);
        json = new JsonPane(split, "Select a document to see its JSON here.");
        split.setWeights(new int[] {60, 40});
        message = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP);
        message.setData(MESSAGE, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 2 * message.getLineHeight()).indent(6, 2)
                .applyTo(message);
        tree.onSelection(selected -> {
            selected.ifPresentOrElse(document -> json.show(document.json()), json::clear);
            showIdle();
        });
        MenuManager menu = new MenuManager();
        for (IAction action : List.of(insert, edit, delete)) {
            menu.add(action);
        }
        tree.control().setMenu(menu.createContextMenu(tree.control()));
        tree.control().addDisposeListener(event -> menu.dispose());

        IHandlerService handlers = getSite().getService(IHandlerService.class);
        for (IAction action : List.of(run, cancel, insert, edit, delete)) {
            handlers.activateHandler(action.getActionDefinitionId(), new ActionHandler(action));
        }
        getSite().getService(IContextService.class).activateContext(CONTEXT);
        say("Choose a collection, then Run (Ctrl+Enter).", false);
        showIdle();
        readDatabases();
    }

    @Override
    public void setFocus() {
        form.focusField().setFocus();
    }

    // ---- the catalog: databases and collections to choose from

    private void readDatabases() {
        Optional<String> own = database().database().database();
        catalog("Reading the databases of " + database().getName(), List.of(),
                names -> form.setDatabases(names, own));
    }

    private void readCollections() {
        String chosen = form.database();
        if (!chosen.isEmpty()) {
            catalog("Reading the collections of " + chosen, List.of(chosen), form::setCollections);
        }
    }

    /** One level of the catalog, in a Job beside what runs (reading the catalog does not stop a statement). */
    private void catalog(String name, List<String> path, Consumer<List<String>> show) {
        String connection = database().connectionId();
        Job.create(name, (IProgressMonitor monitor) -> {
            try {
                List<String> names = databases().browse(session(), connection, path, 0, CATALOG_ENTRIES).items().stream()
                        .map(CatalogEntry::name).toList();
                ui(() -> {
                    show.accept(names);
                    if (path.isEmpty()) {
                        readCollections();
                    }
                });
            } catch (StratusException e) {
                ui(() -> say("Could not read the catalog: " + e.getMessage(), true));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    // ---- reading documents

    private void run() {
        if (running != null) {
            return;
        }
        Optional<Query> query = form.query();
        if (query.isEmpty()) {
            say("Fix the form first: see the message below the fields.", true);
            return;
        }
        Query asked = query.get();
        start((asked.find() ? "Finding documents in " : "Aggregating ") + asked.target(), monitor -> read(asked, "", monitor));
    }

    /** Runs the query and shows its first page, after {@code before} (what a write did); on the Job's thread. */
    private void read(Query query, String before, IProgressMonitor monitor) {
        long started = System.nanoTime();
        try {
            ResultPage first = databases().execute(session(), database().connectionId(), query.command(), PAGE);
            List<FoundDocument> documents = FoundDocument.of(first);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            ui(() -> {
                shown = query;
                statement = first.statement();
                tree.show(documents, first.more());
                DocumentRows.show(grid, documents);
                json.clear();
                say(before + count(documents.size(), first.more()) + " in " + query.target() + " (" + millis + " ms)"
                        + (first.more() ? "; More documents\u2026 at the end reads the next " + PAGE + "." : "."), false);
            });
        } catch (StratusException e) {
            failed(before, e, monitor);
        }
    }

    private void readMore() {
        if (running != null || shown == null) {
            return;
        }
        long reading = statement;
        Query query = shown;
        start("Reading more documents of " + query.target(), monitor -> {
            try {
                ResultPage page = databases().nextPage(session(), database().connectionId(), reading, PAGE);
                List<FoundDocument> documents = FoundDocument.of(page);
                ui(() -> {
                    tree.add(documents, page.more());
                    List<FoundDocument> all = tree.documents();
                    DocumentRows.show(grid, all);
                    say(count(all.size(), page.more()) + " read of " + query.target() + ".", false);
                });
            } catch (StratusException e) {
                failed("", e, monitor);
            }
        });
    }

    // ---- writing documents

    private void insert() {
        Optional<Target> target = form.target();
        if (!mayWrite() || target.isEmpty()) {
            return;
        }
        JsonTextDialog dialog = DocumentDialogs.insert(getSite().getShell(), target.get());
        if (dialog.open() != Window.OK) {
            return;
        }
        BsonDocument document = DocumentDialogs.document(dialog);
        Optional<BsonValue> id = Optional.ofNullable(document.get("_id"));
        String which = id.map(value -> "the document with _id " + DocumentJson.text(value))
                .orElse("a new document (the database gives it an _id)");
        if (confirm(DocumentDialogs.INSERT_TITLE, "Insert " + which + " into " + target.get() + "?", "Insert")) {
            write("Inserting a document into " + target.get(), DocumentCommands.insert(target.get(), document),
                    "Inserted " + which + " into " + target.get() + ".", Optional.empty());
        }
    }

    private void edit() {
        Optional<FoundDocument> selected = writable();
        if (selected.isEmpty()) {
            return;
        }
        FoundDocument found = selected.get();
        Target target = shown.target();
        JsonTextDialog dialog = DocumentDialogs.edit(getSite().getShell(), target, found,
                JsonIndent.of(found.json()).orElse(found.json()));
        if (dialog.open() == Window.OK && confirm(DocumentDialogs.EDIT_TITLE, "Replace the document with _id "
                + found.idText() + " in " + target + " with the one you wrote?", "Replace")) {
            BsonDocument document = DocumentDialogs.document(dialog);
            write("Replacing a document of " + target,
                    DocumentCommands.replace(target, found.id().orElseThrow(), document),
                    "Replaced the document with _id " + found.idText() + " in " + target + ".", Optional.of(found));
        }
    }

    private void delete() {
        Optional<FoundDocument> selected = writable();
        if (selected.isEmpty()) {
            return;
        }
        FoundDocument found = selected.get();
        Target target = shown.target();
        if (confirm(DELETE_TITLE, "Delete the document with _id " + found.idText() + " from " + target
                + "? This cannot be undone.", "Delete")) {
            write("Deleting a document of " + target, DocumentCommands.delete(target, found.id().orElseThrow()),
                    "Deleted the document with _id " + found.idText() + " from " + target + ".", Optional.of(found));
        }
    }

    /**
     * Sends a write in a Job, then runs the shown query again so that the documents shown are the
     * database's. {@code one}: the document the write names, which it must find.
     */
    private void write(String name, String command, String done, Optional<FoundDocument> one) {
        Query again = shown;
        start(name, monitor -> {
            try {
                ResultPage outcome = databases().execute(session(), database().connectionId(), command, 1);
                boolean found = one.isEmpty() || outcome.updateCount().orElse(0) > 0;
                String said = found ? done : "No document with _id " + one.get().idText() + " was found: somebody may "
                        + "have deleted it. The documents are read again.";
                if (again == null) {
                    ui(() -> say(said, !found));
                } else {
                    read(again, said + " ", monitor);
                }
            } catch (StratusException e) {
                failed("", e, monitor);
            }
        });
    }

    /** The selected document, if people may write and it can be named by its _id in its collection. */
    private Optional<FoundDocument> writable() {
        return mayWrite() && shown != null && shown.find() ? tree.selectedDocument().filter(found -> found.id().isPresent())
                : Optional.empty();
    }

    private boolean mayWrite() {
        return !database().readOnly() && running == null;
    }

    /** Asks before a write, with a button named after it ({@code doing}) beside Cancel. */
    private boolean confirm(String title, String question, String doing) {
        return MessageDialog.open(MessageDialog.CONFIRM, getSite().getShell(), title, question, SWT.NONE, doing,
                IDialogConstants.CANCEL_LABEL) == 0;
    }

    // ---- running one thing at a time

    private void start(String name, Consumer<IProgressMonitor> work) {
        running = new DatabaseJob(name, databases(), session(), database().connectionId(), JOB_FAMILY) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
                try {
                    work.accept(monitor);
                } finally {
                    monitor.done();
                    ui(() -> {
                        running = null;
                        showIdle();
                    });
                }
                return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS; // failures show in the editor
            }
        };
        showIdle();
        running.schedule();
    }

    private void cancel() {
        Job job = running;
        if (job != null) {
            job.cancel();
        }
    }

    /** Says why the work failed, or that it was cancelled: the database's or the connector's words. */
    private void failed(String before, StratusException e, IProgressMonitor monitor) {
        String how = monitor.isCanceled() ? "Cancelled: " : "Failed: ";
        ui(() -> say(before + how + e.getMessage(), true));
    }

    /** The commands as the editor's state allows: one thing at a time, writes for those who may. */
    private void showIdle() {
        boolean idle = running == null;
        run.setEnabled(idle);
        cancel.setEnabled(!idle);
        insert.setEnabled(mayWrite());
        boolean documentWritable = writable().isPresent();
        edit.setEnabled(documentWritable);
        delete.setEnabled(documentWritable);
        state.setText(idle ? "" : "Running\u2026");
        state.getParent().layout();
    }

    private void say(String text, boolean problem) {
        message.setText(text);
        message.setForeground(problem ? message.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
    }

    private static String count(int documents, boolean more) {
        return (documents == 1 ? "1 document" : documents + " documents") + (more ? " and more" : "");
    }

    @Override
    public void dispose() {
        cancel();
        super.dispose();
    }
}
