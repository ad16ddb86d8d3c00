package io.stratus.ui.explorer.internal.catalog;

import io.stratus.core.cloud.LoginMethod;
import io.stratus.core.database.AccessMode;
import io.stratus.core.database.CatalogEntry;
import io.stratus.core.database.OpenDatabase;
import io.stratus.ui.explorer.CatalogItem;
import io.stratus.ui.explorer.CatalogMore;
import io.stratus.ui.explorer.CatalogNotice;
import io.stratus.ui.explorer.OpenDatabaseItem;
import io.stratus.ui.explorer.internal.ExplorerLabels;
import io.stratus.ui.explorer.internal.saved.SavedConnectionsLabelProvider;

import java.util.List;

import org.eclipse.jface.viewers.StyledString;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/**
 * Labels of open databases and their catalogs: {@code stratus@orders  read-only · IAM}, a schema or
 * table with its kind, a column with its type, "Loading…", a failure with the database's reason,
 * and "More…" where a level has more entries than were read.
 */
public final class CatalogLabelProvider extends ExplorerLabels {

    /** Entries whose kind holds others, shown as folders. */
    private static final List<String> CONTAINERS = List.of("schema", "database");

    @Override
    public StyledString getStyledText(Object element) {
        return switch (element) {
            case OpenDatabaseItem connection -> new StyledString(login(connection.database()))
                    .append("  " + how(connection.database()), StyledString.DECORATIONS_STYLER);
            case CatalogItem item -> new StyledString(item.entry().name()).append("  " + summary(item.entry()),
                    StyledString.DECORATIONS_STYLER);
            case CatalogNotice notice -> notice.kind() == CatalogNotice.Kind.LOADING
                    ? new StyledString(notice.text(), StyledString.DECORATIONS_STYLER)
                    : new StyledString("Could not read: " + notice.text());
            case CatalogMore more -> new StyledString("More\u2026").append("  double-click to read the next "
                    + CatalogContentProvider.PAGE, StyledString.DECORATIONS_STYLER);
            default -> null;
        };
    }

    /** {@code user@database}, or the AWS identity's connection to its table. */
    static String login(OpenDatabase database) {
        String who = database.login().method() == LoginMethod.AWS_IDENTITY ? "AWS identity" : database.username();
        return database.database().map(name -> who + "@" + name).orElse(who);
    }

    /** {@code open · read-only · IAM}: how it logs in, unless with a password */
    static String how(OpenDatabase database) {
        LoginMethod login = database.login().method();
        return "open" + (database.mode() == AccessMode.READ_ONLY ? " \u00b7 read-only" : "")
                + (login == LoginMethod.PASSWORD ? "" : " \u00b7 " + SavedConnectionsLabelProvider.login(login));
    }

    /** A column's, key's or index's detail (its type); another entry's kind, with its detail if any. */
    private static String summary(CatalogEntry entry) {
        if (!CatalogItem.holdsEntries(entry)) {
            return entry.detail();
        }
        return entry.detail().isEmpty() ? entry.kind() : entry.kind() + " \u00b7 " + entry.detail();
    }

    @Override
    public Image getImage(Object element) {
        ISharedImages shared = PlatformUI.getWorkbench().getSharedImages();
        return switch (element) {
            case OpenDatabaseItem connection -> icons().engine(connection.database().engine());
            case CatalogItem item when CONTAINERS.contains(item.entry().kind()) -> shared.getImage(ISharedImages.IMG_OBJ_FOLDER);
            case CatalogItem item when item.hasEntries() -> shared.getImage(ISharedImages.IMG_OBJ_FILE);
            case CatalogItem item -> shared.getImage(ISharedImages.IMG_OBJ_ELEMENT);
            case CatalogNotice notice -> icons().icon(notice.kind() == CatalogNotice.Kind.LOADING ? "loading" : "failed");
            case CatalogMore more -> shared.getImage(ISharedImages.IMG_TOOL_FORWARD);
            default -> null;
        };
    }

    @Override
    public String getDescription(Object element) {
        return switch (element) {
            case OpenDatabaseItem connection -> login(connection.database()) + " \u2014 " + connection.database().resourceId();
            case CatalogItem item -> String.join(".", item.path()) + " \u2014 " + summary(item.entry());
            default -> getText(element);
        };
    }
}
