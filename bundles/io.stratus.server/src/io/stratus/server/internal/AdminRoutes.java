package io.stratus.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratus.core.admin.UserAdministration;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.access.Permission;
import io.stratus.core.access.Role;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users, roles, the default role and the audit trail. The services check the permissions
 * themselves; a route only translates between JSON and them.
 */
final class AdminRoutes {

    private final UserAdministration admin;
    private final JsonViews views;

    AdminRoutes(UserAdministration admin, JsonViews views) {
        this.admin = admin;
        this.views = views;
    }

    void addTo(Router router) {
        router.add("GET", "/api/users", this::users)
                .add("PUT", "/api/users/{id}/roles", this::setRoles)
                .add("GET", "/api/roles", this::roles)
                .add("POST", "/api/roles", this::createRole)
                .add("PUT", "/api/roles/{id}", this::changeRole)
                .add("DELETE", "/api/roles/{id}", this::deleteRole)
                .add("PUT", "/api/roles/{id}/databases", this::limitDatabases)
                .add("PUT", "/api/instance/default-role", this::setDefaultRole)
                .add("GET", "/api/audit", this::audit);
    }

    private ApiResponse users(ApiRequest request) {
        ObjectNode body = views.object();
        ArrayNode users = body.putArray("users");
        admin.users(request.signedIn()).forEach(user -> users.add(views.user(user)));
        return ApiResponse.ok(body);
    }

    private ApiResponse setRoles(ApiRequest request) {
        Set<String> roleIds = strings(request.body().get("roles"), "roles");
        return ApiResponse.ok(views.user(admin.setRoles(request.signedIn(), request.pathParameter("id"), roleIds)));
    }

    private ApiResponse roles(ApiRequest request) {
        ObjectNode body = views.object();
        ArrayNode roles = body.putArray("roles");
        Map<String, List<String>> limits = admin.databaseLimits(request.signedIn());
        admin.roles(request.signedIn()).forEach(role -> roles.add(views.role(role, limits.getOrDefault(role.id(), List.of()))));
        body.put("defaultRole", admin.defaultRole(request.signedIn()));
        return ApiResponse.ok(body);
    }

    private ApiResponse createRole(ApiRequest request) {
        Role created = admin.createCustomRole(request.signedIn(), customRole(request, request.text("id")));
        return ApiResponse.created(role(request, created));
    }

    private ApiResponse changeRole(ApiRequest request) {
        Role changed = admin.changeCustomRole(request.signedIn(), customRole(request, request.pathParameter("id")));
        return ApiResponse.ok(role(request, changed));
    }

    /** {@code {"patterns": [...]}}: the databases the role may open; none lifts the limit. */
    private ApiResponse limitDatabases(ApiRequest request) {
        String id = request.pathParameter("id");
        List<String> patterns = List.copyOf(strings(request.body().get("patterns"), "patterns"));
        admin.setDatabaseLimits(request.signedIn(), id, patterns);
        ObjectNode body = views.object().put("id", id);
        patterns.stream().sorted().forEach(body.putArray("databases")::add);
        return ApiResponse.ok(body);
    }

    private ObjectNode role(ApiRequest request, Role role) {
        return views.role(role, admin.databaseLimits(request.signedIn()).getOrDefault(role.id(), List.of()));
    }

    private ApiResponse deleteRole(ApiRequest request) {
        admin.deleteCustomRole(request.signedIn(), request.pathParameter("id"));
        return ApiResponse.noContent();
    }

    /** The role a user gets at first sign-in. */
    private ApiResponse setDefaultRole(ApiRequest request) {
        admin.setDefaultRole(request.signedIn(), request.text("role"));
        return ApiResponse.ok(views.object().put("defaultRole", admin.defaultRole(request.signedIn())));
    }

    private ApiResponse audit(ApiRequest request) {
        int limit = limit(request.query().get("limit"));
        ObjectNode body = views.object();
        ArrayNode entries = body.putArray("entries");
        admin.audit(request.signedIn(), limit).forEach(entry -> entries.add(views.audit(entry)));
        return ApiResponse.ok(body);
    }

    private static Role customRole(ApiRequest request, String id) {
        Set<Permission> permissions = new LinkedHashSet<>();
        strings(request.body().get("permissions"), "permissions").forEach(permission -> permissions.add(Permission.fromId(permission)));
        return Role.custom(id, request.text("name"), permissions);
    }

    private static Set<String> strings(JsonNode array, String field) {
        if (array == null || !array.isArray()) {
            throw new StratusException(Problem.INVALID_INPUT, "The request needs \"" + field + "\": a list of texts.");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                throw new StratusException(Problem.INVALID_INPUT, "Every entry of \"" + field + "\" must be text.");
            }
            values.add(value.asText());
        }
        return values;
    }

    /** The service says which limits it takes; this only reads the number. */
    private static int limit(String value) {
        if (value == null) {
            return UserAdministration.DEFAULT_AUDIT_ENTRIES;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StratusException(Problem.INVALID_INPUT, "?limit= takes a whole number of entries, not '" + value
                    + "'.");
        }
    }
}
