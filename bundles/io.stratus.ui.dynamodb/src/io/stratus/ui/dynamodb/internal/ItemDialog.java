package io.stratus.ui.dynamodb.internal;

import java.util.function.Consumer;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * An item's DynamoDB JSON to write: a new item (its key attributes offered, to be filled in) or an
 * item to edit. OK checks it first ({@code check} throws {@link InvalidInput}); what to fix shows in
 * the dialog, which stays open with the text as it was typed.
 */
public final class ItemDialog extends TitleAreaDialog {

    /** Tests find the item's text under this data key. */
    public static final String TEXT = "io.stratus.ui.dynamodb.itemText";

    private final String title;
    private final String message;
    private final String okLabel;
    private final Consumer<String> check;
    private String json;
    private Text text;

    /**
     * @param json the item as the dialog starts with it
     * @param check throws {@link InvalidInput} when the text cannot be written
     */
    public ItemDialog(Shell parent, String title, String message, String okLabel, String json, Consumer<String> check) {
        super(parent);
        this.title = title;
        this.message = message;
        this.okLabel = okLabel;
        this.json = json;
        this.check = check;
    }

    /** The item's JSON as OK left it. */
    public String json() {
        return json;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Point getInitialSize() {
        return new Point(760, 560);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
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
        GridData fill = new GridData(SWT.FILL, SWT.FILL, true, true);
        fill.horizontalIndent = 8;
        text.setLayoutData(fill);
        text.addListener(SWT.Modify, event -> setErrorMessage(null));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, okLabel, false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        try {
            check.accept(text.getText());
        } catch (InvalidInput invalid) {
            setErrorMessage(invalid.getMessage());
            return;
        }
        json = text.getText();
        super.okPressed();
    }
}
