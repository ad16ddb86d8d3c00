package io.stratus.ui.explorer.internal.saved;

import io.stratus.core.database.OpenDatabase;
import io.stratus.core.database.SavedConnection;
import io.stratus.core.database.SavedConnections;
import io.stratus.core.session.UserSession;
import io.stratus.ui.explorer.OpenDatabaseItem;
import io.stratus.ui.explorer.internal.ExplorerCommands;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.IWorkbenchWindow;

/**
 * Save as Connection on an open database: keeps how it was opened (the database, its login method
 * and user) under a name the person gives,
 * never the password, which the connection then asks for each time it opens. {@link #saveAs} does
 * the same for settings from elsewhere (the connect dialog's).
 */
public final class SaveConnectionHandler extends SavedConnectionsHandler {

    public static final String TITLE = "Save Connection";

    @Override
    void execute(Context context) {
        if (!(context.selected() instanceof OpenDatabaseItem item)) {
            return;
        }
        askAndSave(context, settingsOf(item.database()));
    }

    /**
     * Asks the person to name these settings (a database, a user, IAM or not; never a password) and
     * saves them as one of their connections, in a Job; the explorer then shows it.
     */
    public static void saveAs(IWorkbenchWindow window, UserSession session, SavedConnection settings) {
        SavedConnections saved = window.getService(SavedConnections.class);
        if (saved != null) {
            askAndSave(new Context(window, settings, session, saved, ExplorerCommands.view(window)
                    .flatMap(SavedConnectionsContentProvider::of)), settings);
        }
    }

    private static void askAndSave(Context context, SavedConnection settings) {
        InputDialog ask = new InputDialog(context.shell(), TITLE, "Name of the connection to "
                + SavedConnectionsLabelProvider.summary(settings) + " (Stratus keeps no password):", settings.name(),
                SaveConnectionHandler::validName);
        if (ask.open() != Window.OK) {
            return;
        }
        SavedConnection named = settings.named("", ask.getValue());
        inJob(context, "Saving the connection " + named.name(), "Cannot Save " + named.name(),
                () -> context.saved().create(context.session(), named));
    }

    /** How the database was opened, as a connection to save, named after the database and its user. */
    static SavedConnection settingsOf(OpenDatabase database) {
        String name = SavedConnectionsLabelProvider.resourceName(database.resourceId())
                + database.login().databaseUser().map(user -> " as " + user).orElse("");
        return new SavedConnection("", name, database.resourceId(), database.login(), database.database());
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
