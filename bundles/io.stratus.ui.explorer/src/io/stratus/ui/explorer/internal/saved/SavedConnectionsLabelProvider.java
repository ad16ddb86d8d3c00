package io.stratus.ui.explorer.internal.saved;

import io.stratus.core.cloud.LoginMethod;
import io.stratus.core.database.Login;
import io.stratus.core.database.SavedConnection;
import io.stratus.ui.explorer.SavedConnectionItem;
import io.stratus.ui.explorer.SavedConnectionsFolder;
import io.stratus.ui.explorer.internal.ExplorerContent;
import io.stratus.ui.explorer.internal.ExplorerLabels;

import org.eclipse.jface.viewers.StyledString;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.ICommonContentExtensionSite;
import org.eclipse.ui.navigator.IExtensionStateModel;

/** Labels of the saved connections: their names, then how they log in to which database. */
public final class SavedConnectionsLabelProvider extends ExplorerLabels {

    private IExtensionStateModel state;

    @Override
    public void init(ICommonContentExtensionSite site) {
        super.init(site);
        state = site.getExtensionStateModel();
    }

    @Override
    public StyledString getStyledText(Object element) {
        return switch (element) {
            case SavedConnectionsFolder folder -> new StyledString("Saved Connections").append("  "
                    + ExplorerContent.in(state, SavedConnectionsContentProvider.class).map(SavedConnectionsContentProvider::count).orElse(0),
                    StyledString.COUNTER_STYLER);
            case SavedConnectionItem item -> new StyledString(item.connection().name()).append("  "
                    + summary(item.connection()), StyledString.DECORATIONS_STYLER);
            default -> null;
        };
    }

    /** {@code stratus@orders on orders · password}: who logs in to what, and how. */
    static String summary(SavedConnection connection) {
        String who = connection.login().databaseUser().orElse(switch (connection.login()) {
            case Login.SecretsManager secret -> "secret " + resourceName(secret.secretArn());
            case Login.IssuedForIdentity identity -> "your IAM identity";
            default -> "AWS identity";
        });
        return who + connection.database().map(name -> "@" + name).orElse("") + " on " + resourceName(connection.resourceId())
                + " \u00b7 " + login(connection);
    }

    static String login(SavedConnection connection) {
        return login(connection.login().method());
    }

    /** How a connection logs in, in a word or two for the explorer's labels. */
    public static String login(LoginMethod method) {
        return switch (method) {
            case PASSWORD -> "password";
            case IAM_TOKEN -> "IAM";
            case SECRET -> "secret";
            case ISSUED_FOR_IDENTITY -> "IAM identity";
            case ISSUED_FOR_USER -> "issued credentials";
            case AWS_IDENTITY -> "AWS identity";
        };
    }

    /** The last part of an ARN: {@code orders} of {@code arn:aws:rds:eu-west-1:111122223333:db:orders}. */
    static String resourceName(String resourceId) {
        return resourceId.substring(Math.max(resourceId.lastIndexOf(':'), resourceId.lastIndexOf('/')) + 1);
    }

    @Override
    public Image getImage(Object element) {
        return switch (element) {
            case SavedConnectionsFolder folder -> PlatformUI.getWorkbench().getSharedImages()
                    .getImage(ISharedImages.IMG_OBJ_FOLDER);
            case SavedConnectionItem item -> icons().icon("db-other");
            default -> null;
        };
    }

    @Override
    public String getDescription(Object element) {
        return element instanceof SavedConnectionItem item ? item.connection().name() + " \u2014 " + item.connection().resourceId()
                : getText(element);
    }
}
