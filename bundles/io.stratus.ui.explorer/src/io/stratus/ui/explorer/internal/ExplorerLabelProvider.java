package io.stratus.ui.explorer.internal;

import io.stratus.core.cloud.CloudResource;
import io.stratus.core.explorer.ExplorerTree.RegionNode;
import io.stratus.core.explorer.ExplorerTree.ServiceNode;
import io.stratus.core.explorer.ScanStatus;
import io.stratus.ui.explorer.AccountItem;
import io.stratus.ui.explorer.ExplorerNotice;
import io.stratus.ui.explorer.RegionItem;

import org.eclipse.jface.viewers.StyledString;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.ICommonContentExtensionSite;

/**
 * Names, decorations and icons of the explorer's nodes: a database shows its engine, version and
 * status; a region the outcome of its scan (how many databases, or no permission naming the IAM
 * action, AWS's reason for a failure, a timeout). Cheap per node: a region may hold thousands.
 */
public final class ExplorerLabelProvider extends ExplorerLabels {

    private Engines engines = Engines.NONE;

    @Override
    public void init(ICommonContentExtensionSite site) {
        super.init(site);
        engines = Engines.running();
    }

    @Override
    public StyledString getStyledText(Object element) {
        return switch (element) {
            case ExplorerNotice notice -> new StyledString(notice.text(), notice.kind() == ExplorerNotice.Kind.LOADING
                    ? StyledString.DECORATIONS_STYLER : null);
            case AccountItem account -> new StyledString(account.alias().map(alias -> alias + " (" + account.accountId() + ")")
                    .orElse(account.accountId())).append("  AWS account", StyledString.DECORATIONS_STYLER);
            case ServiceNode service -> new StyledString(service.service().displayName())
                    .append("  " + databases(service.regions().stream().mapToInt(r -> r.resources().size()).sum()),
                            StyledString.COUNTER_STYLER);
            case RegionItem region -> new StyledString(region.region()).append("  " + outcome(region.node()),
                    region.node().status().outcome() == ScanStatus.Outcome.OK ? StyledString.COUNTER_STYLER
                            : StyledString.DECORATIONS_STYLER);
            case CloudResource resource -> new StyledString(resource.name()).append("  " + summary(resource),
                    StyledString.DECORATIONS_STYLER);
            default -> new StyledString(String.valueOf(element));
        };
    }

    private static String databases(int count) {
        return count == 1 ? "1 database" : count + " databases";
    }

    /** How the region's scan ended, in the words a person acts on. */
    static String outcome(RegionNode region) {
        ScanStatus status = region.status();
        return switch (status.outcome()) {
            case PENDING -> status.detail();
            case OK -> databases(region.resources().size());
            case ACCESS_DENIED -> "No permission: " + String.join(", ", status.missingActions());
            case FAILED -> "Failed: " + status.detail();
            case TIMED_OUT -> "Timed out" + (status.detail().isEmpty() ? "" : ": " + status.detail());
        };
    }

    /** {@code Aurora MySQL 8.0 · available · cluster of 2} */
    private String summary(CloudResource resource) {
        StringBuilder text = new StringBuilder(engines.name(resource.engine()));
        if (!resource.engineVersion().isEmpty()) {
            text.append(' ').append(resource.engineVersion());
        }
        if (!resource.status().isEmpty()) {
            text.append(" \u00b7 ").append(resource.status());
        }
        if (!resource.members().isEmpty()) {
            text.append(" \u00b7 ").append(resource.kind()).append(" of ").append(resource.members().size());
        }
        return text.toString();
    }

    @Override
    public Image getImage(Object element) {
        return switch (element) {
            case ExplorerNotice notice -> switch (notice.kind()) {
                case LOADING -> icon("loading");
                case FAILED -> icon("failed");
                case SIGNED_OUT -> PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_INFO_TSK);
            };
            case AccountItem account -> icon("account");
            case ServiceNode service -> icon("service");
            case RegionItem region -> switch (region.node().status().outcome()) {
                case PENDING -> icon("loading");
                case OK -> icon("region");
                case ACCESS_DENIED -> icon("denied");
                case FAILED -> icon("failed");
                case TIMED_OUT -> icon("timedout");
            };
            case CloudResource resource -> icons().engine(resource.engine());
            default -> null;
        };
    }

    private Image icon(String name) {
        return icons().icon(name);
    }

    @Override
    public String getDescription(Object element) {
        return switch (element) {
            case CloudResource resource -> resource.name() + " \u2014 " + resource.id();
            case RegionItem region -> region.service().displayName() + " in " + region.region() + ": "
                    + (region.node().status().outcome() == ScanStatus.Outcome.ACCESS_DENIED ? region.node().status().detail()
                            : outcome(region.node()));
            default -> getText(element);
        };
    }
}
