package io.stratus.server.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API's routes: a method and a path template such as {@code /api/users/{id}/roles}, each
 * with what its handler waits on and the handler. Finds the route of a request and the values of
 * its path parameters.
 */
final class Router {

    /** What a handler waits on, which decides the threads it runs on. */
    enum Wait {
        /** Memory and the store only: answered on the HTTP listener's own threads. */
        NOTHING,
        /** AWS, for someone not signed in yet (setup, sign-in). */
        SIGN_IN,
        /** AWS or a database, for someone signed in (explorer, open databases). */
        REMOTE
    }

    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    record Route(String method, String template, Wait waits, Handler handler) {
        Optional<Map<String, String>> match(String path) {
            String[] expected = template.split("/");
            String[] actual = path.split("/");
            if (expected.length != actual.length) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < expected.length; i++) {
                if (expected[i].startsWith("{") && expected[i].endsWith("}")) {
                    if (actual[i].isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(expected[i].substring(1, expected[i].length() - 1), actual[i]);
                } else if (!expected[i].equals(actual[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(parameters);
        }
    }

    /** The route and parameters of a request, or the methods the path allows (none: unknown path). */
    record Match(Optional<Route> route, Map<String, String> parameters, Set<String> allowedMethods) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        return add(method, template, Wait.NOTHING, handler);
    }

    Router add(String method, String template, Wait waits, Handler handler) {
        routes.add(new Route(method, template, waits, handler));
        return this;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    Match find(String method, String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(path);
            if (parameters.isPresent()) {
                if (route.method().equals(method)) {
                    return new Match(Optional.of(route), parameters.get(), Set.of(method));
                }
                allowed.add(route.method());
            }
        }
        return new Match(Optional.empty(), Map.of(), allowed);
    }
}
