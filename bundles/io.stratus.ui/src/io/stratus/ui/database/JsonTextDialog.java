package io.stratus.ui.database;

import io.stratus.ui.internal.session.ProblemArea;

import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * JSON for a database editor to write (a document, an item), as the person types it, in a monospace font. It is
 * checked as it is typed: while the check finds something to fix, OK waits and the dialog says what, as its other
 * dialogs do ({@link ProblemArea}), from the first change on (what the dialog opens with, such as a key to fill in,
 * is the person's to complete).
 */
public final class JsonTextDialog extends TitleAreaDialog {

    /** Data key of the JSON text, for tests. */
    public static final String TEXT = "io.stratus.ui.database.json";

    private final String title;
    private final String message;
    private final String okLabel;
    private final Function<String, Optional<String>> problemOf;
    private String json;
    private Text text;
    private ProblemArea problems;

    /**
     * @param message what the JSON stands for and what OK does with it
     * @param okLabel the OK button's label, such as "Save…" when a confirmation follows
     * @param json the JSON the dialog opens with
     * @param problemOf what to fix in a text before it can be written, if anything
     */
    public JsonTextDialog(Shell parent, String title, String message, String okLabel, String json,
            Function<String, Optional<String>> problemOf) {
        super(parent);
        this.title = title;
        this.message = message;
        this.okLabel = okLabel;
        this.json = json;
        this.problemOf = problemOf;
    }

    /** The JSON as OK left it. */
    public String json() {
        return json;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Point getInitialSize() {
        return new Point(720, 540);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(title);
        setMessage(message);
        text = new Text(area, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        text.setText(json);
        text.setData(TEXT, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, true).indent(8, 0).applyTo(text);
        Composite problemRow = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(8, 0).applyTo(problemRow);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(problemRow);
        problems = new ProblemArea(problemRow, this::setErrorMessage, () -> area.layout(true, true));
        text.addListener(SWT.Modify, event -> check(true));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, okLabel, false); // Enter adds a line to the JSON
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        check(false);
    }

    @Override
    protected void okPressed() {
        if (check(true)) {
            json = text.getText();
            super.okPressed();
        }
    }

    /** Whether the text can be written; OK follows, and the dialog says what to fix if {@code say}. */
    private boolean check(boolean say) {
        Optional<String> problem = problemOf.apply(text.getText());
        if (say) {
            problem.ifPresentOrElse(problems::show, problems::clear);
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem.isEmpty());
        }
        return problem.isEmpty();
    }
}
