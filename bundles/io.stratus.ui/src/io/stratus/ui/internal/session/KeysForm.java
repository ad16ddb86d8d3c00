package io.stratus.ui.internal.session;

import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.Secret;
import io.stratus.ui.FormParts;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The access key id, the secret access key and, for temporary ({@code ASIA}) keys, the session
 * token, as the sign-in dialog and the setup wizard ask for them. Whether they are right is the
 * sign-in service's to say, so both show the same messages as the HTTP API. The secret parts are
 * read as characters and handed over as {@link Secret}s: no String of them is made.
 */
final class KeysForm {

    /** Data keys of the fields, for tests. */
    static final String ACCESS_KEY_ID = "io.stratus.ui.session.accessKeyId";
    static final String SECRET_ACCESS_KEY = "io.stratus.ui.session.secretAccessKey";
    static final String SESSION_TOKEN = "io.stratus.ui.session.sessionToken";

    private final Composite form;
    private final Text accessKeyId;
    private final Text secretAccessKey;
    private final Label sessionTokenLabel;
    private final Text sessionToken;

    KeysForm(Composite parent) {
        form = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        accessKeyId = FormParts.field(form, "&Access key ID:", SWT.NONE, ACCESS_KEY_ID);
        accessKeyId.setMessage("AKIA... or ASIA...");
        secretAccessKey = FormParts.field(form, "&Secret access key:", SWT.PASSWORD, SECRET_ACCESS_KEY);
        sessionToken = FormParts.field(form, "Session &token:", SWT.PASSWORD, SESSION_TOKEN);
        sessionTokenLabel = FormParts.labelOf(sessionToken);
        Label note = new Label(form, SWT.WRAP);
        note.setText("AWS checks these keys. Stratus keeps them in memory until you sign out or the session ends, "
                + "and never writes them anywhere.");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(420, SWT.DEFAULT).indent(0, 8).applyTo(note);
        accessKeyId.addModifyListener(e -> showSessionTokenForTemporaryKeys());
        showSessionTokenForTemporaryKeys();
    }

    /** The session token is asked for when the key id says the keys are temporary, as AWS needs it then. */
    private void showSessionTokenForTemporaryKeys() {
        boolean temporary = accessKeyId.getText().startsWith(AwsCredentials.TEMPORARY_KEY_PREFIX);
        if (temporary == sessionToken.getVisible()) {
            return;
        }
        FormParts.setShown(sessionTokenLabel, temporary);
        FormParts.setShown(sessionToken, temporary);
        FormParts.refit(form);
    }

    /** Fills in the key id of the keys one signed in with: a re-authentication asks for the secret only. */
    void setAccessKeyId(String keyId) {
        accessKeyId.setText(keyId);
    }

    void setFocus() {
        (accessKeyId.getText().isEmpty() ? accessKeyId : secretAccessKey).setFocus();
    }

    void setEnabled(boolean enabled) {
        for (Text field : new Text[] {accessKeyId, secretAccessKey, sessionToken}) {
            field.setEnabled(enabled);
        }
    }

    /** The keys as typed; the session token only for temporary keys, whose field is shown. */
    AwsCredentials credentials() {
        Secret token = sessionToken.getVisible() && sessionToken.getCharCount() > 0 ? FormParts.secretOf(sessionToken)
                : null;
        return new AwsCredentials(accessKeyId.getText(), FormParts.secretOf(secretAccessKey), token);
    }

    /** After a refused sign-in: the secret (and session token) must be typed again, the rest stays as it was. */
    void clearSecret() {
        secretAccessKey.setTextChars(new char[0]);
        sessionToken.setTextChars(new char[0]);
        secretAccessKey.setFocus();
    }
}
