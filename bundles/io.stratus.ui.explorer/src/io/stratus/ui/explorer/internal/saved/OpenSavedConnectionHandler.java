package io.stratus.ui.explorer.internal.saved;

import io.stratus.core.database.Login;
import io.stratus.core.cloud.DatabaseEngine;
import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.database.SavedConnection;
import io.stratus.core.identity.Secret;
import io.stratus.ui.database.DatabaseEditorInput;
import io.stratus.ui.database.DatabaseEditors;
import io.stratus.ui.explorer.SavedConnectionItem;
import io.stratus.ui.explorer.internal.Engines;

import java.util.Optional;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

/**
 * Opens a saved connection in one step: one that logs in with IAM database authentication or the
 * person's AWS identity opens at once, with nothing to type; one with a password asks for the
 * password alone. The database then opens in its engine's editor and shows its catalog in the
 * explorer. The password serves that
 * login only: it is wiped once the driver has logged in with it, or refused it.
 */
public final class OpenSavedConnectionHandler extends SavedConnectionsHandler {

    @Override
    void execute(Context context) {
        if (!(context.selected() instanceof SavedConnectionItem item)) {
            return;
        }
        SavedConnection connection = item.connection();
        DatabaseService databases = context.window().getService(DatabaseService.class);
        if (databases == null) {
            MessageDialog.openError(context.shell(), "Cannot Open " + connection.name(), "Stratus's database services are "
                    + "not running. Wait a moment and try again; if this lasts, see the Error Log.");
            return;
        }
        Login login = connection.login();
        if (login instanceof Login.Password user) {
            Optional<Secret> password = new PasswordPrompt(context.shell(), connection).ask();
            if (password.isEmpty()) {
                return; // cancelled
            }
            login = user.with(password.get());
        }
        Login once = login;
        inJob(context, "Opening " + connection.name(), "Cannot Open " + connection.name(), () -> {
            OpenDatabase opened;
            try {
                opened = databases.open(context.session(), connection.resourceId(), once, connection.database());
            } finally {
                if (once instanceof Login.Password(String user, Optional<Secret> password)) {
                    password.ifPresent(Secret::clear);
                }
            }
            context.shell().getDisplay().asyncExec(() -> openEditor(context, databases, connection, opened));
        });
    }

    /**
     * The engine's editor, as the connect dialog opens it; it owns the connection from then on. An
     * engine without an editor keeps the database open with its catalog in the explorer.
     */
    private static void openEditor(Context context, DatabaseService databases, SavedConnection connection,
            OpenDatabase opened) {
        Optional<DatabaseEngine> engine = Engines.running().find(opened.engine());
        IWorkbenchPage page = context.window().getActivePage();
        if (engine.isEmpty() || page == null || DatabaseEditors.editorFor(engine.get()).isEmpty()) {
            return;
        }
        try {
            DatabaseEditors.open(page, new DatabaseEditorInput(opened, connection.name(), engine.get()));
        } catch (PartInitException e) {
            inJob(context, "Closing " + connection.name(), "Cannot Close " + connection.name(),
                    () -> databases.close(context.session(), opened.id()));
            showError(context, "Cannot Open " + connection.name(), "The " + engine.get().name()
                    + " editor did not open: " + e.getMessage());
        }
    }
}
