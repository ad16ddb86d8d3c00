package io.stratus.discovery;

import io.stratus.core.cloud.CloudService;

/**
 * Finds the databases of one service in one region: an engine's discovery contribution,
 * registered as a DS service (whiteboard) by the engine's own bundle. The explorer scans every
 * registered discovery in every region it covers and shows the service as one node of the tree.
 */
public interface Discovery {

    CloudService service();

    /**
     * @return what was found, and which IAM actions were refused (their part is then missing)
     * @throws AccessDenied where IAM refused the call the whole scan needs
     */
    Found scan(Scan scan, ScanScope scope);
}
