package io.stratus.ui.explorer.internal.saved;

import io.stratus.core.database.SavedConnection;
import io.stratus.ui.explorer.SavedConnectionItem;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;

/** Rename (F2) of a saved connection: asks for the new name, which the service checks is the person's only one by that name. */
public final class RenameSavedConnectionHandler extends SavedConnectionsHandler {

    @Override
    void execute(Context context) {
        if (!(context.selected() instanceof SavedConnectionItem item)) {
            return;
        }
        SavedConnection connection = item.connection();
        InputDialog ask = new InputDialog(context.shell(), "Rename Saved Connection", "New name of '" + connection.name() + "':",
                connection.name(), SaveConnectionHandler::validName);
        if (ask.open() != Window.OK || ask.getValue().strip().equals(connection.name())) {
            return;
        }
        SavedConnection renamed = connection.named(connection.id(), ask.getValue());
        inJob(context, "Renaming " + connection.name(), "Cannot Rename " + connection.name(),
                () -> context.saved().update(context.session(), renamed));
    }
}
