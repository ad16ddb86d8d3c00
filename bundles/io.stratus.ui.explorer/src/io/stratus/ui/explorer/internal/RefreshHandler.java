package io.stratus.ui.explorer.internal;

import io.stratus.core.explorer.ExplorerTree.RegionNode;
import io.stratus.core.explorer.ExplorerTree.ServiceNode;
import io.stratus.ui.explorer.CloudExplorerView;
import io.stratus.ui.explorer.RegionItem;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;

/**
 * Discovers again: the selected service or region alone (F5, the context menu), or everything
 * (the view's tool bar, and F5 with anything else selected). {@code RefreshHandler:all} in
 * plugin.xml makes the handler that always refreshes everything.
 */
public final class RefreshHandler extends AbstractHandler implements IExecutableExtension {

    private boolean always;

    @Override
    public void setInitializationData(IConfigurationElement config, String property, Object data) {
        always = "all".equals(data);
    }

    @Override
    public Object execute(ExecutionEvent event) {
        ExplorerCommands.view(event).ifPresent(view -> refresh(view, always ? null
                : view.getCommonViewer().getStructuredSelection().getFirstElement()));
        return null;
    }

    private static void refresh(CloudExplorerView view, Object selected) {
        switch (selected) {
            case RegionItem region -> view.model().refresh(region.service(), List.of(region.region()));
            case ServiceNode service -> view.model().refresh(service.service(),
                    service.regions().stream().map(RegionNode::region).toList());
            case null, default -> view.model().refreshAll();
        }
    }
}
