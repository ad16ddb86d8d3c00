package io.stratus.ui.explorer.internal.catalog;

import io.stratus.ui.explorer.CatalogMore;
import io.stratus.ui.explorer.CatalogNode;
import io.stratus.ui.explorer.internal.ExplorerCommands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Refresh (F5) or Open on a node of an open database's catalog: refresh reads the node's level
 * again; Open on "More…" ({@code CatalogRefreshHandler:more} in plugin.xml) reads the next page.
 */
public final class CatalogRefreshHandler extends AbstractHandler implements IExecutableExtension {

    private boolean more;

    @Override
    public void setInitializationData(IConfigurationElement config, String property, Object data) {
        more = "more".equals(data);
    }

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getCurrentStructuredSelection(event).getFirstElement() instanceof CatalogNode node) {
            ExplorerCommands.view(event).flatMap(CatalogContentProvider::of).ifPresent(catalog -> {
                if (more && node instanceof CatalogMore next) {
                    catalog.readMore(next);
                } else {
                    catalog.refresh(node);
                }
            });
        }
        return null;
    }
}
