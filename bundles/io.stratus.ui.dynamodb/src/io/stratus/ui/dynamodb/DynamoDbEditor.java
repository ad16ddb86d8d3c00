package io.stratus.ui.dynamodb;

import io.stratus.core.StratusException;
import io.stratus.core.database.ResultPage;
import io.stratus.results.PageSizes;
import io.stratus.ui.database.DatabaseEditorPart;
import io.stratus.ui.database.DatabaseJob;
import io.stratus.ui.database.JsonTextDialog;
import io.stratus.ui.dynamodb.internal.InvalidInput;
import io.stratus.ui.dynamodb.internal.ItemJson;
import io.stratus.ui.dynamodb.internal.ItemRequests;
import io.stratus.ui.dynamodb.internal.ReadForm;
import io.stratus.ui.dynamodb.internal.ReadForm.Read;
import io.stratus.ui.dynamodb.internal.RowLimit;
import io.stratus.ui.dynamodb.internal.TableKeys;
import io.stratus.ui.results.JsonPane;
import io.stratus.ui.results.PageSource;
import io.stratus.ui.results.ResultGrid;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.expressions.EvaluationResult;
import org.eclipse.core.expressions.Expression;
import org.eclipse.core.expressions.ExpressionInfo;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.commands.ActionHandler;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.ISources;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * The editor of an open DynamoDB table, as the AWS Console's "Explore items": a form to scan or
 * query the table or one of its indexes (no JSON needed), PartiQL for the rest, the items in the
 * result grid with their key attributes first and the selected one as DynamoDB JSON beside it;
 * new, edited and deleted items, each confirmed naming its key, for people who may write. Reads and
 * writes run in Jobs (cancel from the tool bar or the Progress view). Its commands are bound in the
 * context {@value #CONTEXT}, active while the editor is.
 */
public final class DynamoDbEditor extends DatabaseEditorPart {

    public static final String ID = "io.stratus.ui.dynamodb.editor";
    public static final String CONTEXT = "io.stratus.ui.dynamodb.context";
    /** The family of the Jobs that read and write, for waiting on them. */
    public static final Object JOB_FAMILY = DynamoDbEditor.class;
    /** Command ids; the tool bar's items show the same names. */
    public static final String RUN = "io.stratus.ui.dynamodb.run";
    public static final String CANCEL = "io.stratus.ui.dynamodb.cancel";
    public static final String NEW_ITEM = "io.stratus.ui.dynamodb.newItem";
    public static final String EDIT_ITEM = "io.stratus.ui.dynamodb.editItem";
    public static final String DELETE_ITEM = "io.stratus.ui.dynamodb.deleteItem";
    /** Data keys of the grid's table and of the messages, for tests. */
    public static final String ITEMS = "io.stratus.ui.dynamodb.items";
    public static final String MESSAGES = "io.stratus.ui.dynamodb.messages";
    /** The confirmation dialogs' titles. */
    public static final String PUT_TITLE = "Put Item";
    public static final String SAVE_TITLE = "Save Item";
    public static final String DELETE_TITLE = "Delete Item";
    /** The focus id of every result grid (io.stratus.ui.results), where Delete deletes the selected item. */
    private static final String GRID_FOCUS = "io.stratus.ui.results.grid";

    private final IAction run = action("Run", "Run the scan, query or statement (Ctrl+Enter)", RUN, this::run);
    private final IAction cancel = action("Cancel", "Stop reading or writing", CANCEL, this::cancel);
    private final IAction newItem = action("New Item\u2026", "Put a new item, written in DynamoDB JSON (Alt+Insert)",
            NEW_ITEM, this::newItem);
    private final IAction editItem = action("Edit Item\u2026", "Change the selected item's attributes and save it (F2)",
            EDIT_ITEM, this::editItem);
    private final IAction deleteItem = action("Delete Item\u2026", "Delete the selected item (Delete)", DELETE_ITEM,
            this::deleteItem);
    private Label state;
    private ReadForm form;
    private Text messages;
    private ResultGrid grid;
    private JsonPane itemPane;
    private TableKeys keys;
    /** The read the grid shows, run again after a write so that the grid shows what the table holds. */
    private Read shown;
    private Job running;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        super.init(site, input);
        setPartName(database().resourceName()); // the table is the database: "sessions", not "sessions/sessions"
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);
        state = createHeader(parent, List.of(List.of(run, cancel), List.of(newItem, editItem, deleteItem)),
                "Items cannot be put, edited or deleted, and PartiQL that writes is refused.");
        form = new ReadForm(parent, run::run); // through the action: it is disabled while busy, and says what to fix
        GridDataFactory.fillDefaults().grab(true, false).applyTo(form.control());
        messages = new Text(parent, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI);
        messages.setData(MESSAGES, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).indent(6, 2).hint(SWT.DEFAULT,
                messages.getLineHeight() * 2).applyTo(messages);
        SashForm split = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
        grid = new ResultGrid(split);
        grid.control().setData(ITEMS, Boolean.TRUE);
        grid.onSelectionChange(this::showSelected);
        itemPane = new JsonPane(split, "Select an item to see it here.");
        split.setWeights(new int[] {62, 38});

        IHandlerService handlers = getSite().getService(IHandlerService.class);
        for (IAction action : List.of(run, cancel, newItem, editItem)) {
            handlers.activateHandler(action.getActionDefinitionId(), new ActionHandler(action));
        }
        // Delete deletes an item only from the grid: in the form's fields it deletes text
        handlers.activateHandler(DELETE_ITEM, new ActionHandler(deleteItem), new GridHasFocus());
        getSite().getService(IContextService.class).activateContext(CONTEXT);
        say("Reading the keys of " + database().resourceName() + "\u2026", false);
        readKeys();
    }

    @Override
    public void setFocus() {
        form.setFocus();
    }

    /** The form, for tests. */
    public ReadForm form() {
        return form;
    }

    private void readKeys() {
        background("Reading the keys of " + database().getName(), monitor -> {
            TableKeys read = TableKeys.read(databases(), session(), database().connectionId());
            return () -> {
                keys = read;
                form.setKeys(read);
                say("Scan, or query " + read.table() + " on its key or an index, and Run (Ctrl+Enter).", false);
            };
        });
    }

    private void run() {
        if (running != null) {
            return;
        }
        read(form.read(), Optional.empty());
    }

    /** Runs a read and shows its items; {@code after} says first what a write before it did. */
    private void read(Read read, Optional<String> after) {
        int pageSize = Math.min(Math.min(PageSizes.DEFAULT_ROWS, databases().largestPage()),
                read.limit().orElse(Integer.MAX_VALUE));
        background(read.what() + " on " + database().getName(), monitor -> {
            long started = System.nanoTime();
            ResultPage first = databases().execute(session(), database().connectionId(), read.request(), pageSize);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            return () -> show(read, first, millis, after);
        });
    }

    private void show(Read read, ResultPage first, long millis, Optional<String> after) {
        String prefix = after.map(done -> done + " ").orElse("");
        if (first.columns().isEmpty()) { // a PartiQL write
            shown = null;
            grid.clear();
            itemPane.clear();
            say(prefix + read.what() + ": done in " + millis + " ms.", false);
            return;
        }
        shown = read;
        String connection = database().connectionId();
        // the grid asks for export pages as large as the results service's; this service may allow less
        PageSource more = (statement, size) -> databases().nextPage(session(), connection, statement,
                Math.min(size, databases().largestPage()));
        ResultPage page = first;
        if (read.limit().isPresent()) {
            RowLimit limited = new RowLimit(read.limit().getAsInt(), more);
            page = limited.first(first);
            more = limited;
        }
        grid.show(page, more);
        itemPane.clear();
        int items = page.rows().size();
        say(prefix + read.what() + ": " + items + (page.more() ? "+ items (more are read as you scroll)" : items == 1
                ? " item" : " items") + " in " + millis + " ms.", false);
    }

    private void newItem() {
        TableKeys.Source table = keys.ownKey();
        JsonTextDialog dialog = new JsonTextDialog(getSite().getShell(), "New Item", "A new item of " + keys.table()
                + " in DynamoDB JSON, with its key: " + keyNames() + ". It is put only if no item has that key.", "Put\u2026",
                ItemJson.template(table), problemOf(text -> ItemJson.key(ItemJson.parse(text), table)));
        if (dialog.open() != Window.OK) {
            return;
        }
        ObjectNode item = ItemJson.parse(dialog.json());
        String key = ItemJson.describe(ItemJson.key(item, table));
        if (confirm(PUT_TITLE, "Put the new item " + key + " into " + keys.table() + "?", "Put")) {
            write(ItemRequests.put(item, table, false), "Put the item " + key + ".", "Not put: an item with the key "
                    + key + " exists already. Edit that item instead.");
        }
    }

    private void editItem() {
        Optional<ObjectNode> selected = selectedItem();
        if (selected.isEmpty()) {
            return;
        }
        ObjectNode key = ItemJson.key(selected.get(), keys.ownKey());
        if (shown != null && shown.wholeItems()) {
            edit(selected.get());
            return;
        }
        // an index or a PartiQL projection may hold part of the item only: edit the whole of it
        background("Reading the item " + ItemJson.describe(key), monitor -> {
            ResultPage item = databases().execute(session(), database().connectionId(), ItemRequests.get(key), 1);
            return () -> {
                Optional<ObjectNode> whole = item.rows().stream().findFirst().flatMap(ItemJson::ofRow);
                if (whole.isEmpty()) {
                    say("The item " + ItemJson.describe(key) + " is not in the table any more.", true);
                } else {
                    edit(whole.get());
                }
                rereadIfBroken();
            };
        });
    }

    private void edit(ObjectNode item) {
        TableKeys.Source table = keys.ownKey();
        ObjectNode key = ItemJson.key(item, table);
        String described = ItemJson.describe(key);
        JsonTextDialog dialog = new JsonTextDialog(getSite().getShell(), "Edit Item", "The item " + described + " of "
                + keys.table() + ". Change, add or remove attributes; its key stays as it is.", "Save\u2026",
                ItemJson.indent(item),
                problemOf(text -> ItemJson.requireSameKey(key, ItemJson.key(ItemJson.parse(text), table))));
        if (dialog.open() == Window.OK && confirm(SAVE_TITLE, "Save the item " + described + " in " + keys.table()
                + "? The edited item replaces it as a whole.", "Save")) {
            write(ItemRequests.put(ItemJson.parse(dialog.json()), table, true), "Saved the item " + described + ".",
                    "Not saved: the item " + described + " is not in the table any more (deleted meanwhile?). Use New"
                            + " Item to put it again.");
        }
    }

    /** What {@code check} says to fix in an item's text ({@link InvalidInput}), if anything. */
    private static Function<String, Optional<String>> problemOf(Consumer<String> check) {
        return text -> {
            try {
                check.accept(text);
                return Optional.empty();
            } catch (InvalidInput invalid) {
                return Optional.of(invalid.getMessage());
            }
        };
    }

    private void deleteItem() {
        Optional<ObjectNode> selected = selectedItem();
        if (selected.isEmpty()) {
            return;
        }
        ObjectNode key = ItemJson.key(selected.get(), keys.ownKey());
        String described = ItemJson.describe(key);
        if (confirm(DELETE_TITLE, "Delete the item " + described + " from " + keys.table() + "? This cannot be undone.",
                "Delete")) {
            write(ItemRequests.delete(key), "Deleted the item " + described + ".", null);
        }
    }

    /**
     * Sends a write, then runs the read the grid shows again, so that it shows the change.
     *
     * @param refusedByCondition what to say when the write's condition failed
     */
    private void write(String request, String done, String refusedByCondition) {
        Read again = shown;
        background("Writing to " + database().getName(), monitor -> {
            try {
                ResultPage outcome = databases().execute(session(), database().connectionId(), request, 1);
                String said = outcome.updateCount().orElse(1) == 0 ? "No item had that key: nothing was deleted." : done;
                return () -> {
                    if (again == null) {
                        say(said, false);
                    } else {
                        read(again, Optional.of(said));
                    }
                };
            } catch (StratusException e) {
                if (refusedByCondition != null && e.getMessage().contains("ConditionalCheckFailed")) {
                    return () -> say(refusedByCondition, true);
                }
                throw e;
            }
        });
    }

    /** After a read of the item itself, the grid's result cannot read further pages: read it again. */
    private void rereadIfBroken() {
        if (shown != null && running == null) {
            read(shown, Optional.empty());
        }
    }

    private Optional<ObjectNode> selectedItem() {
        List<List<Object>> rows = grid.selectedRows();
        return rows.size() == 1 ? ItemJson.ofRow(rows.getFirst()) : Optional.empty();
    }

    private void showSelected() {
        List<List<Object>> rows = grid.selectedRows();
        if (rows.size() == 1 && rows.getFirst().getLast() instanceof String json) {
            itemPane.show(json);
        } else {
            itemPane.clear();
        }
        updateActions();
    }

    private boolean confirm(String title, String question, String yes) {
        return new MessageDialog(getSite().getShell(), title, null, question, MessageDialog.CONFIRM, 0, yes,
                "Cancel").open() == 0;
    }

    private String keyNames() {
        TableKeys.Source table = keys.ownKey();
        return table.partition().name() + table.sort().map(sort -> " and " + sort.name()).orElse("");
    }

    /** What a Job does off the UI thread; it returns what then shows on the UI thread. */
    @FunctionalInterface
    private interface Work {
        Runnable run(IProgressMonitor monitor);
    }

    /**
     * Runs work in a Job, one at a time; a refusal or failure shows in the messages. Cancelling
     * the Job (the tool bar, or the Progress view) asks the database to stop what it reads.
     */
    private void background(String name, Work work) {
        Job job = new DatabaseJob(name, databases(), session(), database().connectionId(), JOB_FAMILY) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(name, IProgressMonitor.UNKNOWN);
                Runnable then;
                IStatus outcome = Status.OK_STATUS;
                try {
                    then = work.run(monitor);
                } catch (StratusException e) { // the database's or the service's reason, in words to act on
                    String reason = (monitor.isCanceled() ? "Cancelled: " : "") + e.getMessage();
                    then = () -> say(reason, true);
                } catch (RuntimeException e) { // a fault of ours: logged, and the editor stays usable
                    then = () -> say(name + " failed: " + e, true);
                    outcome = Status.error(name + " failed", e);
                }
                Runnable show = then;
                ui(() -> {
                    running = null;
                    show.run();
                    updateActions();
                });
                return monitor.isCanceled() ? Status.CANCEL_STATUS : outcome;
            }
        };
        running = job;
        updateActions();
        job.schedule();
    }

    private void cancel() {
        Job job = running;
        if (job != null) {
            job.cancel();
        }
    }

    private void say(String message, boolean problem) {
        messages.setText(message);
        messages.setForeground(problem ? messages.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
    }

    private void updateActions() {
        if (!showing()) {
            return;
        }
        boolean idle = running == null;
        boolean mayWrite = idle && keys != null && !database().readOnly();
        run.setEnabled(idle);
        cancel.setEnabled(!idle);
        newItem.setEnabled(mayWrite);
        boolean one = mayWrite && selectedItem().isPresent();
        editItem.setEnabled(one);
        deleteItem.setEnabled(one);
        state.setText(idle ? "" : "Running\u2026");
        state.getParent().layout();
    }

    @Override
    public void dispose() {
        cancel();
        super.dispose();
    }

    /** An action of the tool bar and its command; what the person must fix to do it shows in the messages. */
    private IAction action(String label, String tooltip, String commandId, Runnable work) {
        return commandAction(label, tooltip, IAction.AS_PUSH_BUTTON, commandId, () -> {
            try {
                work.run();
            } catch (InvalidInput invalid) {
                say(invalid.getMessage(), true);
            }
        });
    }

    /** True while a result grid has the focus (in this editor, as its handlers are active only while it is). */
    private static final class GridHasFocus extends Expression {

        @Override
        public EvaluationResult evaluate(IEvaluationContext context) {
            return EvaluationResult.valueOf(GRID_FOCUS.equals(context.getVariable(ISources.ACTIVE_FOCUS_CONTROL_ID_NAME)));
        }

        @Override
        public void collectExpressionInfo(ExpressionInfo info) {
            info.addVariableNameAccess(ISources.ACTIVE_FOCUS_CONTROL_ID_NAME);
        }
    }
}
