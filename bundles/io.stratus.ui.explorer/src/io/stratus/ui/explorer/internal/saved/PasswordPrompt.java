package io.stratus.ui.explorer.internal.saved;

import io.stratus.core.database.SavedConnection;
import io.stratus.core.identity.Secret;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for the one thing a saved connection with a password lacks: the password, for this login
 * only. It is taken from the field as characters, never as a String, and the caller wipes it.
 */
public final class PasswordPrompt extends TitleAreaDialog {

    /** Data key of the password field, for tests. */
    public static final String PASSWORD = "io.stratus.ui.explorer.saved.password";

    private final SavedConnection connection;
    private Text password;
    private Secret typed;

    PasswordPrompt(Shell parent, SavedConnection connection) {
        super(parent);
        this.connection = connection;
    }

    /** The password typed, if the person chose Open. */
    Optional<Secret> ask() {
        return open() == OK ? Optional.ofNullable(typed) : Optional.empty();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Open " + connection.name());
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(connection.name());
        setMessage("The password of " + connection.login().databaseUser().orElse("") + " for " + SavedConnectionsLabelProvider.summary(connection)
                + ". Stratus uses it for this login only and keeps it nowhere.");
        Composite form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(form);
        new Label(form, SWT.NONE).setText("&Password:");
        password = new Text(form, SWT.BORDER | SWT.PASSWORD);
        password.setData(PASSWORD, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(password);
        password.addModifyListener(e -> getButton(IDialogConstants.OK_ID).setEnabled(password.getCharCount() > 0));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Open", true).setEnabled(false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        char[] chars = password.getTextChars();
        typed = Secret.of(chars);
        Arrays.fill(chars, '\0');
        password.setText("");
        super.okPressed();
    }
}
