package io.stratus.ui.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.commands.common.CommandException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.services.IServiceLocator;

/**
 * Drives a running SWT user interface from a test thread (never from the UI thread itself, which it
 * would block). Queries run on the UI thread and return at once. Actions are posted instead, because
 * an action may open a modal dialog and only return once that dialog closes: the test must stay free
 * to look at the dialog meanwhile. Everything that waits gives up after one timeout and then fails
 * with a message naming what it waited for.
 */
public final class UiRobot {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final Display display;
    private final Duration timeout;

    public UiRobot(Display display, Duration timeout) {
        this.display = display;
        this.timeout = timeout;
    }

    /** Runs {@code query} on the UI thread (the only thread that may touch widgets) and returns its result. */
    public <T> T onUiThread(Supplier<T> query) {
        return display.syncCall(query::get);
    }

    /** Runs {@code action} on the UI thread and returns once it is done. */
    public void runOnUiThread(Runnable action) {
        display.syncCall(() -> {
            action.run();
            return null;
        });
    }

    /** Posts {@code action} to the UI thread; the result completes when the action has returned or failed. */
    private CompletableFuture<Void> post(Runnable action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        display.asyncExec(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }

    /** Polls {@code probe} on the UI thread until it finds something, then returns that. */
    public <T> T waitFor(String what, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<T> found = onUiThread(probe);
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            pause(what);
        }
    }

