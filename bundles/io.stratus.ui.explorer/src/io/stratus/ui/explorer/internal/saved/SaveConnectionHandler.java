package io.stratus.ui.explorer.internal.saved;

import io.stratus.core.database.OpenDatabase;
import io.stratus.core.database.SavedConnection;
import io.stratus.ui.explorer.OpenDatabaseItem;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;

/**
 * Save as Connection on an open database: keeps how it was opened (the database, its user, whether
 * with IAM database authentication or the person's AWS identity) under a name the person gives,
 * never the password, which the connection then asks for each time it opens.
 */
public final class SaveConnectionHandler extends SavedConnectionsHandler {

    public static final String TITLE = "Save Connection";

    @Override
    void execute(Context context) {
        if (!(context.selected() instanceof OpenDatabaseItem item)) {
            return;
        }
        SavedConnection settings = settingsOf(item.database());
        InputDialog ask = new InputDialog(context.shell(), TITLE, "Name of the connection to "
                + SavedConnectionsLabelProvider.summary(settings) + " (Stratus keeps no password):", settings.name(),
                SaveConnectionHandler::validName);
        if (ask.open() != Window.OK) {
            return;
        }
        SavedConnection named = new SavedConnection("", ask.getValue(), settings.resourceId(), settings.username(),
                settings.database(), settings.iamAuthentication());
        inJob(context, "Saving the connection " + named.name(), "Cannot Save " + named.name(),
                () -> context.saved().create(context.session(), named));
    }

    /** How the database was opened, as a connection to save, named after the database and its user. */
    static SavedConnection settingsOf(OpenDatabase database) {
        String username = database.awsIdentity() ? "" : database.username(); // the AWS identity is the session's own
        String name = SavedConnectionsLabelProvider.resourceName(database.resourceId())
                + (username.isEmpty() ? "" : " as " + username);
        return new SavedConnection("", name, database.resourceId(), username, database.database(),
                database.iamAuthentication());
    }

    /** Null for a name the service takes, else what is wrong with it. */
    static String validName(String name) {
        if (name.isBlank()) {
            return "Give the connection a name.";
        }
        return name.strip().length() > SavedConnection.MAX_NAME ? "Give a name of at most " + SavedConnection.MAX_NAME
                + " characters." : null;
    }
}
