package io.stratus.ui.explorer;

import io.stratus.core.cloud.CloudService;
import io.stratus.core.explorer.ExplorerTree.RegionNode;

/**
 * One service in one region, with the status of its scan and the databases found there
 * ({@link io.stratus.core.cloud.CloudResource}, the elements engine bundles add their content to).
 */
public record RegionItem(CloudService service, RegionNode node) {

    public String region() {
        return node.region();
    }
}
