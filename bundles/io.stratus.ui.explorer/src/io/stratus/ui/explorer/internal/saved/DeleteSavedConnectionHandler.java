package io.stratus.ui.explorer.internal.saved;

import io.stratus.core.database.SavedConnection;
import io.stratus.ui.explorer.SavedConnectionItem;

import org.eclipse.jface.dialogs.MessageDialog;

/** Delete of a saved connection, once the person confirms; a database open from it stays open. */
public final class DeleteSavedConnectionHandler extends SavedConnectionsHandler {

    public static final String TITLE = "Delete Saved Connection";

    @Override
    void execute(Context context) {
        if (!(context.selected() instanceof SavedConnectionItem item)) {
            return;
        }
        SavedConnection connection = item.connection();
        if (MessageDialog.openConfirm(context.shell(), TITLE, "Delete the saved connection '" + connection.name() + "' ("
                + SavedConnectionsLabelProvider.summary(connection) + ")? This cannot be undone.")) {
            inJob(context, "Deleting " + connection.name(), "Cannot Delete " + connection.name(),
                    () -> context.saved().delete(context.session(), connection.id()));
        }
    }
}
