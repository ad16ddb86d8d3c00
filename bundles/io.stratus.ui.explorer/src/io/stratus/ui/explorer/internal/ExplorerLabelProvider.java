package io.stratus.ui.explorer.internal;

import io.stratus.core.cloud.CloudResource;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.core.explorer.ExplorerTree.RegionNode;
import io.stratus.core.explorer.ExplorerTree.ServiceNode;
import io.stratus.core.explorer.ScanStatus;
import io.stratus.ui.explorer.AccountItem;
import io.stratus.ui.explorer.ExplorerNotice;
import io.stratus.ui.explorer.RegionItem;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider.IStyledLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.ICommonContentExtensionSite;
import org.eclipse.ui.navigator.ICommonLabelProvider;

/**
 * Names, decorations and icons of the explorer's nodes: a database shows its engine, version and
 * status; a region the outcome of its scan (how many databases, or no permission naming the IAM
 * action, AWS's reason for a failure, a timeout). Cheap per node: a region may hold thousands.
 */
public final class ExplorerLabelProvider extends LabelProvider implements ICommonLabelProvider, IStyledLabelProvider {

    private static final String BUNDLE = "io.stratus.ui.explorer";
    private static final String OTHER_ENGINE = "other";

    private final LocalResourceManager images = new LocalResourceManager(JFaceResources.getResources());
    /** By file name; a region's thousands of databases share a handful of icons. */
    private final Map<String, Image> icons = new HashMap<>();
    /** The icon file of each engine id, looked up once. */
    private final Map<String, String> engineIcons = new HashMap<>();
    private Engines engines = Engines.NONE;

    @Override
    public void init(ICommonContentExtensionSite site) {
        // Created by the navigator from plugin.xml: the workbench's context finds the OSGi service.
        CloudExplorer explorer = PlatformUI.getWorkbench().getService(CloudExplorer.class);
        if (explorer != null) {
            engines = Engines.of(explorer);
        }
    }

    @Override
    public String getText(Object element) {
        return getStyledText(element).getString();
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
            case CloudResource resource -> icon(engineIcons.computeIfAbsent(resource.engine(), this::engineIcon));
            default -> null;
        };
    }

    /** The engine's own icon key, else its family's icon (one for PostgreSQL and Aurora PostgreSQL). */
    private String engineIcon(String engineId) {
        String key = engines.find(engineId).map(engine -> engine.icon().orElse(engine.family())).orElse(OTHER_ENGINE);
        return getClass().getClassLoader().getResource("icons/db-" + key + ".png") != null ? "db-" + key : "db-" + OTHER_ENGINE;
    }

    private Image icon(String name) {
        return icons.computeIfAbsent(name, file -> images.create(ResourceLocator
                .imageDescriptorFromBundle(BUNDLE, "icons/" + file + ".png")
                .orElseGet(ImageDescriptor::getMissingImageDescriptor)));
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

    @Override
    public void restoreState(IMemento memento) {
    }

    @Override
    public void saveState(IMemento memento) {
    }

    @Override
    public void dispose() {
        images.dispose();
        super.dispose();
    }
}