    /** Polls {@code condition} on the UI thread until it holds. */
    public void waitUntil(String what, BooleanSupplier condition) {
        waitFor(what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** Waits for a posted action to return, and fails with the action's own failure if it threw. */
    public void awaitCompletion(String what, CompletableFuture<?> action) {
        try {
            action.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + what, e);
        }
    }

    /** Waits for a visible shell with exactly this title. */
    public Shell waitForShell(String title) {
        return waitFor("a shell titled '" + title + "'", () -> Arrays.stream(display.getShells())
                .filter(shell -> shell.isVisible() && title.equals(shell.getText()))
                .findFirst());
    }

    /** Waits below {@code root} for a control of {@code type} showing {@code text} (mnemonics ignored). */
    public <T extends Control> T waitForControlWithText(Composite root, Class<T> type, String text) {
        return waitForControl(root, type, "with text '" + text + "'",
                control -> text.equals(Widgets.visibleText(control)));
    }

    /** Waits below {@code root} for the first control of {@code type}, such as the one table of a dialog. */
    public <T extends Control> T waitForControl(Composite root, Class<T> type) {
        return waitForControl(root, type, "at all", control -> true);
    }

    /** Waits below {@code root} for a control of {@code type} that has data under {@code key}. */
    public <T extends Control> T waitForControlWithData(Composite root, Class<T> type, String key) {
        return waitForControl(root, type, "with data key '" + key + "'", control -> control.getData(key) != null);
    }

    /** Waits below {@code root} for a control of {@code type} whose data under {@code key} equals {@code value}. */
    public <T extends Control> T waitForControlWithData(Composite root, Class<T> type, String key, Object value) {
        return waitForControl(root, type, "with data " + key + "=" + value, control -> value.equals(control.getData(key)));
    }

    private <T extends Control> T waitForControl(Composite root, Class<T> type, String criterion,
            Predicate<? super T> matches) {
        String where = onUiThread(() -> Widgets.visibleText(root));
        return waitFor("a " + type.getSimpleName() + " " + criterion + " in '" + where + "'",
                () -> Widgets.selfAndDescendants(root)
                        .filter(type::isInstance)
                        .map(type::cast)
                        .filter(matches)
                        .findFirst());
    }

    /** The control of {@code type} below {@code root} that has data under {@code key}, if there is one now. */
    public <T extends Control> Optional<T> findControlWithData(Composite root, Class<T> type, String key) {
        return onUiThread(() -> Widgets.selfAndDescendants(root).filter(type::isInstance).map(type::cast)
                .filter(control -> control.getData(key) != null).findFirst());
    }

    /** Waits below {@code root} for a control whose visible text contains {@code part}, such as a dialog's message. */
    public Control waitForControlShowing(Composite root, String part) {
        return waitForControl(root, Control.class, "showing '" + part + "'",
                control -> control.isVisible() && Widgets.visibleText(control).contains(part));
    }

    /** The visible text of a widget: without mnemonic markers and keyboard shortcuts. */
    public String textOf(Widget widget) {
        return onUiThread(() -> Widgets.visibleText(widget));
    }

    /** Types into a text field as a paste would: the whole value at once, with the field's modify events. */
    public void type(Text field, String value) {
        runOnUiThread(() -> {
            field.setFocus();
            field.setText(value);
        });
    }

    /**
     * Presses a key with modifiers (such as {@code SWT.MOD1} and {@code SWT.CR}) in the control, as a
     * typed key reaches it: key bindings see it first.
     */
    public void pressKey(Control control, int modifiers, int keyCode, char character) {
        runOnUiThread(() -> pressKeyNow(control, modifiers, keyCode, character));
    }

    /**
     * Presses a key as {@link #pressKey} does, without waiting for what it does: for a key that opens
     * a modal dialog (the future completes when the dialog has closed).
     */
    public CompletableFuture<Void> pressKeyLater(Control control, int modifiers, int keyCode, char character) {
        return post(() -> pressKeyNow(control, modifiers, keyCode, character));
    }

    private static void pressKeyNow(Control control, int modifiers, int keyCode, char character) {
        control.setFocus();
        for (int type : new int[] {SWT.KeyDown, SWT.KeyUp}) {
            Event key = new Event();
            key.keyCode = keyCode;
            key.character = character;
            key.stateMask = modifiers;
            control.notifyListeners(type, key);
        }
    }

    /** Closes every shell but {@code keep}, such as the dialogs a failed test left open. */
    public void closeShellsExcept(Shell keep) {
        runOnUiThread(() -> Arrays.stream(display.getShells())
                .filter(shell -> shell != keep && !shell.isDisposed())
                .forEach(Shell::close));
    }

    /** Clicks a button or menu item the way SWT reports a click: with a selection event. */
    public CompletableFuture<Void> click(Widget widget) {
        return post(() -> clickNow(widget));
    }

    private static void clickNow(Widget widget) {
        if (!Widgets.isEnabled(widget)) {
            throw new IllegalStateException("Cannot click '" + Widgets.visibleText(widget) + "': it is disabled");
        }
        widget.notifyListeners(SWT.Selection, new Event());
    }

    /** Checks or unchecks a check box as a click does: the new state, then a selection event. */
    public void check(Button box, boolean checked) {
        runOnUiThread(() -> {
            if (!Widgets.isEnabled(box)) {
                throw new IllegalStateException("Cannot check '" + Widgets.visibleText(box) + "': it is disabled");
            }
            box.setSelection(checked);
            box.notifyListeners(SWT.Selection, new Event());
        });
    }

    /** Clicks an item of the shell's menu bar by its labels, such as {@code "Help", "About Stratus"}. */
    public CompletableFuture<Void> clickMenu(Shell shell, String... path) {
        String menuPath = String.join(" > ", path);
        return click(waitFor("menu item " + menuPath, () -> Widgets.menuItem(shell.getMenuBar(), path)));
    }

    /** Clicks an item of the pop-up menu of {@code owner} (its context menu) by its labels. */
    public CompletableFuture<Void> clickPopupMenu(Control owner, String... path) {
        String menuPath = String.join(" > ", path);
        waitFor("pop-up menu item " + menuPath, () -> Widgets.menuItem(owner.getMenu(), path));
        // Menus filled each time they show (a Common Navigator's) dispose their items soon after they hide:
        // find the item again and click it before the UI thread gets to that.
        return post(() -> clickNow(Widgets.menuItem(owner.getMenu(), path)
                .orElseThrow(() -> new IllegalStateException("The pop-up menu no longer has " + menuPath))));
    }

    /** The item at {@code path} of the shell's menu bar, if it is there now (menus hide items whose visibleWhen fails). */
    public Optional<MenuItem> findMenuItem(Shell shell, String... path) {
        return onUiThread(() -> Widgets.menuItem(shell.getMenuBar(), path));
    }

    /** Waits below {@code root} for the tool item showing {@code text}, such as an editor's "Edit…". */
    public ToolItem waitForToolItem(Composite root, String text) {
        return waitFor("a tool item '" + text + "'", () -> toolItem(root, text));
    }

    /** The tool item showing {@code text} below {@code root} (such as the main tool bar), if it is there now. */
    public Optional<ToolItem> findToolItem(Composite root, String text) {
        return onUiThread(() -> toolItem(root, text));
    }

    /** Whether the tool item showing {@code text} below {@code root} is enabled now; it must be there. */
    public boolean isToolItemEnabled(Composite root, String text) {
        return onUiThread(() -> toolItem(root, text).orElseThrow(() -> new AssertionError("No tool item " + text))
                .isEnabled());
    }

    private static Optional<ToolItem> toolItem(Composite root, String text) {
        return Widgets.selfAndDescendants(root)
                .filter(ToolBar.class::isInstance)
                .flatMap(bar -> Arrays.stream(((ToolBar) bar).getItems()))
                .filter(item -> !item.isDisposed() && text.equals(Widgets.visibleText(item)))
                .findFirst();
    }

    /**
     * Waits until no job of {@code jobFamily} runs (an editor's reads) and the table {@code grid} finds then has
     * {@code rows} rows; returns that table.
     */
    public Table waitForRows(Object jobFamily, Supplier<Optional<Table>> grid, int rows) {
        return waitFor(rows + " rows in the grid", () -> Job.getJobManager().find(jobFamily).length > 0 ? Optional.empty()
                : grid.get().filter(table -> table.getItemCount() == rows));
    }

    /** The labels of the items of the menu at {@code path} of the shell's menu bar, as a person sees them. */
    public List<String> menuLabels(Shell shell, String... path) {
        return onUiThread(() -> {
            Menu menu = Widgets.menuItem(shell.getMenuBar(), path).map(MenuItem::getMenu).orElse(null);
            if (menu == null) {
                return List.of();
            }
            menu.notifyListeners(SWT.Show, new Event());
            List<String> labels = Arrays.stream(menu.getItems()).map(Widgets::visibleText).toList();
            menu.notifyListeners(SWT.Hide, new Event());
            return labels;
        });
    }

    /** Whether the item at {@code path} of the shell's menu bar is enabled now. */
    public boolean isMenuEnabled(Shell shell, String... path) {
        MenuItem item = waitFor("menu item " + String.join(" > ", path), () -> Widgets.menuItem(shell.getMenuBar(), path));
        return onUiThread(item::isEnabled);
    }

    /** Executes a command as a key binding would, through the handler service of {@code services}. */
    public CompletableFuture<Void> executeCommand(IServiceLocator services, String commandId) {
        return post(() -> {
            try {
                services.getService(IHandlerService.class).executeCommand(commandId, null);
            } catch (CommandException e) {
                throw new IllegalStateException("Command " + commandId + " did not run: " + e.getMessage(), e);
            }
        });
    }

    /** Executes a command with parameters (by their ids), as a menu item or key binding with parameters would. */
    public CompletableFuture<Void> executeCommand(IServiceLocator services, String commandId, Map<String, String> parameters) {
        return post(() -> {
            try {
                Command command = services.getService(ICommandService.class).getCommand(commandId);
                services.getService(IHandlerService.class)
                        .executeCommand(ParameterizedCommand.generateCommand(command, parameters), null);
            } catch (CommandException e) {
                throw new IllegalStateException("Command " + commandId + " did not run: " + e.getMessage(), e);
            }
        });
    }

    /** Whether the command's handler is enabled now, as its menu items and tool items show. */
    public boolean isCommandEnabled(IServiceLocator services, String commandId) {
        return onUiThread(() -> services.getService(ICommandService.class).getCommand(commandId).isEnabled());
    }

    /** The text of every cell of the table, row by row, as a person reads it. */
    public List<List<String>> rowsOf(Table table) {
        return onUiThread(() -> Arrays.stream(table.getItems())
                .map(item -> IntStream.range(0, Math.max(1, table.getColumnCount())).mapToObj(item::getText).toList())
                .toList());
    }

    /** Selects the first row whose first column reads {@code text}, as a click on it would. */
    public void selectRow(Table table, String text) {
        runOnUiThread(() -> {
            TableItem item = row(table, text);
            table.setSelection(item);
            Event click = new Event();
            click.item = item;
            table.notifyListeners(SWT.Selection, click);
        });
    }

    /** Checks or unchecks the row whose first column reads {@code text} in a check-box table, as a click on its box would. */
    public void check(Table table, String text, boolean checked) {
        runOnUiThread(() -> {
            TableItem item = row(table, text);
            item.setChecked(checked);
            Event click = new Event();
            click.item = item;
            click.detail = SWT.CHECK;
            table.notifyListeners(SWT.Selection, click);
        });
    }

    private static TableItem row(Table table, String text) {
        if (!table.isEnabled()) {
            throw new IllegalStateException("Cannot click the table row '" + text + "': the table is disabled");
        }
        return Arrays.stream(table.getItems()).filter(item -> text.equals(item.getText())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No table row '" + text + "'"));
    }

    /** Chooses {@code text} in a combo box, as a person picking it from the list would. */
    public void choose(Combo combo, String text) {
        runOnUiThread(() -> {
            int index = combo.indexOf(text);
            if (index < 0) {
                throw new IllegalStateException("'" + text + "' is not a choice of the combo: " + List.of(combo.getItems()));
            }
            combo.select(index);
            combo.notifyListeners(SWT.Selection, new Event());
        });
    }

    /** Brings the tab labelled {@code text} of the folder to the front. */
    public void selectTab(TabFolder folder, String text) {
        runOnUiThread(() -> {
            TabItem tab = Arrays.stream(folder.getItems()).filter(item -> text.equals(Widgets.visibleText(item)))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No tab '" + text + "'"));
            folder.setSelection(tab);
            Event select = new Event();
            select.item = tab;
            folder.notifyListeners(SWT.Selection, select);
        });
    }

    /** Saves the screen area of {@code shell} as a PNG, once everything the shell has to paint is painted. */
    public void screenshot(Shell shell, Path png) {
        awaitPainting("the screenshot " + png.getFileName());
        runOnUiThread(() -> {
            shell.update();
            ScreenCapture.savePng(display, screenArea(shell), png);
        });
    }

    /**
     * Gives the UI thread's event loop a few frames: GTK draws what the test just changed (a typed value, a dialog
     * resized to fit its fields) at its frame clock's next tick, which {@link Shell#update()} alone does not wait for.
     */
    private void awaitPainting(String what) {
        for (int frame = 0; frame < 4; frame++) {
            runOnUiThread(() -> { });
            pause(what);
        }
    }

    /**
     * From the shell's corner (its window frame, if a window manager draws one) to the end of its client
     * area. Not {@link Shell#getBounds()}: without a window manager, as under Xvfb, SWT adds a guessed
     * frame to them that reaches past the window.
     */
    private Rectangle screenArea(Shell shell) {
        Point corner = shell.getLocation();
        Rectangle client = display.map(shell, null, shell.getClientArea());
        return new Rectangle(corner.x, corner.y, client.x + client.width - corner.x, client.y + client.height - corner.y);
    }

    /** Saves the whole screen as a PNG. */
    public void screenshotOfDisplay(Path png) {
        runOnUiThread(() -> {
            Arrays.stream(display.getShells()).forEach(Shell::update);
            ScreenCapture.savePng(display, display.getBounds(), png);
        });
    }

    private static void pause(String what) {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + what, e);
        }
    }
}
