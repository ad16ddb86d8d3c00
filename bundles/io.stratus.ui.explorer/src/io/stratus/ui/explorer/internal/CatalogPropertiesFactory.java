package io.stratus.ui.explorer.internal;

import io.stratus.core.cloud.LoginMethod;
import io.stratus.core.database.AccessMode;
import io.stratus.core.database.OpenDatabase;
import io.stratus.core.database.SavedConnection;
import io.stratus.ui.explorer.CatalogItem;
import io.stratus.ui.explorer.OpenDatabaseItem;
import io.stratus.ui.explorer.SavedConnectionItem;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.views.properties.IPropertySource;

/**
 * Shows a selected open database, catalog entry or saved connection in the Properties view, from what
 * the node holds (nothing is read for it): an entry's kind, name, path and type; how a connection was
 * opened or is saved. Never a password, which neither holds.
 */
public final class CatalogPropertiesFactory implements IAdapterFactory {

    private static final String ENTRY = "Catalog entry";
    private static final String CONNECTION = "Connection";

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (adapterType != IPropertySource.class) {
            return null;
        }
        ReadOnlyProperties properties = switch (adaptable) {
            case CatalogItem item -> connection(new ReadOnlyProperties()
                    .put(ENTRY, "Name", item.entry().name())
                    .put(ENTRY, "Kind", item.entry().kind())
                    .put(ENTRY, "Detail", item.entry().detail())
                    .put(ENTRY, "Path", String.join(".", item.path())), item.database());
            case OpenDatabaseItem item -> connection(new ReadOnlyProperties(), item.database());
            case SavedConnectionItem item -> saved(item.connection());
            default -> null;
        };
        return adapterType.cast(properties);
    }

    private static ReadOnlyProperties connection(ReadOnlyProperties properties, OpenDatabase database) {
        return properties.put(CONNECTION, "Database resource", database.resourceId())
                .put(CONNECTION, "Engine", database.engine())
                .put(CONNECTION, "Database", database.database().orElse(""))
                .put(CONNECTION, database.login().databaseUser().isPresent() ? "User" : "Logged in as", database.username())
                .put(CONNECTION, "Login", database.login().method().description())
                .put(CONNECTION, "Access", database.mode() == AccessMode.READ_ONLY ? "read-only" : "read and write")
                .put(CONNECTION, "Opened at", database.openedAt().toString());
    }

    private static ReadOnlyProperties saved(SavedConnection connection) {
        return new ReadOnlyProperties().put(CONNECTION, "Name", connection.name())
                .put(CONNECTION, "Database resource", connection.resourceId())
                .put(CONNECTION, "Database", connection.database().orElse(""))
                .put(CONNECTION, "User", connection.login().databaseUser().orElse(""))
                .put(CONNECTION, "Login", connection.login().method().description()
                        + (connection.login().method() == LoginMethod.PASSWORD ? ", asked each time" : ""));
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] {IPropertySource.class};
    }
}
