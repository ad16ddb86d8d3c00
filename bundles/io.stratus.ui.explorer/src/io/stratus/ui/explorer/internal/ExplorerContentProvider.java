package io.stratus.ui.explorer.internal;

import io.stratus.core.cloud.CloudResource;
import io.stratus.core.explorer.ExplorerTree.ServiceNode;
import io.stratus.ui.explorer.AccountItem;
import io.stratus.ui.explorer.RegionItem;

import org.eclipse.jface.viewers.ITreeContentProvider;

/**
 * Account, services, regions and databases (clusters with their instances), read from the nodes
 * themselves: each node holds its children, so nothing here waits or looks anything up.
 */
public final class ExplorerContentProvider implements ITreeContentProvider {

    private static final Object[] NONE = {};

    @Override
    public Object[] getElements(Object input) {
        return getChildren(input);
    }

    @Override
    public Object[] getChildren(Object parent) {
        return switch (parent) {
            case ExplorerModel model -> model.roots();
            case AccountItem account -> account.tree().services().toArray();
            case ServiceNode service -> service.regions().stream().map(region -> new RegionItem(service.service(), region))
                    .toArray();
            case RegionItem region -> region.node().resources().toArray();
            case CloudResource resource -> resource.members().toArray();
            default -> NONE;
        };
    }

    @Override
    public Object getParent(Object element) {
        return null; // nodes do not know their parents; the viewer keeps track
    }

    @Override
    public boolean hasChildren(Object element) {
        return switch (element) {
            case ExplorerModel model -> true;
            case AccountItem account -> !account.tree().services().isEmpty();
            case ServiceNode service -> !service.regions().isEmpty();
            case RegionItem region -> !region.node().resources().isEmpty();
            case CloudResource resource -> !resource.members().isEmpty();
            default -> false;
        };
    }
}
