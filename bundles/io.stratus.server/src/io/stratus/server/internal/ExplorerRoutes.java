package io.stratus.server.internal;

import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Action;
import io.stratus.core.explorer.CloudExplorer;
import io.stratus.core.explorer.ExplorerFilter;
import io.stratus.core.explorer.ExplorerTree;

import java.util.Optional;

/**
 * The explorer tree of the signed-in person (filtered by the query's {@code text}, {@code engine},
 * {@code status} and {@code tag}), its refresh, and the connection settings of one database.
 */
final class ExplorerRoutes {

    private final CloudExplorer explorer;
    private final JsonViews views;

    ExplorerRoutes(CloudExplorer explorer, JsonViews views) {
        this.explorer = explorer;
        this.views = views;
    }

    void addTo(Router router) {
        // The first look at the tree, and a connection's settings before it, scan AWS.
        router.add("GET", "/api/explorer", Router.Wait.REMOTE, this::tree)
                .add("POST", "/api/explorer/refresh", Router.Wait.REMOTE, this::refresh)
                .add("GET", "/api/explorer/connection", Router.Wait.REMOTE, this::connection);
    }

    private ApiResponse tree(ApiRequest request) {
        return ApiResponse.ok(views.tree(filtered(explorer.tree(request.signedIn()), request)));
    }

    /** The whole tree, or with {@code service} and {@code region} in the body, one node of it. */
    private ApiResponse refresh(ApiRequest request) {
        Optional<String> service = request.optionalText("service");
        Optional<String> region = request.optionalText("region");
        if (service.isPresent() != region.isPresent()) {
            throw new StratusException(Problem.INVALID_INPUT, "To refresh one node, give both \"service\" and "
                    + "\"region\"; give neither to refresh the whole tree.");
        }
        ExplorerTree tree = service.isPresent()
                ? explorer.refresh(request.signedIn(), service.get(), region.get())
                : explorer.refresh(request.signedIn());
        return ApiResponse.ok(views.tree(filtered(tree, request)));
    }

    /** A resource id is an ARN, full of ':' and '/': it travels in the query, {@code ?resource=ARN}. */
    private ApiResponse connection(ApiRequest request) {
        String resource = query(request, "resource").orElseThrow(() -> new StratusException(Problem.INVALID_INPUT,
                "Name the database with ?resource= and its id from the explorer tree."));
        return ApiResponse.ok(views.connectionSpec(
                explorer.connectionSpec(request.signedIn(), resource, Action.READ_CONNECTION_SETTINGS)));
    }

    private static ExplorerTree filtered(ExplorerTree tree, ApiRequest request) {
        ExplorerFilter filter = new ExplorerFilter(query(request, "text"), query(request, "engine"),
                query(request, "status"), query(request, "tag"));
        return tree.filter(filter);
    }

    private static Optional<String> query(ApiRequest request, String name) {
        return Optional.ofNullable(request.query().get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
