package io.stratus.ui;

import io.stratus.core.identity.Secret;

import java.util.Arrays;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * What the forms of Stratus's dialogs are built of (labelled fields, read as secrets where they hold one), and how they
 * show and hide their parts.
 */
public final class FormParts {

    private FormParts() {
    }

    /** A label and a text field in a two-column grid; the field keeps its label under {@code Label}'s class name. */
    public static Text field(Composite parent, String label, int style, String dataKey) {
        Label name = new Label(parent, SWT.NONE);
        name.setText(label);
        GridDataFactory.swtDefaults().applyTo(name);
        Text text = new Text(parent, SWT.SINGLE | SWT.BORDER | style);
        text.setData(dataKey, Boolean.TRUE);
        text.setData(Label.class.getName(), name);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(text);
        return text;
    }

    /** The label {@link #field} made for {@code field}. */
    public static Label labelOf(Text field) {
        return (Label) field.getData(Label.class.getName());
    }

    /** The field's characters as a Secret, without making a String of them. */
    public static Secret secretOf(Text field) {
        char[] chars = field.getTextChars();
        try {
            return Secret.of(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Shows or hides a control of a grid, giving its room to the others while hidden. */
    public static void setShown(Control control, boolean shown) {
        control.setVisible(shown);
        ((GridData) control.getLayoutData()).exclude = !shown;
    }

    /** Lays {@code changed} out again and, once its dialog shows, makes the dialog as tall as its content needs. */
    public static void refit(Composite changed) {
        changed.layout(true, true);
        Shell shell = changed.getShell();
        if (shell.isVisible()) {
            shell.setSize(shell.getSize().x, shell.computeSize(shell.getSize().x, SWT.DEFAULT).y);
        }
    }
}
