package io.stratus.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.stratus.core.database.DatabaseService;
import io.stratus.core.explorer.CloudExplorer;

import java.util.Set;

/**
 * The database engines the installed bundles contribute, so that front ends list engines from
 * the server rather than from lists of their own.
 */
final class EngineRoutes {

    private final CloudExplorer explorer;
    private final DatabaseService databaseService;
    private final JsonViews views;

    EngineRoutes(CloudExplorer explorer, DatabaseService databaseService, JsonViews views) {
        this.explorer = explorer;
        this.databaseService = databaseService;
        this.views = views;
    }

    void addTo(Router router) {
        router.add("GET", "/api/engines", this::engines);
    }

    private ApiResponse engines(ApiRequest request) {
        request.signedIn(); // for signed-in people, as the rest of the API
        Set<String> openable = databaseService.engines();
        ArrayNode engines = views.array();
        explorer.engines().forEach(engine -> engines.add(views.engine(engine, openable.contains(engine.id()))));
        return ApiResponse.ok(views.object().set("engines", engines));
    }
}
