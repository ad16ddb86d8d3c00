package io.stratus.ui.explorer.internal.saved;

import io.stratus.core.database.DatabaseService;
import io.stratus.core.database.SavedConnection;
import io.stratus.core.identity.Secret;
import io.stratus.ui.explorer.SavedConnectionItem;

import java.util.Optional;

import org.eclipse.jface.dialogs.MessageDialog;

/**
 * Opens a saved connection in one step: one that logs in with IAM database authentication or the
 * person's AWS identity opens at once, with nothing to type; one with a password asks for the
 * password alone. The database then shows its catalog in the explorer. The password serves that
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
        boolean needsPassword = !connection.username().isEmpty() && !connection.iamAuthentication();
        Optional<Secret> password = needsPassword ? new PasswordPrompt(context.shell(), connection).ask() : Optional.empty();
        if (needsPassword && password.isEmpty()) {
            return; // cancelled
        }
        inJob(context, "Opening " + connection.name(), "Cannot Open " + connection.name(), () -> {
            try {
                databases.open(context.session(), connection.resourceId(), connection.username(), password,
                        connection.database());
            } finally {
                password.ifPresent(Secret::clear);
            }
        });
    }
}
