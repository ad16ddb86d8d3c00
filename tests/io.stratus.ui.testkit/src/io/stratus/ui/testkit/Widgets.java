package io.stratus.ui.testkit;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Decorations;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Widget;

/** Searches of the widget tree. Like every SWT call, they must run on the UI thread. */
final class Widgets {

    private Widgets() {
    }

    /** The text a person reads on the widget: without mnemonic markers ({@code &}) and keyboard shortcuts. */
    static String visibleText(Widget widget) {
        String text = switch (widget) {
            case Label label -> label.getText();
            case Button button -> button.getText();
            case Text field -> field.getText();
            case Link link -> link.getText();
            case Group group -> group.getText();
            case Decorations shell -> shell.getText();
            case CLabel label -> label.getText() == null ? "" : label.getText();
            case Item item -> item.getText();
            default -> "";
        };
        int shortcut = text.indexOf('\t');
        return (shortcut < 0 ? text : text.substring(0, shortcut)).replaceAll("&(.)", "$1");
    }

    static boolean isEnabled(Widget widget) {
        return switch (widget) {
            case Control control -> control.isEnabled();
            case MenuItem item -> item.isEnabled();
            default -> true;
        };
    }

    /** The root and every control below it, depth first. */
    static Stream<Control> selfAndDescendants(Control root) {
        Stream<Control> children = root instanceof Composite composite
                ? Arrays.stream(composite.getChildren()).flatMap(Widgets::selfAndDescendants)
                : Stream.empty();
        return Stream.concat(Stream.of(root), children);
    }

    /**
     * The menu item at the end of {@code path}, starting in {@code menu}. Each menu on the way is sent
     * {@link SWT#Show} first because JFace menu managers create their items only when a menu is shown.
     */
    static Optional<MenuItem> menuItem(Menu menu, String... path) {
        Menu current = menu;
        MenuItem item = null;
        for (String label : path) {
            if (current == null) {
                return Optional.empty();
            }
            current.notifyListeners(SWT.Show, new Event());
            item = Arrays.stream(current.getItems())
                    .filter(candidate -> label.equals(visibleText(candidate)))
                    .findFirst()
                    .orElse(null);
            current.notifyListeners(SWT.Hide, new Event());
            if (item == null) {
                return Optional.empty();
            }
            current = item.getMenu();
        }
        return Optional.ofNullable(item);
    }
}
