package io.stratus.ui.documentdb.internal;

import io.stratus.ui.documentdb.internal.DocumentCommands.Target;

import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * A document to insert, or the selected document to change, as JSON: checked as it is typed (OK
 * waits for valid JSON, and an edited document keeps its {@code _id}, by which it is replaced).
 */
public final class DocumentDialog extends Dialog {

    public static final String INSERT_TITLE = "Insert Document";
    public static final String EDIT_TITLE = "Edit Document";
    /** Data keys of the JSON text and of the problem shown, for tests. */
    public static final String TEXT = "io.stratus.ui.documentdb.document";
    public static final String PROBLEM = "io.stratus.ui.documentdb.documentProblem";
    private static final String EXAMPLE = "{\"name\": \"Ada\", \"langs\": [\"en\"]}";

    private final String title;
    private final String intro;
    private final String initial;
    /** The _id the document must keep, when it is edited. */
    private final Optional<BsonValue> keptId;
    private Text json;
    private Label problem;
    private BsonDocument document;

    private DocumentDialog(Shell parent, String title, String intro, String initial, Optional<BsonValue> keptId) {
        super(parent);
        this.title = title;
        this.intro = intro;
        this.initial = initial;
        this.keptId = keptId;
    }

    public static DocumentDialog insert(Shell parent, Target target) {
        return new DocumentDialog(parent, INSERT_TITLE, "A document for " + target + ", as JSON. Without an _id, the "
                + "database gives it one.", "{\n  \n}", Optional.empty());
    }

    /** The document's JSON, indented, to change; it is replaced by its _id. */
    public static DocumentDialog edit(Shell parent, Target target, FoundDocument found, String indented) {
        return new DocumentDialog(parent, EDIT_TITLE, "The document with _id " + found.idText() + " of " + target
                + ". OK replaces it with what you write here (after you confirm).", indented, found.id());
    }

    /** The document written, once OK was pressed. */
    public BsonDocument document() {
        return document;
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
        return new Point(640, 520);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label about = new Label(area, SWT.WRAP);
        about.setText(intro);
        GridDataFactory.fillDefaults().grab(true, false).hint(560, SWT.DEFAULT).applyTo(about);
        json = new Text(area, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        json.setFont(JFaceResources.getTextFont());
        json.setData(TEXT, Boolean.TRUE);
        json.setText(initial);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(json);
        problem = QueryForm.problemLabel(area);
        problem.setData(PROBLEM, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).hint(560, 2 * json.getLineHeight()).applyTo(problem);
        json.addListener(SWT.Modify, event -> check());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        check();
    }

    @Override
    protected void okPressed() {
        if (check()) {
            super.okPressed();
        }
    }

    /** Whether the text is a document that may be written; if not, says what to fix and holds OK back. */
    private boolean check() {
        String message = "";
        try {
            document = DocumentJson.document("The document", json.getText(), EXAMPLE);
            BsonValue id = document.get("_id");
            if (keptId.isPresent() && id != null && !id.equals(keptId.get())) {
                message = "Keep the _id as it was (" + DocumentJson.text(keptId.get()) + "): the document is replaced by "
                        + "its _id. To store a copy under another _id, use Insert.";
            }
        } catch (InvalidJson invalid) {
            message = invalid.getMessage();
        }
        problem.setText(message);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(message.isEmpty());
        }
        return message.isEmpty();
    }
}
