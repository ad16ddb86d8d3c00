package io.stratus.ui.explorer.internal;

import io.stratus.core.cloud.CloudResource;
import io.stratus.core.explorer.ExplorerTree.ServiceNode;
import io.stratus.ui.explorer.AccountItem;
import io.stratus.ui.explorer.RegionItem;

import org.eclipse.jface.viewers.IElementComparer;

/**
 * Nodes are the same node across refreshes and filters when they name the same thing (an account,
 * a service, a service in a region, a database), whatever they hold now: so the tree keeps what
 * was expanded and selected when a new answer or filter replaces the nodes.
 */
public final class ExplorerElementComparer implements IElementComparer {

    private record Key(Class<?> type, String id) {
    }

    @Override
    public boolean equals(Object a, Object b) {
        return key(a).equals(key(b));
    }

    @Override
    public int hashCode(Object element) {
        return key(element).hashCode();
    }

    private static Object key(Object element) {
        return switch (element) {
            case AccountItem account -> new Key(AccountItem.class, account.accountId());
            case ServiceNode service -> new Key(ServiceNode.class, service.service().id());
            case RegionItem region -> new Key(RegionItem.class, region.service().id() + "/" + region.region());
            case CloudResource resource -> new Key(CloudResource.class, resource.id());
            default -> element;
        };
    }
}
