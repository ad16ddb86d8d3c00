package io.stratus.ui.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/**
 * Drives SWT trees (JFace tree viewers, Common Navigator views, the Properties view) the way a
 * person does: expanding an item sends the {@link SWT#Expand} event that makes a viewer create its
 * children; selecting sends {@link SWT#Selection}; keys go through the display's filters, where the
 * workbench's key bindings listen.
 */
public final class TreeRobot {

    private final UiRobot robot;

    public TreeRobot(UiRobot robot) {
        this.robot = robot;
    }

    /**
     * Waits for the item at {@code path}, each step the start of an item's visible text (a navigator
     * appends decorations to its labels), expanding the items on the way.
     */
    public TreeItem waitForItem(Tree tree, String... path) {
        return waitForItem(tree, "tree item " + String.join(" > ", path), () -> find(tree.getItems(), path));
    }

    /**
     * Waits for the item at {@code path} below the first top item that {@code top} accepts: for a top
     * item known by its data rather than its text, which may change meanwhile (a label that a
     * background read completes).
     */
    public TreeItem waitForItem(Tree tree, Predicate<TreeItem> top, String... path) {
        return waitForItem(tree, "tree item " + String.join(" > ", path) + " below a top item", () -> Arrays
                .stream(tree.getItems()).filter(top).findFirst().flatMap(item -> {
                    expandNow(item);
                    return find(item.getItems(), path);
                }));
    }

    private TreeItem waitForItem(Tree tree, String what, Supplier<Optional<TreeItem>> probe) {
        try {
            return robot.waitFor(what, probe);
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; the tree shows:\n" + outline(tree),
                    timedOut);
        }
    }

    /** The expanded part of the tree as a person sees it: one item a line, indented by depth. */
    public String outline(Tree tree) {
        return robot.onUiThread(() -> outlineNow(tree));
    }

    private static String outlineNow(Tree tree) {
        StringBuilder text = new StringBuilder();
        outline(tree.getItems(), 1, text);
        return text.toString();
    }

    private static void outline(TreeItem[] items, int depth, StringBuilder text) {
        for (TreeItem item : items) {
            text.append("  ".repeat(depth)).append(Widgets.visibleText(item)).append('\n');
            if (item.getExpanded()) {
                outline(item.getItems(), depth + 1, text);
            }
        }
    }

    private static Optional<TreeItem> find(TreeItem[] top, String... path) {
        TreeItem[] level = top;
        TreeItem found = null;
        for (String step : path) {
            if (found != null) {
                expandNow(found);
                level = found.getItems();
            }
            found = Arrays.stream(level).filter(item -> Widgets.visibleText(item).startsWith(step)).findFirst().orElse(null);
            if (found == null) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(found);
    }

    private static void expandNow(TreeItem item) {
        if (!item.getExpanded()) {
            Event expand = new Event();
            expand.item = item;
            item.getParent().notifyListeners(SWT.Expand, expand);
            item.setExpanded(true);
        }
    }

    /** Expands an item as a click on its twisty would. */
    public void expand(TreeItem item) {
        robot.runOnUiThread(() -> expandNow(item));
    }

    /** The visible texts of the tree's top items. */
    public List<String> topTexts(Tree tree) {
        return robot.onUiThread(() -> Arrays.stream(tree.getItems()).map(Widgets::visibleText).toList());
    }

    /** The visible texts of an item's children, expanding it first. */
    public List<String> childTexts(TreeItem parent) {
        return robot.onUiThread(() -> {
            expandNow(parent);
            return Arrays.stream(parent.getItems()).map(Widgets::visibleText).toList();
        });
    }

    /** The text of an item in a column (0 is the first). */
    public String textOf(TreeItem item, int column) {
        return robot.onUiThread(() -> item.getText(column));
    }

    /** Selects the item alone, as a click on it would. */
    public void select(TreeItem item) {
        robot.runOnUiThread(() -> {
            Tree tree = item.getParent();
            tree.setFocus();
            tree.setSelection(item);
            Event selection = new Event();
            selection.item = item;
            tree.notifyListeners(SWT.Selection, selection);
        });
    }

    /** Double-clicks the item; returns when what the double-click started has returned (it may open a dialog). */
    public CompletableFuture<Void> doubleClick(TreeItem item) {
        select(item);
        CompletableFuture<Void> done = new CompletableFuture<>();
        item.getDisplay().asyncExec(() -> {
            try {
                Event open = new Event();
                open.item = item;
                item.getParent().notifyListeners(SWT.DefaultSelection, open);
                done.complete(null);
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }

    /** Presses a key (such as {@link SWT#F5}) in the control: key bindings see it, as they see a typed key. */
    public void pressKey(Control control, int keyCode) {
        robot.pressKey(control, SWT.NONE, keyCode, '\0');
    }
}
